from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from seminars import services
from seminars.models import Registration
from seminars.reminders import send_reminders
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def tomorrow(session):
    session.starts_at = timezone.now() + timedelta(hours=20)
    session.ends_at = session.starts_at + timedelta(hours=2)
    session.registration_deadline = session.starts_at - timedelta(hours=1)
    session.save()


def test_reminder_is_sent_once_per_registration(session):
    session.capacity = 1
    session.save()
    registered = UserFactory()
    services.register(user=registered, session=session)
    services.register(user=UserFactory(), session=session)  # waiting: no reminder
    tomorrow(session)
    mail.outbox.clear()
    call_command("send_seminar_reminders", stdout=StringIO())
    call_command("send_seminar_reminders", stdout=StringIO())
    assert [message.to for message in mail.outbox] == [[registered.email]]
    assert Registration.objects.get(user=registered).reminded_at is not None


def test_sessions_further_away_are_not_reminded_yet(session):
    services.register(user=UserFactory(), session=session)  # a week ahead
    mail.outbox.clear()
    assert send_reminders().sent == 0
    assert not mail.outbox


def test_dry_run_sends_nothing(session):
    services.register(user=UserFactory(), session=session)
    tomorrow(session)
    mail.outbox.clear()
    out = StringIO()
    call_command("send_seminar_reminders", "--dry-run", stdout=out)
    assert "1" in out.getvalue()
    assert not mail.outbox
    assert not Registration.objects.filter(reminded_at__isnull=False).exists()


def test_failed_mail_is_tried_again_next_run(session):
    services.register(user=UserFactory(), session=session)
    tomorrow(session)
    mail.outbox.clear()
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError("smtp down")):
        assert send_reminders().failed == 1
    assert send_reminders().sent == 1
    assert len(mail.outbox) == 1
