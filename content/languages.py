"""The site's languages (settings.LANGUAGES: German first, English)."""

from django.conf import settings
from django.utils.translation import get_language


def current_language() -> str:
    """The active language as one of the site's language codes ("de", "en"): a regional
    variant counts as its language ("en-gb" is "en"); without an active language, or with
    one the site does not offer, the default (settings.LANGUAGE_CODE)."""
    active = get_language() or settings.LANGUAGE_CODE
    for code, _name in settings.LANGUAGES:
        if active == code or active.startswith(f"{code}-"):
            return code
    return settings.LANGUAGE_CODE
