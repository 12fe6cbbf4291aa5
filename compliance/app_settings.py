"""Defaults of the compliance app's settings, each overridable in Django settings and,
through config/settings/base.py, by the environment variable of the same name (listed in
.env.example). Read them through `app_settings.NAME`, never at import time, so that
`override_settings` in tests takes effect (the pattern of courses/app_settings.py)."""

from django.conf import settings

DEFAULTS = {
    # An open obligation is "due soon" this many days before its deadline.
    "SENSI_COMPLIANCE_DUE_SOON_DAYS": 14,
    # A report export (PDF, CSV, XLSX) whose selection covers more active employees than this
    # is made by a background job (docs/operations.md); up to it, at once in the request. The
    # default keeps a Ressort's reports inline and sends the whole Land's to the worker.
    "SENSI_REPORT_INLINE_MAX_EMPLOYEES": 20000,
    # Figures of groups with fewer employees than this are not shown in compliance reports.
    "SENSI_COMPLIANCE_MIN_GROUP_SIZE": 5,
    # Reminder e-mails (`manage.py send_reminders`): at most one per obligation in this many
    # days.
    "SENSI_COMPLIANCE_REMINDER_INTERVAL_DAYS": 7,
    # Teilnahmebescheinigungen (docs/compliance-reports.md): the key their verification codes
    # are derived with (HMAC; "": SECRET_KEY and its fallbacks), earlier keys still accepted
    # after a rotation, and the rate limit of the public verification page per client address
    # (allauth syntax, like the sign-in limits).
    "SENSI_CERTIFICATE_KEY": "",
    "SENSI_CERTIFICATE_KEY_FALLBACKS": [],
    "SENSI_RATE_LIMIT_CERTIFICATE_CHECK": "20/m/ip,200/h/ip",
    # Acknowledgement ledger entries are anonymised after this many days (`manage.py
    # purge_expired`); the database enforces it (compliance/ledger_triggers.py).
    "SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS": 5 * 365 + 1,
    # The acknowledgement ledger (docs/operations.md, "The acknowledgement ledger"): the HMAC
    # keys of its hash chain as `key_id:secret` strings, the first one signs new entries and
    # older ones stay for verifying entries signed before a rotation; the file that
    # `manage.py anchor_ledger` appends signed checkpoints of the chain's head to; and the
    # PostgreSQL role the application runs as, which migrations (run as the owner) grant only
    # what it needs ("": no grants, e.g. when app and owner are one role).
    "SENSI_LEDGER_KEYS": [],
    "SENSI_LEDGER_ANCHOR_FILE": "",
    "SENSI_DB_APP_ROLE": "sensi_app",
    # Processes a full ledger check runs in parallel on PostgreSQL, each over its own chunk of
    # entries (0: one per CPU core; 1: none besides the caller's).
    "SENSI_LEDGER_VERIFY_WORKERS": 0,
}


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])


def __getattr__(name: str):
    if name not in DEFAULTS:
        raise AttributeError(name)
    return setting(name)
