"""Defaults of the jobs app's settings, each overridable in Django settings and, through
config/settings/base.py, by the environment variable of the same name (listed in
.env.example). Read them through `app_settings.NAME`, never at import time."""

from pathlib import Path

from django.conf import settings

DEFAULTS = {
    # Where the files of jobs are kept (uploads waiting for their job, results to download):
    # a directory that the web server does NOT serve; Sensi hands them out to permitted users
    # only. Default: `media-private/` beside MEDIA_ROOT.
    "SENSI_PRIVATE_ROOT": "",
    # Seconds between two progress writes of a running job (the admin page refreshes every
    # few seconds; more frequent writes only cost).
    "SENSI_JOBS_PROGRESS_INTERVAL": 0.5,
    # A running job without a sign of life (progress write, heartbeat) for this many minutes
    # is taken for dead (its worker was killed) and marked failed; it can then be retried.
    "SENSI_JOBS_STALE_MINUTES": 15,
    # Seconds between two heartbeats of a running job (PostgreSQL; on SQLite only progress
    # writes between transactions count as a sign of life).
    "SENSI_JOBS_HEARTBEAT_SECONDS": 30,
    # Days a job's result file (a report, a data export) is kept for download.
    "SENSI_JOBS_RESULT_RETENTION_DAYS": 7,
}


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])


def private_root():
    configured = setting("SENSI_PRIVATE_ROOT")
    if configured:
        return Path(configured)
    media = Path(settings.MEDIA_ROOT)
    return media.parent / f"{media.name}-private"


def __getattr__(name: str):
    if name not in DEFAULTS:
        raise AttributeError(name)
    return setting(name)
