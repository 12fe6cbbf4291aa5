"""Defaults of the editorial app's settings, each overridable in Django settings. Read them
through `app_settings.NAME`, never at import time (the pattern of accounts/app_settings.py)."""

from django.conf import settings

DEFAULTS = {
    # A page that Wagtail's autosave created while someone started a new page, and that its
    # author never saved, submitted or published themselves, counts as an abandoned attempt
    # after this many hours without a change: it is deleted when that person starts their
    # next new page (editorial.autosave). Not from the environment: an editorial rule.
    "SENSI_ABANDONED_ATTEMPT_HOURS": 24,
}


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])


def __getattr__(name: str):
    if name not in DEFAULTS:
        raise AttributeError(name)
    return setting(name)
