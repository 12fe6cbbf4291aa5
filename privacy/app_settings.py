"""Defaults of the privacy app's settings, each overridable in Django settings and, through
config/settings/base.py, by the environment variable of the same name (listed in
.env.example). Read them through `app_settings.NAME`, never at import time, so that
`override_settings` in tests takes effect (the pattern of courses/app_settings.py).

How long personal data is kept (docs/privacy.md): `manage.py purge_expired` (daily, from
cron) deletes learning data (progress, quiz attempts, xAPI statements and documents about
learners) and reminder records after their period. The acknowledgement ledger's period is
compliance's (`SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS`, since the database enforces it). The
processing record at /de/datenschutz/verarbeitung/ shows these values.
"""

from django.conf import settings

DEFAULTS = {
    "SENSI_RETENTION_LEARNING_DAYS": 365,
    "SENSI_RETENTION_REMINDER_DAYS": 365,
    # "Meine Daten" as PDF or CSV with more table rows than this is made by a background job
    # (the employee sees its progress, then downloads the file); up to it, at once.
    "SENSI_MY_DATA_INLINE_MAX_ROWS": 2000,
}


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])


def __getattr__(name: str):
    if name not in DEFAULTS:
        raise AttributeError(name)
    return setting(name)
