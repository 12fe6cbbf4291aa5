from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from seminars import services
from seminars.models import Registration
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def register(user, session):
    return services.register(user=user, session=session)


def test_registration_takes_a_seat_and_mails_an_invitation(
    session, django_capture_on_commit_callbacks
):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration, changed = register(user, session)
    assert changed and registration.status == Registration.Status.CONFIRMED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    [(name, content, mimetype)] = message.attachments
    assert name.endswith(".ics") and mimetype.startswith("text/calendar; method=REQUEST")


def test_registering_twice_changes_nothing(session, django_capture_on_commit_callbacks):
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first, _ = register(user, session)
        second, changed = register(user, session)
    assert not changed and second.pk == first.pk
    assert Registration.objects.count() == 1
    assert len(mail.outbox) == 1


def test_full_session_puts_people_on_the_waiting_list_in_order(session):
    session.capacity = 1
    session.save()
    register(UserFactory(), session)
    second, _ = register(UserFactory(), session)
    third, _ = register(UserFactory(), session)
    assert second.status == third.status == Registration.Status.WAITING
    assert second.queued_at <= third.queued_at


def test_cancel_moves_the_first_waiting_person_up_with_an_email(
    session, django_capture_on_commit_callbacks
):
    session.capacity = 1
    session.save()
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    register(first, session)
    register(second, session)
    register(third, session)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(user=first, session=session)
    statuses = dict(Registration.objects.values_list("user_id", "status"))
    assert statuses == {first.pk: "cancelled", second.pk: "confirmed", third.pk: "waiting"}
    recipients = {tuple(m.to): m for m in mail.outbox}
    assert "CANCEL" in recipients[(first.email,)].attachments[0][2]
    moved = recipients[(second.email,)]
    assert "REQUEST" in moved.attachments[0][2]
    assert (third.email,) not in recipients


def test_cancelling_twice_is_harmless(session):
    user = UserFactory()
    register(user, session)
    assert services.cancel(user=user, session=session) is not None
    assert services.cancel(user=user, session=session) is None


def test_register_again_after_cancel_keeps_the_calendar_uid(session):
    user = UserFactory()
    registration, _ = register(user, session)
    services.cancel(user=user, session=session)
    again, changed = register(user, session)
    assert changed and again.uid == registration.uid
    assert again.status == Registration.Status.CONFIRMED
    assert again.sequence > registration.sequence


def test_registration_after_the_deadline_is_refused_and_nothing_stored(session):
    session.registration_deadline = timezone.now() - timedelta(minutes=1)
    session.save()
    with pytest.raises(services.RegistrationRefused):
        register(UserFactory(), session)
    assert not Registration.objects.exists()
    assert not mail.outbox


def test_more_seats_move_waiting_people_up(session):
    session.capacity = 1
    session.save()
    register(UserFactory(), session)
    waiting, _ = register(UserFactory(), session)
    session.capacity = 2
    session.save()
    services.fill_seats(session=session)
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
