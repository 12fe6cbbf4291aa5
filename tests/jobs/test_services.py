"""jobs.services: a job's life (queued, running, succeeded or failed), its progress, and
retries, run by the real django-tasks-db worker in this process."""

import pytest
from django.test import override_settings

import jobs
from compliance.models import Ressort
from jobs.models import Job
from jobs.services import JobNotPermitted, retry
from tests.factories import UserFactory

from .job_functions import KIND
from .worker import database_tasks, run_worker

pytestmark = pytest.mark.django_db

FUNCTIONS = "tests.jobs.job_functions"


def test_a_job_waits_in_the_queue_until_the_worker_runs_it(user):
    with database_tasks():
        job = jobs.start(KIND, f"{FUNCTIONS}.count", user=user, to=3)
        job.refresh_from_db()
        assert (job.state, job.started_at, job.task_result_id != "") == ("queued", None, True)

        run_worker()

    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED
    assert (job.done, job.total, job.percent) == (3, 3, 100)
    assert job.summary == "Counted to 3."
    assert job.started_at <= job.finished_at
    assert job.result_file.read() == b"42"


def test_a_failing_job_leaves_nothing_half_written_and_can_be_retried(user):
    with database_tasks():
        job = jobs.start(KIND, f"{FUNCTIONS}.create_ressort", user=user, code="NEU", needs="X")
        run_worker()
        job.refresh_from_db()
        assert job.state == Job.State.FAILED
        assert job.errors == ["RuntimeError: Ressort X is missing"]
        assert "Nothing was changed" in job.summary or "nichts geändert" in job.summary
        assert not Ressort.objects.filter(code="NEU").exists()

        Ressort.objects.create(code="X", name="X")
        attempt = retry(job, user=user)
        run_worker()

    attempt.refresh_from_db()
    assert (attempt.state, attempt.retry_of, attempt.arguments) == (
        Job.State.SUCCEEDED,
        job,
        job.arguments,
    )
    assert Ressort.objects.filter(code="NEU").count() == 1
    job.refresh_from_db()
    assert job.state == Job.State.FAILED, "the failed attempt keeps its errors"


def test_a_job_whose_work_reports_failure_is_failed_with_its_errors(user):
    job = jobs.start(KIND, f"{FUNCTIONS}.rejects", user=user)
    job.refresh_from_db()
    assert (job.state, job.summary, job.errors) == (
        "failed",
        "Nothing done.",
        ["Line 2: bad", "Line 3: worse"],
    )


def test_only_a_failed_job_can_be_retried(user):
    job = jobs.start(KIND, f"{FUNCTIONS}.count", user=user, to=1)
    job.refresh_from_db()
    with pytest.raises(JobNotPermitted):
        retry(job, user=user)


def test_a_kind_can_only_be_started_by_who_may_start_it(user):
    with pytest.raises(JobNotPermitted):
        jobs.start("compliance.verify_ledger", "compliance.jobs.verify_ledger_job", user=user)
    assert not Job.objects.exists()


def test_a_job_run_twice_runs_once(user):
    from jobs.services import run

    with database_tasks():
        job = jobs.start(KIND, f"{FUNCTIONS}.count", user=user, to=2)
        run_worker()
        run(job.pk)  # enqueued twice, or a second worker: the job is not queued any more
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED


@pytest.mark.django_db(transaction=True)
def test_progress_is_visible_to_other_processes_while_the_job_runs():
    """The reporter writes outside the work's transaction: on PostgreSQL through its own
    connection, on SQLite between transactions."""
    from jobs.progress import JobProgress

    user = UserFactory()
    with database_tasks():
        job = jobs.start(KIND, f"{FUNCTIONS}.count", user=user, to=5)
    with override_settings(SENSI_JOBS_PROGRESS_INTERVAL=0):
        reporter = JobProgress(job.pk)
        reporter(2, 5, "Counting")
        reporter.close()
    job.refresh_from_db()
    assert (job.done, job.total, job.stage, job.percent) == (2, 5, "Counting", 40)
    jobs.report_progress(job, 4, 5, "Counting")
    job.refresh_from_db()
    assert job.done == 4
