"""Query budgets (issue 15): at most 12 queries for each page a learner or a CISO opens every
day, measured on a realistic world (tests/budgets_world.py), not an empty database."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from content import site_cache
from courses.models import LessonPage
from jobs.models import Job
from tests.budgets_world import build_world
from tests.factories import lessons_of, publish

pytestmark = pytest.mark.django_db
BUDGET = 12


@pytest.fixture(scope="module")
def world_once(django_db_setup, django_db_blocker):
    """Built once for the module (it takes a while) in a transaction rolled back at its end;
    each test runs in its own savepoint inside it (pytest-django's `db`)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture
def world(world_once, db):
    # The site structure is read on first use, and the world's last requests (sign-ins) use
    # none: cache it, as it is between two publications.
    site_cache.load()
    return world_once


def test_my_training_with_8_obligations_and_20_modules(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(BUDGET):
        response = world.learner_client.get(reverse("courses:my_training"))
    assert response.status_code == 200
    assert len(response.context["cards"]) == 20
    html = response.text
    assert html.count('class="obligation') >= 8 or "Pflicht 8" in html


def test_lesson_page(world, django_assert_max_num_queries):
    url = world.lesson.url
    with django_assert_max_num_queries(BUDGET):
        response = world.learner_client.get(url)
    assert response.status_code == 200
    assert 'name="token"' in response.text


def test_quiz_page(world, django_assert_max_num_queries):
    url = world.quiz.url
    with django_assert_max_num_queries(BUDGET):
        response = world.learner_client.get(url)
    assert response.status_code == 200
    assert 'name="token"' in response.text


def test_my_data(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(BUDGET):
        response = world.learner_client.get(reverse("privacy:my_data"))
    assert response.status_code == 200
    html = response.text
    assert "Lena" in html and "Pflicht 3" in html and "Modul 04" in html
    assert "Ihre Anmeldungen zu Terminen" in html and "Heimarbeitsplatz-Checks" in html


# The files of "Meine Daten" read what the page reads (privacy.selectors.personal_data); the
# JSON download streams the statements with one more query. Above
# SENSI_MY_DATA_INLINE_MAX_ROWS table rows, the PDF and CSV are made by a background job: the
# request reads as the page does to count the rows, then queues the job; the job reads the
# same again and keeps its own record of progress and result.
MY_DATA_FILE_BUDGET = 8
MY_DATA_JOB_START_BUDGET = 11
MY_DATA_JOB_BUDGET = 23


@pytest.mark.parametrize("name", ["download", "download_csv", "download_pdf"])
def test_my_data_exports(world, name, django_assert_max_num_queries):
    with django_assert_max_num_queries(MY_DATA_FILE_BUDGET):
        response = world.learner_client.get(reverse(f"privacy:{name}"))
        content = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200 and content.startswith((b"{", "\ufeff".encode(), b"%PDF"))


@pytest.mark.parametrize("name", ["download_csv", "download_pdf"])
def test_large_my_data_exports_start_a_job(world, name, settings, django_assert_max_num_queries):
    settings.SENSI_MY_DATA_INLINE_MAX_ROWS = 5
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # production's
    with django_assert_max_num_queries(MY_DATA_JOB_START_BUDGET):
        response = world.learner_client.get(reverse(f"privacy:{name}"))
    assert response["Location"] == reverse("jobs:job", args=[Job.objects.latest("pk").pk])


def test_a_my_data_file_job_reads_a_fixed_number_of_times(
    world, settings, django_assert_max_num_queries
):
    """Starting the job and the job itself, run at once (ImmediateBackend)."""
    settings.SENSI_MY_DATA_INLINE_MAX_ROWS = 5
    with django_assert_max_num_queries(MY_DATA_JOB_BUDGET):
        response = world.learner_client.get(reverse("privacy:download_csv"))
    assert response.status_code == 302


def test_compliance_dashboard_for_a_ciso_with_mfa(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(BUDGET):
        response = world.ciso_client.get(reverse("compliance:reports"))
    assert response.status_code == 200


def test_publishing_a_lesson_changes_the_cached_outline_on_the_next_request(world):
    module = world.modules[3]
    client = world.learner_client
    assert "Neue Lektion" not in client.get(module.url).text
    assert cache.get(site_cache.CACHE_KEY) is not None

    publish(module, LessonPage(title="Neue Lektion", slug="neue-lektion", intro="Neu", body=[]))

    assert cache.get(site_cache.CACHE_KEY) is None
    assert "Neue Lektion" in client.get(module.url).text
    assert client.get(f"{module.url}neue-lektion/").status_code == 200


def test_unpublishing_a_lesson_takes_it_out_of_the_cached_tree_at_once(world):
    module = world.modules[3]
    lesson = lessons_of(module)[1]
    client = world.learner_client
    assert client.get(lesson.url).status_code == 200

    lesson.unpublish()

    assert client.get(lesson.url).status_code == 404
    assert lesson.title not in client.get(module.url).text


def test_a_renamed_module_shows_its_new_title_on_the_next_request(world):
    module = world.modules[4]
    client = world.learner_client
    client.get(reverse("courses:my_training"))
    module.title = "Modul mit neuem Titel"
    module.save_revision().publish()
    assert "Modul mit neuem Titel" in client.get(reverse("courses:my_training")).text
