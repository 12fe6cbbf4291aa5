"""pytest: dev settings with fast hashing and an in-memory mail outbox."""

import os

from .dev import *  # noqa: F403

# pytest-xdist runs the suite in several processes (`make test`: -n 2); each has its own test
# database (pytest-django suffixes it with the worker id) and its own file storage, so no
# worker sees or removes another's files.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
_SUFFIX = f"-{_WORKER}" if _WORKER else ""

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ACCOUNT_RATE_LIMITS = False
MEDIA_ROOT = BASE_DIR / f".test-media{_SUFFIX}"  # noqa: F405
ALLOWED_HOSTS = ["*"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# Most tests never commit, so a replica could not show their data: only the replica tests
# (tests/dbrouting) route reads there, by override_settings.
SENSI_READ_REPLICA = False
SENSI_PRIVATE_ROOT = BASE_DIR / f".test-media-private{_SUFFIX}"  # noqa: F405
# Unit tests run tasks at once, in the test's transaction; tests/jobs runs the real worker
# (django_tasks_db) where it matters.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
