"""Defaults of the impulses app's settings, each overridable in Django settings and, through
config/settings/base.py, by the environment variable of the same name (listed in
.env.example). Read them through `setting(NAME)` at call time, never at import time, so that
`override_settings` in tests takes effect."""

from django.conf import settings

DEFAULTS = {
    # Origins that may embed the impulse widget in an iframe (CSP `frame-ancestors`), e.g.
    # the employee portal "https://map.example.hessen.de". Empty: no page may frame it.
    "SENSI_IMPULSE_FRAME_ANCESTORS": [],
    # The screensaver page shows the next impulse after this many seconds.
    "SENSI_IMPULSE_SCREENSAVER_SECONDS": 30,
}


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])
