"""content.languages: the active language as one of the site's languages."""

import pytest
from django.utils import translation

from content.languages import current_language


@pytest.mark.parametrize(
    ("active", "expected"),
    [("de", "de"), ("en", "en"), ("en-gb", "en"), ("de-at", "de"), ("fr", "de")],
)
def test_current_language(active, expected):
    with translation.override(active):
        assert current_language() == expected


def test_current_language_without_an_active_language_is_the_default():
    with translation.override(None):
        assert current_language() == "de"
