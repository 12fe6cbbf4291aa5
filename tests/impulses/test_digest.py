"""impulses.digest and `manage.py send_impulse_digest`."""

from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from impulses.digest import Outcome, send_digests
from impulses.models import DigestDelivery, DigestSubscription
from tests.factories import UserFactory

from .conftest import impulse_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber(db):
    user = UserFactory(first_name="Erika", last_name="Mustermann")
    DigestSubscription.objects.create(user=user)
    return user


def test_subscribers_get_this_weeks_impulse_once_per_week(home, subscriber):
    impulse_page(home, title="Alter Impuls", weeks_ago=1)
    impulse_page(home, title="Impuls der Woche")
    UserFactory()  # not subscribed
    call_command("send_impulse_digest", stdout=StringIO())
    call_command("send_impulse_digest", stdout=StringIO())
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [subscriber.email]
    assert "Impuls der Woche" in message.subject
    assert "Melden Sie verdächtige E-Mails sofort." in message.body
    assert "Antwort 0" in message.body
    assert "/meine-schulungen/" in message.body or "#impulse" in message.body
    assert DigestDelivery.objects.filter(user=subscriber).count() == 1


def test_a_subscriber_outside_the_audience_gets_nothing(home, subscriber):
    impulse_page(home, everyone=False)
    assert send_digests()[Outcome.NOTHING] == 1
    assert not mail.outbox


def test_a_dry_run_sends_and_logs_nothing(home, subscriber):
    impulse_page(home)
    out = StringIO()
    call_command("send_impulse_digest", dry_run=True, stdout=out)
    assert subscriber.email in out.getvalue()
    assert not mail.outbox
    assert not DigestDelivery.objects.exists()


def test_a_failed_mail_is_tried_again_next_run(home, subscriber):
    impulse_page(home)
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=OSError),
        pytest.raises(CommandError),
    ):
        call_command("send_impulse_digest", stdout=StringIO(), stderr=StringIO())
    assert not DigestDelivery.objects.exists()
    call_command("send_impulse_digest", stdout=StringIO())
    assert len(mail.outbox) == 1
