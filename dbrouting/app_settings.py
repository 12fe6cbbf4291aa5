"""Defaults of the replica routing's settings (the pattern of courses/app_settings.py); the
replica's address itself is `DATABASE_REPLICA_URL` (config/settings/base.py)."""

from django.conf import settings

DEFAULTS = {
    # Send the marked views' reads to the replica. On when DATABASE_REPLICA_URL is set; the
    # test settings turn it off, since most tests never commit what a replica could show.
    "SENSI_READ_REPLICA": False,
    # After a failed connection, how long the primary answers before the replica is tried
    # again.
    "SENSI_REPLICA_RETRY_SECONDS": 30,
}


def __getattr__(name: str):
    if name not in DEFAULTS:
        raise AttributeError(name)
    return getattr(settings, name, DEFAULTS[name])
