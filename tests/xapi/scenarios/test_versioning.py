"""Client scenarios on versioning and /about (1.0.3 Communication §3.3 and §2.8; 2.0 §4.1.7
and §4.1.6.7), under xAPI 1.0.3 and 2.0.0."""

import json
from urllib.parse import urlencode

import pytest

from .statements import statement


def test_about_lists_both_versions_and_answers_in_the_clients_version(lrs):
    reply = lrs.request("GET", "about")
    assert reply.status == 200
    assert reply.json()["version"][:2] == ["2.0.0", "1.0.3"]
    assert reply.headers["X-Experience-API-Version"] == lrs.version


def test_errors_and_unknown_resources_name_the_clients_version(lrs):
    refused = lrs.post_json("statements", {"actor": {}})
    assert refused.status == 400
    assert refused.headers["X-Experience-API-Version"] == lrs.version
    unknown = lrs.request("GET", "extensions/none")
    assert unknown.status == 404
    assert unknown.headers["X-Experience-API-Version"] == lrs.version


@pytest.mark.parametrize(
    ("header", "answered_in"),
    [("1.0", "1.0.3"), ("1.0.1", "1.0.3"), ("2.0", "2.0.0"), ("2.0.0", "2.0.0")],
)
def test_any_1_0_or_2_0_version_is_answered_in_its_latest_patch(lrs, header, answered_in):
    reply = lrs.request(
        "GET", "statements", params={"limit": "1"}, headers={"X-Experience-API-Version": header}
    )
    assert reply.status == 200
    assert reply.headers["X-Experience-API-Version"] == answered_in


@pytest.mark.parametrize("header", ["2.1.0", "1.1", "0.95", "3.0.0", "1.0garbage", "2.0.0-rc1"])
def test_other_versions_are_refused(lrs, header):
    reply = lrs.request(
        "POST",
        "statements",
        body=b"{}",
        content_type="application/json",
        headers={"X-Experience-API-Version": header},
    )
    assert reply.status == 400
    assert header in reply.json()["error"]


def test_alternate_request_syntax_exists_in_1_0_3_only(lrs):
    """1.0.3 Communication §1.3; 2.0 removed it (the ADL 2.0 suite expects a 4xx)."""
    sent = statement()
    reply = lrs.request(
        "POST",
        "statements",
        params={"method": "PUT"},
        body=urlencode(
            {
                "statementId": sent["id"],
                "content": json.dumps(sent),
                "Authorization": lrs.authorization,
                "X-Experience-API-Version": lrs.version,
                "Content-Type": "application/json",
            }
        ).encode(),
        content_type="application/x-www-form-urlencoded",
    )
    if lrs.version.startswith("1."):
        assert reply.status == 204, reply.body
    else:
        assert reply.status == 400
        assert "alternate request syntax" in reply.json()["error"]
