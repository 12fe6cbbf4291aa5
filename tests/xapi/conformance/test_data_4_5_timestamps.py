"""Data §4.5: timestamps are ISO 8601; the offsets -00, -0000 and -00:00 are refused."""

import pytest

from xapi.models import Statement

from .conftest import statement


@pytest.mark.parametrize("offset", ["-00", "-0000", "-00:00"])
def test_data_4_5_negative_zero_offsets_are_refused(lrs, offset):
    response = lrs.post(statement(timestamp=f"2026-12-06T10:00:00.123{offset}"))
    assert response.status_code == 400
    assert "timestamp" in response.json()["error"]
    assert not Statement.objects.exists()


@pytest.mark.parametrize("offset", ["-00", "-0000", "-00:00"])
def test_data_4_5_negative_zero_offsets_are_refused_in_query_parameters(lrs, offset):
    assert lrs.get(since=f"2026-12-06T10:00:00{offset}").status_code == 400


@pytest.mark.parametrize("offset", ["Z", "+00:00", "+0000", "+00", "-05:00", "-0030"])
def test_data_4_5_other_offsets_are_accepted(lrs, offset):
    assert lrs.post(statement(timestamp=f"2026-12-06T10:00:00{offset}")).status_code == 200
