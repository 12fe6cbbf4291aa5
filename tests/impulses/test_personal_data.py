import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from impulses import personal_data
from impulses.models import DigestDelivery, DigestSubscription, ImpulseAnswer
from privacy.selectors import personal_data as my_data

from .conftest import options_of

pytestmark = pytest.mark.django_db


def test_my_data_shows_the_answers_and_the_email_opt_in(learner_client, user, impulse):
    learner_client.post(
        reverse("impulses:answer", args=[impulse.pk]), {"option": options_of(impulse)[0].id}
    )
    DigestSubscription.objects.create(user=user)
    response = learner_client.get(reverse("privacy:my_data"))
    assert impulse.title in response.text
    assert personal_data.impulse_answers(user)[0]["correct"] is True
    assert [row["kind"] for row in my_data(user).impulse_emails] == ["subscribed"]


def test_old_answers_and_email_logs_expire(user, impulse):
    ImpulseAnswer.objects.create(
        user=user, impulse_key=impulse.translation_key, option_id="x", correct=False
    )
    DigestDelivery.objects.create(
        user=user, week_of=datetime.date(2020, 1, 6), impulse_key=impulse.translation_key
    )
    later = timezone.now() + datetime.timedelta(seconds=1)
    assert personal_data.expired_impulse_answers(later).count() == 1
    assert personal_data.expired_impulse_emails(later).count() == 1
    assert personal_data.expired_impulse_answers(later - datetime.timedelta(days=1)).count() == 0
