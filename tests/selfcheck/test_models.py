"""selfcheck.models: steps are translatable and ordered; runs and answers are constrained."""

import pytest
from django.db import IntegrityError
from django.utils import timezone
from wagtail.models import Locale

from selfcheck.models import SelfCheckAnswer, SelfCheckRun, SelfCheckStep
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_steps_keep_the_order_they_were_created_in(steps):
    assert list(SelfCheckStep.objects.all()) == steps
    assert [s.sort_order for s in steps] == sorted(s.sort_order for s in steps)


def test_router_variants_follow_the_order_of_router_families(steps):
    labels = [label for label, _instruction in steps[0].router_variants]
    assert labels == ["AVM FRITZ!Box", "Telekom Speedport"]
    assert steps[1].router_variants == []


def test_a_translation_shares_the_steps_translation_key(steps):
    english = Locale.objects.get_or_create(language_code="en")[0]
    copy = steps[0].copy_for_translation(english)
    copy.question = "Is your router's firmware up to date?"
    copy.save()
    assert copy.translation_key == steps[0].translation_key
    assert copy.locale == english
    assert steps[0].get_translation(english) == copy


def test_one_latest_run_per_user():
    user = UserFactory()
    SelfCheckRun.objects.create(user=user, completed_at=timezone.now(), done=1, total=2)
    with pytest.raises(IntegrityError):
        SelfCheckRun.objects.create(user=user, completed_at=timezone.now(), done=1, total=2)


def test_an_unknown_answer_is_refused_by_the_database(steps):
    run = SelfCheckRun.objects.create(
        user=UserFactory(), completed_at=timezone.now(), done=0, total=1
    )
    with pytest.raises(IntegrityError):
        SelfCheckAnswer.objects.create(run=run, step_key=steps[0].translation_key, answer="maybe")
