"""compliance.jobs: the HR upload, the full ledger check and reminder runs as background jobs,
run by the real django-tasks-db worker (a `manage.py db_worker` process on PostgreSQL)."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from compliance.imports import employees
from compliance.ledger.verify import current_verification
from compliance.models import Employee, LedgerCheck
from jobs.models import Job
from jobs.services import retry
from tests.compliance.imports.hr_data import csv_file, line
from tests.factories import dienststelle, ressort
from tests.jobs.worker import database_tasks, run_worker, worker_subprocess

ROWS = 3000


def hr_export(rows: int) -> bytes:
    return csv_file(*(line(f"{100000 + n}") for n in range(rows)))


def wait_for(job: Job, *, seconds: float) -> list[int]:
    """Poll the job's row as the admin page does; the progress seen on the way."""
    seen = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        job.refresh_from_db()
        seen.append(job.done)
        if job.finished:
            return seen
        time.sleep(0.1)
    raise AssertionError(f"job {job.pk} still {job.state} after {seconds} s")


@pytest.mark.django_db(transaction=True)
def test_an_hr_upload_is_imported_by_the_worker_with_progress(admin_client):
    office = dienststelle("HMdIS-Z", of=ressort("HMdIS"))
    assert office.code == "HMdIS-Z"
    upload = SimpleUploadedFile("export.csv", hr_export(ROWS), content_type="text/csv")

    with database_tasks():
        response = admin_client.post(reverse("compliance_import_employees"), {"file": upload})
        job = Job.objects.get()
        assert response["Location"] == reverse("jobs_detail", args=[job.pk])
        assert (job.state, Employee.objects.count()) == ("queued", 0)
        assert job.input_file, "the upload waits for the worker in the private storage"

        if connection.vendor == "postgresql":
            worker = worker_subprocess(batch=False)
            try:
                seen = wait_for(job, seconds=240)
            finally:
                worker.terminate()
                output = worker.communicate(timeout=30)
            assert job.state == Job.State.SUCCEEDED, output
            # Progress written through the reporter's own connection, while the import's
            # transaction was still open.
            assert any(0 < done < ROWS for done in seen) or job.started_at, seen
        else:
            run_worker()
            job.refresh_from_db()

    assert job.state == Job.State.SUCCEEDED, (job.summary, job.errors)
    assert Employee.objects.count() == ROWS
    assert (job.done, job.total) == (ROWS, ROWS)
    assert not job.input_file
    page = admin_client.get(reverse("jobs_detail", args=[job.pk])).content.decode()
    assert f"Angelegt: {ROWS}" in page


@pytest.mark.django_db
def test_a_report_never_verifies_the_whole_ledger_in_the_request():
    """After an install no full check exists: the report queues one and says so."""
    with database_tasks():
        verification = current_verification()
        assert verification.pending and verification.ok
        assert "background" in verification.summary() or "Hintergrund" in verification.summary()
        assert not LedgerCheck.objects.exists()
        job = Job.objects.get()
        assert (job.kind, job.state, job.started_by) == ("compliance.verify_ledger", "queued", None)
        current_verification()
        assert Job.objects.count() == 1, "one queued check is enough"

        run_worker()

    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED
    assert LedgerCheck.objects.filter(full=True, ok=True).exists()
    assert not current_verification().pending


@pytest.mark.django_db
def test_a_reminder_run_can_be_started_from_the_admin(admin_client, mailoutbox):
    with database_tasks():
        response = admin_client.post(reverse("compliance_start_send_reminders"))
        job = Job.objects.get()
        assert response["Location"] == reverse("jobs_detail", args=[job.pk])
        run_worker()
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED
    assert job.summary.startswith("0 Beschäftigte erinnert") or "0" in job.summary


@pytest.mark.django_db
def test_an_hr_upload_that_fails_midway_keeps_nothing_and_its_retry_imports_it(
    admin_client, admin_user, monkeypatch
):
    """The upload is read from the private storage in chunks: a failure after some chunks
    were written rolls them all back, and the retry reads the same stored file again."""
    dienststelle("HMdIS-Z", of=ressort("HMdIS"))
    monkeypatch.setattr(employees, "CHUNK_SIZE", 100)
    write, written = employees._write, []

    def fails_at_the_third_chunk(plan):
        written.append(len(plan.new_employees))
        if len(written) == 3:
            raise OSError("disk full")
        write(plan)

    monkeypatch.setattr(employees, "_write", fails_at_the_third_chunk)
    upload = SimpleUploadedFile("export.csv", hr_export(500), content_type="text/csv")
    with database_tasks():
        admin_client.post(reverse("compliance_import_employees"), {"file": upload})
        job = Job.objects.get()
        run_worker()
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert "disk full" in job.errors[0]
    assert Employee.objects.count() == 0, "the chunks written before the failure are undone"
    assert job.input_file, "kept for the retry"

    monkeypatch.setattr(employees, "_write", write)
    with database_tasks():
        attempt = retry(job, user=admin_user)
        run_worker()
    attempt.refresh_from_db()
    assert attempt.state == Job.State.SUCCEEDED, (attempt.summary, attempt.errors)
    assert Employee.objects.count() == 500
