from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from seminars import services
from seminars.models import Registration
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_module_page_lists_its_sessions_with_a_link(learner_client, module, session):
    response = learner_client.get(module.url)
    assert response.status_code == 200
    assert reverse("seminars:session", args=[session.pk]) in response.content.decode()


def test_register_and_cancel_through_the_page(learner_client, user, session):
    url = reverse("seminars:session", args=[session.pk])
    page = learner_client.get(url).content.decode()
    assert "Raum 1.23" in page
    response = learner_client.post(reverse("seminars:register", args=[session.pk]), follow=True)
    assert 'class="message message--success"' in response.content.decode()
    assert Registration.objects.get(user=user).status == "confirmed"
    response = learner_client.post(reverse("seminars:cancel", args=[session.pk]), follow=True)
    assert Registration.objects.get(user=user).status == "cancelled"
    assert 'class="message message--success"' in response.content.decode()


def test_get_on_register_changes_nothing(learner_client, session):
    response = learner_client.get(reverse("seminars:register", args=[session.pk]))
    assert response.status_code == 405
    assert not Registration.objects.exists()


def test_register_after_deadline_shows_an_error_and_stores_nothing(learner_client, session):
    session.registration_deadline = timezone.now() - timedelta(hours=1)
    session.save()
    response = learner_client.post(reverse("seminars:register", args=[session.pk]), follow=True)
    assert response.status_code == 200
    assert 'class="message message--error"' in response.content.decode()
    assert not Registration.objects.exists()


def test_unknown_session_is_404(learner_client):
    assert learner_client.get(reverse("seminars:session", args=[999999])).status_code == 404


def test_calendar_download_is_the_own_invitation(learner_client, user, session):
    services.register(user=user, session=session)
    response = learner_client.get(reverse("seminars:calendar", args=[session.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["METHOD"] == "REQUEST"


def test_calendar_of_someone_else_is_404(learner_client, session):
    services.register(user=UserFactory(), session=session)
    assert learner_client.get(reverse("seminars:calendar", args=[session.pk])).status_code == 404


def test_my_training_lists_my_registrations(learner_client, user, session):
    services.register(user=user, session=session)
    response = learner_client.get(reverse("courses:my_training"))
    assert reverse("seminars:session", args=[session.pk]) in response.content.decode()


def test_waiting_list_position_is_shown(learner_client, user, session):
    session.capacity = 1
    session.save()
    services.register(user=UserFactory(), session=session)
    learner_client.post(reverse("seminars:register", args=[session.pk]))
    assert Registration.objects.get(user=user).status == Registration.Status.WAITING
    page = learner_client.get(reverse("seminars:session", args=[session.pk])).content.decode()
    assert "position 1" in page.lower()
