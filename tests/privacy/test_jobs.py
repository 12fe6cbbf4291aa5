"""privacy.jobs: "Meine Daten" as PDF or CSV above SENSI_MY_DATA_INLINE_MAX_ROWS is made by
the real worker; the employee who asked, and nobody else (not even a superuser), sees the job
and fetches the file."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from jobs.models import Job
from jobs.selectors import jobs_visible_to
from privacy.jobs import MY_DATA_EXPORT
from tests.factories import UserFactory, sign_in_with_mfa
from tests.jobs.worker import database_tasks, run_worker

pytestmark = pytest.mark.django_db

AS_JOB = override_settings(SENSI_MY_DATA_INLINE_MAX_ROWS=-1)  # -1: every export is a job


def job_of(response) -> Job:
    assert response.status_code == 302
    job = Job.objects.get(kind=MY_DATA_EXPORT)
    assert response["Location"] == reverse("jobs:job", args=[job.pk])
    return job


def test_small_tables_are_downloaded_at_once(learner_client):
    response = learner_client.get(reverse("privacy:download_pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert not Job.objects.exists()


@AS_JOB
@pytest.mark.parametrize(
    ("url_name", "start"), [("download_pdf", b"%PDF"), ("download_csv", b"\xef\xbb\xbf")]
)
def test_long_tables_are_made_by_the_worker_for_the_employee_only(
    learner_client, user, url_name, start
):
    with database_tasks():
        job = job_of(learner_client.get(reverse(f"privacy:{url_name}")))
        assert job_of(learner_client.get(reverse(f"privacy:{url_name}"))) == job
        assert learner_client.get(reverse("jobs:job", args=[job.pk])).status_code == 200
        run_worker()
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED, (job.summary, job.errors)
    download = learner_client.get(reverse("jobs:download", args=[job.pk]))
    assert b"".join(download.streaming_content).startswith(start)
    assert "sensi-personal-data-" in download["Content-Disposition"]

    urls = [reverse(name, args=[job.pk]) for name in ("jobs:job", "jobs:download")]
    colleague = Client()
    colleague.force_login(UserFactory())
    superuser = Client()
    sign_in_with_mfa(superuser, admin := UserFactory(is_superuser=True, is_staff=True))
    for other in (colleague, superuser):
        assert [other.get(url).status_code for url in urls] == [404, 404]
    assert superuser.get(reverse("jobs_detail", args=[job.pk]), follow=True).status_code == 404
    assert job not in jobs_visible_to(admin), "not in the admin's overview either"
    assert job in jobs_visible_to(user)
