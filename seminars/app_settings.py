"""Defaults of the seminars app's settings, each overridable in Django settings and, through
config/settings/base.py, by the environment variable of the same name (listed in
.env.example). Read them through `app_settings.NAME`, never at import time, so that
`override_settings` in tests takes effect (the pattern of courses/app_settings.py).

BigBlueButton (docs/seminars.md): with both SENSI_BBB_API_URL (the API base, ending in
`/bigbluebutton/api/`) and SENSI_BBB_SECRET set, Sensi creates the room of an online session
on that server and lets participants join it with their display name; without them an online
session is the room link the editor entered.
"""

from django.conf import settings

DEFAULTS = {
    "SENSI_BBB_API_URL": "",
    "SENSI_BBB_SECRET": "",
    # The checksum algorithm the BBB server expects: "sha1" (the default of every BBB
    # version) or "sha256" (BBB 2.6+ when configured with supportedChecksumAlgorithms).
    "SENSI_BBB_CHECKSUM": "sha1",
    # Seconds to wait for the BBB server.
    "SENSI_BBB_TIMEOUT_SECONDS": 10.0,
    # Reminders go out this many hours before a session starts (send_seminar_reminders,
    # run hourly or daily from cron).
    "SENSI_SEMINAR_REMINDER_HOURS": 24,
}


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])


def __getattr__(name: str):
    if name not in DEFAULTS:
        raise AttributeError(name)
    return setting(name)


def bbb_configured() -> bool:
    return bool(setting("SENSI_BBB_API_URL") and setting("SENSI_BBB_SECRET"))
