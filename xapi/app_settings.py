"""Defaults of the xapi app's settings, each overridable in Django settings and, through
config/settings/base.py, by the environment variable of the same name (listed in
.env.example). Read them through `app_settings.NAME`, never at import time, so that
`override_settings` in tests takes effect (the pattern of courses/app_settings.py)."""

from django.conf import settings

DEFAULTS = {
    # The most statements one GET /xapi/statements returns (xAPI 1.0.3 Communication §2.1.3,
    # `limit`); a client that asks for none or more gets this many and a `more` link.
    "SENSI_XAPI_PAGE_SIZE": 500,
    # How long a `more` link stays valid (seconds). Not from the environment.
    "SENSI_XAPI_MORE_MAX_AGE": 60 * 60 * 24,
    # The largest request body the LRS reads (bytes); larger ones get 413. (config/settings/
    # base.py also sets it, since Django's DATA_UPLOAD_MAX_MEMORY_SIZE derives from it.)
    # How long a worker reuses an LRS client's row for Basic auth (seconds; 0: read it on every
    # request); a revoked client is refused by every worker within this time.
    "SENSI_XAPI_CLIENT_CACHE_SECONDS": 10,
    "SENSI_XAPI_MAX_BODY_BYTES": 16 * 1024 * 1024,
    # How learners appear in statements: "pseudonym" (an account with their random id) or
    # "email" (mbox), only for an LMS that cannot match learners otherwise.
    "SENSI_XAPI_ACTOR": "pseudonym",
    # Launches from an LMS (docs/moodle.md, docs/security.md "Threat model: LMS launches and
    # LRS credentials"): a per-launch credential (POST /xapi/Basic/request) lives at most this
    # many minutes, whatever expiry the LMS asks for.
    "SENSI_XAPI_LAUNCH_CREDENTIAL_MAX_MINUTES": 60,
    # Refuse launches whose `auth` is a long-lived client credential (the LMS's master secret
    # in every learner's browser). Turn off only for an LMS that cannot request launch
    # credentials.
    "SENSI_XAPI_LAUNCH_REFUSE_CLIENT_CREDENTIALS": True,
    # cmi5 launches (docs/moodle.md, xapi/cmi5.py): Sensi calls the launching LMS's fetch URL
    # and LRS only under these origins (scheme://host[:port]; empty: cmi5 is off), and waits
    # at most this many seconds for each answer.
    "SENSI_CMI5_ALLOWED_ORIGINS": [],
    "SENSI_CMI5_TIMEOUT_SECONDS": 10.0,
}


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])


def __getattr__(name: str):
    if name not in DEFAULTS:
        raise AttributeError(name)
    return setting(name)
