"""jobs.views: the admin's job list and job page, least privilege (someone else's job is not
found, nor its result), downloads and retries."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

import jobs
from jobs.models import Job
from tests.factories import UserFactory, sign_in_with_mfa

from .job_functions import KIND
from .worker import database_tasks

pytestmark = pytest.mark.django_db

FUNCTIONS = "tests.jobs.job_functions"


def editor():
    person = UserFactory()
    person.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return person


@pytest.fixture
def editor_client(db):
    client = Client()
    person = editor()
    sign_in_with_mfa(client, person)
    client.person = person
    return client


def not_found(response) -> bool:
    # A 404 under /admin/ is redirected to /de/admin/... by LocaleMiddleware, and 404s there.
    return response.status_code == 404


def test_the_list_shows_a_users_own_jobs_with_a_progress_bar(editor_client):
    own = jobs.start(KIND, f"{FUNCTIONS}.count", user=editor_client.person, to=2)
    other = jobs.start(KIND, f"{FUNCTIONS}.count", user=editor(), to=2)

    page = editor_client.get(reverse("jobs_index")).content.decode()

    assert reverse("jobs_detail", args=[own.pk]) in page
    assert reverse("jobs_detail", args=[other.pk]) not in page
    assert re.search(r'<progress [^>]*max="2" value="2"', page)
    assert "2 von 2 (100 %)" in page
    assert reverse("jobs_index") in editor_client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_list_takes_the_same_queries_for_many_jobs(admin_client, django_assert_max_num_queries):
    with database_tasks():
        for number in range(30):
            jobs.start(KIND, f"{FUNCTIONS}.count", user=editor(), to=number)
    with django_assert_max_num_queries(12):
        response = admin_client.get(reverse("jobs_index"))
    assert response.content.decode().count('href="/admin/jobs/') >= 30


def test_a_running_job_asks_to_be_refreshed_a_finished_one_not(editor_client):
    with database_tasks():
        queued = jobs.start(KIND, f"{FUNCTIONS}.count", user=editor_client.person, to=2)
    page = editor_client.get(reverse("jobs_detail", args=[queued.pk])).content.decode()
    assert "data-job-status-url" in page and "Wartet auf einen Worker" in page
    assert "<progress " in page
    status = editor_client.get(reverse("jobs_status", args=[queued.pk])).json()
    assert (status["state"], status["finished"]) == ("queued", False)

    done = jobs.start(KIND, f"{FUNCTIONS}.count", user=editor_client.person, to=2)
    page = editor_client.get(reverse("jobs_detail", args=[done.pk])).content.decode()
    assert "data-job-status-url" not in page and "Counted to 2." in page


def test_another_user_can_neither_see_nor_download_a_jobs_result(editor_client):
    job = jobs.start(KIND, f"{FUNCTIONS}.count", user=editor(), to=1)
    for name in ("jobs_detail", "jobs_status", "jobs_download"):
        assert not_found(editor_client.get(reverse(name, args=[job.pk]), follow=True))
    assert not_found(editor_client.post(reverse("jobs_retry", args=[job.pk]), follow=True))
    assert not Job.objects.filter(retry_of=job).exists()


def test_the_starter_and_a_superuser_download_the_result(editor_client, admin_client):
    job = jobs.start(KIND, f"{FUNCTIONS}.count", user=editor_client.person, to=1)
    response = editor_client.get(reverse("jobs_download", args=[job.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"42"
    assert "attachment" in response["Content-Disposition"]

    assert admin_client.get(reverse("jobs_download", args=[job.pk])).status_code == 200


def test_a_result_file_has_no_public_url():
    job = jobs.start(KIND, f"{FUNCTIONS}.count", to=1)
    with pytest.raises(ValueError):
        job.result_file.url  # noqa: B018


def test_try_again_creates_a_new_attempt(editor_client):
    job = jobs.start(
        KIND, f"{FUNCTIONS}.create_ressort", user=editor_client.person, code="A", needs="B"
    )
    page = editor_client.get(reverse("jobs_detail", args=[job.pk])).content.decode()
    assert "RuntimeError: Ressort B is missing" in page
    assert reverse("jobs_retry", args=[job.pk]) in page and "Erneut versuchen" in page

    response = editor_client.post(reverse("jobs_retry", args=[job.pk]))

    attempt = Job.objects.exclude(pk=job.pk).get()
    assert response["Location"] == reverse("jobs_detail", args=[attempt.pk])
    assert attempt.retry_of == job and attempt.started_by == editor_client.person


def test_the_start_buttons_need_the_permission_of_their_kind(editor_client, admin_client):
    verify = reverse("compliance_start_verify_ledger")
    assert verify not in editor_client.get(reverse("jobs_index")).content.decode()
    assert editor_client.post(verify).status_code in (302, 403)
    assert not Job.objects.exists()

    assert verify in admin_client.get(reverse("jobs_index")).content.decode()
    with database_tasks():
        response = admin_client.post(verify)
    job = Job.objects.get()
    assert (job.kind, job.state) == ("compliance.verify_ledger", "queued")
    assert response["Location"] == reverse("jobs_detail", args=[job.pk])
