"""gamification.views: the learner switches their personal progress off and on."""

import pytest
from django.test import Client
from django.urls import reverse

from gamification.models import PersonalProgressOptOut

pytestmark = pytest.mark.django_db
URL = reverse("gamification:personal_progress")


def test_switching_off_twice_is_harmless_and_keeps_the_first_moment(learner_client, user):
    response = learner_client.post(URL, {"show": "no"})
    assert response.status_code == 302
    assert response["Location"].endswith("#gamification")
    first = PersonalProgressOptOut.objects.get(user=user).opted_out_at
    assert learner_client.post(URL, {"show": "no"}).status_code == 302
    assert PersonalProgressOptOut.objects.get(user=user).opted_out_at == first


def test_switching_on_again_deletes_the_choice(learner_client, user):
    PersonalProgressOptOut.objects.create(user=user)
    learner_client.post(URL, {"show": "yes"})
    learner_client.post(URL, {"show": "yes"})
    assert not PersonalProgressOptOut.objects.exists()


def test_a_bad_value_is_refused_and_stores_nothing(learner_client):
    response = learner_client.post(URL, {"show": "vielleicht"})
    assert response.status_code == 400
    assert not PersonalProgressOptOut.objects.exists()


def test_without_the_csrf_token_nothing_is_stored(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    assert client.post(URL, {"show": "no"}).status_code == 403
    assert not PersonalProgressOptOut.objects.exists()


def test_a_get_changes_nothing(learner_client):
    assert learner_client.get(URL).status_code == 405
    assert not PersonalProgressOptOut.objects.exists()


def test_an_anonymous_post_goes_to_the_login_and_changes_nothing(client):
    response = client.post(URL, {"show": "no"})
    assert response.status_code == 302 and "login" in response["Location"]
    assert not PersonalProgressOptOut.objects.exists()
