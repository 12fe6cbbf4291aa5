"""compliance.reports.exports: a report export above SENSI_REPORT_INLINE_MAX_EMPLOYEES becomes
a background job run by the real worker; its file goes to the requester and to those with the
same report scope only; a failed attempt leaves nothing, and a retry makes the file once."""

from unittest import mock

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from compliance.models import ReportAccess
from compliance.reports.exports import REPORT_EXPORT
from compliance.reports.scopes import Role
from jobs.models import Job
from tests.compliance.reports.org import build_org, user_with
from tests.factories import sign_in_with_mfa
from tests.jobs.worker import database_tasks, run_worker

pytestmark = pytest.mark.django_db

# The organisation has 20 employees: RA 14, RB 6. With 15 the whole Land (the CISO) goes to
# the worker, a Ressort (RA's ISB) stays inline.
THRESHOLD = override_settings(SENSI_REPORT_INLINE_MAX_EMPLOYEES=15)
# (a first report PDF also queues the full ledger check)
EXPORTS = Job.objects.filter(kind=REPORT_EXPORT)


@pytest.fixture
def org(home):
    return build_org(home)


def signed_in(user) -> Client:
    client = Client()
    sign_in_with_mfa(client, user)
    return client


def requested(client, url_name: str, **query) -> Job:
    response = client.get(reverse(url_name), query)
    assert response.status_code == 302, response.status_code
    job = Job.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[-1]))
    assert response["Location"] == reverse("jobs:job", args=[job.pk])
    return job


@THRESHOLD
def test_below_the_threshold_the_download_stays_inline(org):
    isb = signed_in(user_with(Role.RESSORT_ISB, ressorts=[org.ra]))
    response = isb.get(reverse("compliance:reports_csv"), {"format": "csv-machine"})
    assert response.status_code == 200
    assert response.streaming, "the CSV is still a stream"
    pdf = isb.get(reverse("compliance:reports_pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert not EXPORTS.exists()


@THRESHOLD
def test_a_large_pdf_is_made_by_the_worker_and_offered_on_the_job_page(org):
    ciso_user = user_with(Role.CISO)
    ciso = signed_in(ciso_user)
    with database_tasks():
        job = requested(ciso, "compliance:reports_pdf")
        assert requested(ciso, "compliance:reports_pdf") == job, "a second click: same job"
        page = ciso.get(reverse("jobs:job", args=[job.pk]))
        assert page.status_code == 200
        assert b"data-job-status-url" in page.content, "the page follows the progress"
        assert not ReportAccess.objects.filter(report=ReportAccess.Report.PDF).exists()

        run_worker()

    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED, (job.summary, job.errors)
    assert (job.done, job.total) == (2, 2)
    page = ciso.get(reverse("jobs:job", args=[job.pk]))
    assert reverse("jobs:download", args=[job.pk]).encode() in page.content
    download = ciso.get(reverse("jobs:download", args=[job.pk]))
    assert download["Content-Disposition"].startswith('attachment; filename="sensi-compliance-')
    data = b"".join(download.streaming_content)
    assert data.startswith(b"%PDF")
    access = ReportAccess.objects.get(report=ReportAccess.Report.PDF)
    assert access.user == ciso_user and access.content_hash, "logged and sealed once"


@THRESHOLD
def test_a_large_csv_from_the_worker_equals_the_inline_one(org):
    ciso = signed_in(user_with(Role.CISO))
    with database_tasks():
        job = requested(ciso, "compliance:reports_csv", format="csv-machine")
        run_worker()
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED, (job.summary, job.errors)
    from_job = b"".join(ciso.get(reverse("jobs:download", args=[job.pk])).streaming_content)
    with override_settings(SENSI_REPORT_INLINE_MAX_EMPLOYEES=1000):
        inline = ciso.get(reverse("compliance:reports_csv"), {"format": "csv-machine"})
        assert b"".join(inline.streaming_content) == from_job


@THRESHOLD
def test_a_large_named_list_as_xlsx_runs_as_a_job(org):
    ciso = signed_in(user_with(Role.CISO))
    with database_tasks():
        job = requested(ciso, "compliance:reports_overdue_xlsx")
        run_worker()
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED, (job.summary, job.errors)
    assert job.result_file.name.endswith(".xlsx")
    assert job.result_file.read().startswith(b"PK")


@override_settings(SENSI_REPORT_INLINE_MAX_EMPLOYEES=5)
def test_only_the_same_report_scope_may_fetch_the_file(org):
    """A Ressort ISB's report (RA, 14 employees): a second ISB of RA may fetch it, the ISB of
    RB, an employee and a superuser may not; for them the job does not exist."""
    isb_a = signed_in(user_with(Role.RESSORT_ISB, ressorts=[org.ra]))
    with database_tasks():
        job = requested(isb_a, "compliance:reports_pdf")
        run_worker()
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED, (job.summary, job.errors)
    urls = [reverse(name, args=[job.pk]) for name in ("jobs:job", "jobs:download")]

    colleague = signed_in(user_with(Role.RESSORT_ISB, ressorts=[org.ra]))
    assert [colleague.get(url).status_code for url in urls] == [200, 200]
    for other in (
        user_with(Role.RESSORT_ISB, ressorts=[org.rb]),
        user_with(Role.RESSORT_ISB, ressorts=[org.ra, org.rb]),
        user_with(Role.CISO),
        org.people["A2"][0].user,
        user_with(None, is_superuser=True, is_staff=True),
    ):
        client = signed_in(other) if other.is_superuser or other.groups.exists() else Client()
        if not other.groups.exists() and not other.is_superuser:
            client.force_login(other)
        assert [client.get(url).status_code for url in urls] == [404, 404], other
    assert Client().get(urls[1]).status_code == 302, "anonymous: to the sign-in"


@THRESHOLD
def test_the_job_page_needs_the_second_factor_of_a_privileged_person(org):
    ciso_user = user_with(Role.CISO)
    with database_tasks():
        job = requested(signed_in(ciso_user), "compliance:reports_pdf")
    without_mfa = Client()
    without_mfa.force_login(ciso_user)
    response = without_mfa.get(reverse("jobs:download", args=[job.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))


@THRESHOLD
def test_a_failed_attempt_leaves_nothing_and_a_retry_makes_the_file_once(org):
    ciso_user = user_with(Role.CISO)
    ciso = signed_in(ciso_user)
    with database_tasks():
        job = requested(ciso, "compliance:reports_pdf")
        with mock.patch(
            "compliance.reports.pdf_report.write_pdf", side_effect=RuntimeError("disk full")
        ):
            run_worker()
        job.refresh_from_db()
        assert job.state == Job.State.FAILED
        assert job.errors == ["RuntimeError: disk full"]
        assert not job.result_file
        assert not ReportAccess.objects.filter(report=ReportAccess.Report.PDF).exists(), (
            "the failed attempt's access log entry went with its transaction"
        )
        page = ciso.get(reverse("jobs:job", args=[job.pk]))
        assert reverse("jobs:retry", args=[job.pk]).encode() in page.content

        # Someone else with the same scope sees the job but cannot retry it in their name.
        colleague = signed_in(user_with(Role.CISO))
        assert colleague.post(reverse("jobs:retry", args=[job.pk])).status_code == 302
        assert EXPORTS.count() == 1

        response = ciso.post(reverse("jobs:retry", args=[job.pk]))
        attempt = Job.objects.get(retry_of=job)
        assert response["Location"] == reverse("jobs:job", args=[attempt.pk])
        run_worker()

    attempt.refresh_from_db()
    assert attempt.state == Job.State.SUCCEEDED, (attempt.summary, attempt.errors)
    assert attempt.result_file.read().startswith(b"%PDF")
    assert EXPORTS.exclude(result_file="").count() == 1
    assert ReportAccess.objects.filter(report=ReportAccess.Report.PDF).count() == 1


@THRESHOLD
def test_a_permission_lost_before_the_worker_runs_fails_the_job(org):
    ciso_user = user_with(Role.CISO)
    with database_tasks():
        job = requested(signed_in(ciso_user), "compliance:reports_pdf")
        ciso_user.groups.clear()
        run_worker()
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert not job.result_file
    assert not ReportAccess.objects.filter(report=ReportAccess.Report.PDF).exists()
