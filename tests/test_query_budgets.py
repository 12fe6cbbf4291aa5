"""Query budgets (issue 15): at most 12 queries for each page a learner or a CISO opens every
day, measured on a realistic world (tests/budgets_world.py), not an empty database."""

import pytest
from django.db import transaction
from django.urls import reverse

from tests.budgets_world import build_world

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
    with django_assert_max_num_queries(BUDGET):
        response = world.learner_client.get(world.lesson.url)
    assert response.status_code == 200
    assert 'name="token"' in response.text


def test_quiz_page(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(BUDGET):
        response = world.learner_client.get(world.quiz.url)
    assert response.status_code == 200
    assert 'name="token"' in response.text


def test_my_data(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(BUDGET):
        response = world.learner_client.get(reverse("privacy:my_data"))
    assert response.status_code == 200


def test_compliance_dashboard_for_a_ciso_with_mfa(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(BUDGET):
        response = world.ciso_client.get(reverse("compliance:reports"))
    assert response.status_code == 200
