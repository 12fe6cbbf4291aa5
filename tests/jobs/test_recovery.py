"""jobs.services.recover_stale and expire_results, and `manage.py cleanup_jobs`: a job whose
worker died is marked failed and can be retried; result files go after their retention."""

import os
import signal
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

import jobs
from jobs.models import Job
from jobs.services import expire_results, recover_stale, retry

from .job_functions import KIND
from .worker import database_tasks, run_worker, worker_subprocess

FUNCTIONS = "tests.jobs.job_functions"


def running(user, *, silent_for: timedelta) -> Job:
    with database_tasks():
        job = jobs.start(KIND, f"{FUNCTIONS}.count", user=user, to=3)
    now = timezone.now()
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.RUNNING, started_at=now - silent_for, heartbeat_at=now - silent_for
    )
    return job


@pytest.mark.django_db
@override_settings(SENSI_JOBS_STALE_MINUTES=15)
def test_cleanup_marks_a_silent_running_job_failed_and_it_can_be_retried(user):
    dead = running(user, silent_for=timedelta(minutes=16))
    alive = running(user, silent_for=timedelta(minutes=5))

    call_command("cleanup_jobs", verbosity=0)

    dead.refresh_from_db()
    alive.refresh_from_db()
    assert alive.state == Job.State.RUNNING
    assert dead.state == Job.State.FAILED
    assert "15" in dead.summary and dead.finished_at
    assert dead.errors[0].startswith(("Last sign of life", "Letztes Lebenszeichen"))

    with database_tasks():
        attempt = retry(dead, user=user)
        run_worker()
    attempt.refresh_from_db()
    assert attempt.state == Job.State.SUCCEEDED
    assert attempt.result_file.read() == b"42"


@pytest.mark.django_db
def test_a_worker_that_finishes_after_being_taken_for_dead_records_nothing(user):
    with database_tasks():
        job = jobs.start(KIND, f"{FUNCTIONS}.outlived", user=user)
        run_worker()
    job.refresh_from_db()
    assert job.state == Job.State.FAILED, "the recovery stands; a retry makes the file"
    assert not job.result_file


@pytest.mark.django_db
@override_settings(SENSI_JOBS_RESULT_RETENTION_DAYS=7)
def test_result_files_are_deleted_after_their_retention(
    user, client, django_capture_on_commit_callbacks
):
    with database_tasks():
        old = jobs.start(KIND, f"{FUNCTIONS}.count", user=user, to=1)
        new = jobs.start(KIND, f"{FUNCTIONS}.count", user=user, to=2)
        run_worker()
    Job.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timedelta(days=8))
    old.refresh_from_db()
    path = old.result_file.path
    assert os.path.exists(path)

    with django_capture_on_commit_callbacks(execute=True):
        assert expire_results() == 1

    old.refresh_from_db()
    new.refresh_from_db()
    assert not old.result_file and old.result_expired_at
    assert not os.path.exists(path)
    assert new.result_file
    client.force_login(user)
    page = client.get(reverse("jobs:job", args=[old.pk])).content.decode()
    assert "retention period" in page or "Aufbewahrungsfrist" in page


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a worker process needs a server")
@pytest.mark.django_db(transaction=True)
@override_settings(SENSI_JOBS_STALE_MINUTES=15)
def test_a_killed_worker_leaves_a_job_that_recovery_fails_and_a_retry_finishes(user):
    with database_tasks():
        job = jobs.start(KIND, f"{FUNCTIONS}.sleeps", user=user, seconds=60)
        worker = worker_subprocess(batch=False)
        try:
            deadline = time.monotonic() + 120
            while Job.objects.get(pk=job.pk).state != Job.State.RUNNING:
                assert time.monotonic() < deadline, "the worker never started the job"
                time.sleep(0.2)
            os.kill(worker.pid, signal.SIGKILL)  # the host crashes mid-job
        finally:
            worker.wait(timeout=30)
            worker.stdout.close()
            worker.stderr.close()

        assert recover_stale() == [], "not yet: it may just be busy"
        assert recover_stale(now=timezone.now() + timedelta(minutes=16)) == [job.pk]
        job.refresh_from_db()
        assert (job.state, job.result_file.name) == (Job.State.FAILED, "")

        attempt = retry(job, user=user)
        Job.objects.filter(pk=attempt.pk).update(arguments={"seconds": 0})
        run_worker()
    attempt.refresh_from_db()
    assert attempt.state == Job.State.SUCCEEDED
    assert Job.objects.exclude(result_file="").count() == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the heartbeat is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_a_silent_job_keeps_beating_while_it_runs(user, monkeypatch):
    monkeypatch.setenv("SENSI_JOBS_HEARTBEAT_SECONDS", "1")
    with database_tasks():
        job = jobs.start(KIND, f"{FUNCTIONS}.sleeps", user=user, seconds=4)
        worker = worker_subprocess(batch=True)
        beats = set()
        while worker.poll() is None:
            job.refresh_from_db()
            if job.state == Job.State.RUNNING:
                beats.add(job.heartbeat_at)
            time.sleep(0.3)
        worker.communicate(timeout=30)
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED
    assert len(beats) >= 3, beats
