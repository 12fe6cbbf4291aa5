"""Defaults of the accessibility app's settings, each overridable in Django settings and,
through config/settings/base.py, by the environment variable of the same name (listed in
.env.example). Read them through `app_settings.NAME`, never at import time, so that
`override_settings` in tests takes effect (the pattern of courses/app_settings.py)."""

from django.conf import settings

DEFAULTS = {
    # Where feedback from the statement's form (BITV 2.0 §7) is mailed; "": only stored and
    # listed in the admin.
    "SENSI_ACCESSIBILITY_FEEDBACK_EMAIL": "",
    # The enforcement body the statement names: the conciliation body under § 16 BGG by
    # default; a state administration names its own state's body.
    "SENSI_ACCESSIBILITY_ENFORCEMENT_NAME": (
        "Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG)"
    ),
    "SENSI_ACCESSIBILITY_ENFORCEMENT_URL": "https://www.schlichtungsstelle-bgg.de/",
}


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])


def __getattr__(name: str):
    if name not in DEFAULTS:
        raise AttributeError(name)
    return setting(name)
