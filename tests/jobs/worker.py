"""The real django-tasks-db worker, for tests: `run_worker()` in this process (the worker's
own loop, `--batch`: until the queue is empty), `worker_subprocess()` as `manage.py db_worker`
in a process of its own against the test database."""

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.db import connection
from django.test import override_settings
from django_tasks_db.management.commands.db_worker import Worker

from jobs.app_settings import private_root

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
ROOT = Path(__file__).resolve().parents[2]


def database_tasks():
    """Queue tasks in the database (as production does) instead of running them at once."""
    return override_settings(TASKS=DATABASE_TASKS)


def run_worker() -> None:
    """The worker's loop in this process, until the queue is empty. Inside a test's
    transaction it must not close the connection, as its loop does between tasks (Django
    closes a connection whose autocommit differs from the settings')."""
    with mock.patch(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    ):
        _worker().run()


def _worker() -> Worker:
    return Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )


def worker_subprocess(*, batch: bool = True) -> subprocess.Popen:
    """`manage.py db_worker` on the test database (PostgreSQL: the test must commit, i.e.
    use `transaction=True`)."""
    settings_dict = connection.settings_dict
    url = "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(**settings_dict)
    # The development settings (whose TASKS queue in the database), on the test database and
    # the test's file storage.
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "SENSI_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "SENSI_PRIVATE_ROOT": str(private_root()),
        "SENSI_TASKS_IMMEDIATE": "false",
    }
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
    command += ["--interval", "0.2"] + (["--batch"] if batch else [])
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
