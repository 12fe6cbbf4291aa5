"""Scenario answers are personal data: in the Art. 15 download, and purged after the
learning-data retention period like quiz attempts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from content.models import ScenarioAnswer
from privacy.retention import Cutoffs, purge_expired
from privacy.selectors import personal_data
from tests.factories import UserFactory, lessons_of

pytestmark = pytest.mark.django_db


def answer(user, page, option="o1", when=None):
    row = ScenarioAnswer.objects.create(
        user=user, page_key=page.translation_key, block_id="b1", option_id=option
    )
    if when:
        ScenarioAnswer.objects.filter(pk=row.pk).update(answered_at=when)
    return row


def test_the_download_holds_the_learners_own_answers_only(user, module):
    lesson = lessons_of(module)[0]
    answer(user, lesson, "mine")
    answer(UserFactory(), lesson, "theirs")
    rows = personal_data(user).sections()["scenario_answers"]
    assert [(r["block_id"], r["option_id"], r["page_title"]) for r in rows] == [
        ("b1", "mine", lesson.title)
    ]


def test_answers_past_the_retention_period_are_purged(user, module):
    lesson = lessons_of(module)[0]
    old = answer(user, lesson, when=timezone.now() - timedelta(days=4000))
    recent = answer(user, lesson)
    result = purge_expired(cutoffs=Cutoffs.from_settings())
    assert result.counts["scenario_answers"] == 1
    assert list(ScenarioAnswer.objects.values_list("pk", flat=True)) == [recent.pk]
    assert old.pk != recent.pk


def test_a_dry_run_deletes_nothing(user, module):
    answer(user, lessons_of(module)[0], when=timezone.now() - timedelta(days=4000))
    result = purge_expired(cutoffs=Cutoffs.from_settings(), dry_run=True)
    assert result.counts["scenario_answers"] == 1
    assert ScenarioAnswer.objects.count() == 1


def test_my_data_page_lists_scenario_answers(learner_client, user, module):
    from django.urls import reverse

    lesson = lessons_of(module)[0]
    answer(user, lesson)
    html = learner_client.get(reverse("privacy:my_data")).content.decode()
    assert 'id="scenarios"' in html and lesson.title in html
