"""jobs.tasks and the TASKS setting: production queues tasks in the database for the worker,
and Wagtail's own tasks (the reference index) run there too."""

import importlib

import pytest
from django_tasks_db.models import DBTaskResult

from tests.factories import home_page, module_page

from .worker import database_tasks, run_worker

pytestmark = pytest.mark.django_db


def test_production_settings_queue_tasks_in_the_database(monkeypatch):
    from config.settings import base

    monkeypatch.delenv("SENSI_TASKS_IMMEDIATE", raising=False)
    assert importlib.reload(base).TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    monkeypatch.setenv("SENSI_TASKS_IMMEDIATE", "true")
    assert "ImmediateBackend" in importlib.reload(base).TASKS["default"]["BACKEND"]
    monkeypatch.delenv("SENSI_TASKS_IMMEDIATE")
    importlib.reload(base)


def test_wagtails_reference_index_updates_run_in_the_worker():
    with database_tasks():
        module_page(home=home_page("de"))
        queued = DBTaskResult.objects.filter(task_path__endswith="update_reference_index_task")
        assert queued.exists()
        assert set(queued.values_list("status", flat=True)) == {"READY"}

        run_worker()

    assert set(queued.values_list("status", flat=True)) == {"SUCCESSFUL"}
