"""gamification.personal_data: "Meine Daten" lists the one thing stored, the opt-out."""

import pytest
from django.urls import reverse

from gamification.models import PersonalProgressOptOut
from privacy.selectors import personal_data


def gamification_preferences(user) -> dict:
    return personal_data(user).gamification_preferences


pytestmark = pytest.mark.django_db


def test_nothing_stored_means_the_progress_is_shown(user):
    assert gamification_preferences(user) == {
        "personal_progress_shown": True,
        "switched_off_at": None,
    }


def test_the_opt_out_is_listed_on_my_data_and_in_the_download(learner_client, user):
    choice = PersonalProgressOptOut.objects.create(user=user)
    assert gamification_preferences(user)["switched_off_at"] == choice.opted_out_at
    html = learner_client.get(reverse("privacy:my_data")).content.decode()
    assert "Sie haben Ihren persönlichen Fortschritt am" in html
    download = b"".join(learner_client.get(reverse("privacy:download")).streaming_content)
    assert b'"personal_progress_shown": false' in download
