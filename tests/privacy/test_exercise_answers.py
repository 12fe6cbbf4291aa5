"""Exercise answers are personal data: in the Art. 15 download and on "Meine Daten", and
purged after the learning-data retention period like scenario answers."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from content.models import ExerciseAnswer
from privacy.retention import Cutoffs, purge_expired
from privacy.selectors import personal_data
from tests.factories import UserFactory, lessons_of

pytestmark = pytest.mark.django_db


def answer(user, page, response=("sender",), when=None):
    row = ExerciseAnswer.objects.create(
        user=user,
        page_key=page.translation_key,
        block_id="b1",
        response=list(response),
        success=False,
    )
    if when:
        ExerciseAnswer.objects.filter(pk=row.pk).update(answered_at=when)
    return row


def test_the_download_holds_the_learners_own_answers_only(user, module):
    lesson = lessons_of(module)[0]
    answer(user, lesson, ["mine"])
    answer(UserFactory(), lesson, ["theirs"])
    rows = personal_data(user).sections()["exercise_answers"]
    assert [(r["block_id"], r["response"], r["page_title"]) for r in rows] == [
        ("b1", ["mine"], lesson.title)
    ]


def test_answers_past_the_retention_period_are_purged(user, module):
    lesson = lessons_of(module)[0]
    answer(user, lesson, when=timezone.now() - timedelta(days=4000))
    recent = answer(user, lesson)
    result = purge_expired(cutoffs=Cutoffs.from_settings())
    assert result.counts["exercise_answers"] == 1
    assert list(ExerciseAnswer.objects.values_list("pk", flat=True)) == [recent.pk]


def test_my_data_page_lists_exercise_answers(learner_client, user, module):
    lesson = lessons_of(module)[0]
    answer(user, lesson)
    html = learner_client.get(reverse("privacy:my_data")).content.decode()
    assert "Ihre Antworten in Übungen" in html and lesson.title in html
