"""Reminder e-mails: who gets one, how often, and what happens when sending fails."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from compliance.models import Dienststelle, ObligationStatus, Reminder
from compliance.reminder_mails import Outcome, due_reminders, remind, send_reminders
from tests.clock import pin_clock
from tests.factories import UserFactory, dienststelle, employee, module_page, obligation

pytestmark = pytest.mark.django_db

NOW = timezone.now()
TODAY = timezone.localdate(NOW)


@pytest.fixture(autouse=True)
def _clock_on_today(monkeypatch):
    pin_clock(monkeypatch, NOW)


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def duty(home):
    return obligation(module=module_page(home=home, title="Phishing erkennen"), due_in_days=60)


def person_with(duty, *, email, due_on, current_until=None, **status):
    """An employee whose status for `duty` has the given dates."""
    office = Dienststelle.objects.first() or dienststelle()
    person = employee(user=UserFactory(email=email), office=office, number=email.split("@")[0])
    ObligationStatus.objects.update_or_create(
        employee=person,
        obligation=duty,
        defaults={"due_on": due_on, "current_until": current_until, **status},
    )
    return person


def recipients() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


def run(**options):
    out = StringIO()
    call_command("send_reminders", stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def test_due_soon_and_overdue_get_mail_done_and_far_away_do_not(duty):
    person_with(duty, email="soon@example.org", due_on=days(5))
    person_with(duty, email="late@example.org", due_on=days(-3))
    person_with(
        duty,
        email="done@example.org",
        due_on=days(300),
        current_until=days(300),
        acknowledged_version=1,
    )
    person_with(duty, email="far@example.org", due_on=days(60))
    run(verbosity=0)
    assert recipients() == {"soon@example.org", "late@example.org"}
    assert dict(Reminder.objects.values_list("employee__user__email", "standing")) == {
        "soon@example.org": "due_soon",
        "late@example.org": "overdue",
    }
    assert set(Reminder.objects.values_list("sent_on", flat=True)) == {TODAY}


def test_mail_lists_the_obligation_and_links_to_my_training_in_german(duty):
    person_with(duty, email="soon@example.org", due_on=days(5))
    run(verbosity=0)
    message = mail.outbox[0]
    assert "Phishing erkennen" in message.body
    assert "http://127.0.0.1:8000/de/meine-schulungen/" in message.body
    assert days(5).strftime("%d.%m.%Y") in message.body
    assert "\n" not in message.subject


def test_renewal_due_within_the_window_gets_mail(duty):
    person_with(
        duty,
        email="renew@example.org",
        due_on=days(10),
        current_until=days(10),
        acknowledged_version=1,
    )
    run(verbosity=0)
    assert recipients() == {"renew@example.org"}
    assert Reminder.objects.get().standing == "renewal_due"


def test_one_mail_per_employee_lists_all_their_due_obligations(duty, home):
    person = person_with(duty, email="soon@example.org", due_on=days(5))
    second = obligation(module=module_page(home=home, title="Passwörter"), due_in_days=60)
    ObligationStatus.objects.filter(employee=person, obligation=second).update(due_on=days(-1))
    run(verbosity=0)
    assert len(mail.outbox) == 1
    assert "Phishing erkennen" in mail.outbox[0].body and "Passwörter" in mail.outbox[0].body
    assert Reminder.objects.filter(employee=person).count() == 2


def test_running_twice_on_the_same_day_sends_nothing_the_second_time(duty):
    person_with(duty, email="soon@example.org", due_on=days(5))
    run(verbosity=0)
    run(verbosity=0)
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 1


def test_nothing_within_the_interval_and_again_after_it(duty, settings):
    settings.SENSI_COMPLIANCE_REMINDER_INTERVAL_DAYS = 7
    person_with(duty, email="late@example.org", due_on=days(-3))
    assert send_reminders(today=TODAY)[Outcome.SENT] == 1
    assert send_reminders(today=days(6))[Outcome.SENT] == 0
    assert send_reminders(today=days(7))[Outcome.SENT] == 1
    assert len(mail.outbox) == 2
    assert sorted(Reminder.objects.values_list("sent_on", flat=True)) == [TODAY, days(7)]


def test_inactive_employees_and_disabled_accounts_never_get_mail(duty):
    left = person_with(duty, email="left@example.org", due_on=days(-3))
    left.active = False
    left.save()
    disabled = person_with(duty, email="disabled@example.org", due_on=days(-3))
    disabled.user.is_active = False
    disabled.user.save()
    run(verbosity=0)
    assert mail.outbox == []
    assert not Reminder.objects.exists()


def test_inactive_obligations_are_not_reminded(duty):
    person_with(duty, email="late@example.org", due_on=days(-3))
    duty.active = False
    duty.save()
    run(verbosity=0)
    assert mail.outbox == []


def test_dry_run_lists_recipients_but_sends_and_logs_nothing(duty):
    person_with(duty, email="soon@example.org", due_on=days(5))
    output = run(dry_run=True, verbosity=1)
    assert "soon@example.org" in output
    assert mail.outbox == []
    assert not Reminder.objects.exists()


def test_verbosity_zero_prints_nothing(duty):
    person_with(duty, email="soon@example.org", due_on=days(5))
    assert run(verbosity=0) == ""
    assert run(dry_run=True, verbosity=0) == ""


class RefusingBackend(EmailBackend):
    """The locmem backend, except that it refuses addresses starting with "refused"."""

    def send_messages(self, messages):
        if any(address.startswith("refused") for m in messages for address in m.to):
            raise OSError("mail server refused the recipient")
        return super().send_messages(messages)


@override_settings(EMAIL_BACKEND=f"{__name__}.RefusingBackend")
def test_a_failed_mail_is_not_logged_and_the_others_are(duty):
    person_with(duty, email="a@example.org", due_on=days(5))
    person_with(duty, email="refused@example.org", due_on=days(5))
    person_with(duty, email="z@example.org", due_on=days(5))
    with pytest.raises(CommandError):
        run(verbosity=0)
    assert recipients() == {"a@example.org", "z@example.org"}
    assert set(Reminder.objects.values_list("employee__user__email", flat=True)) == {
        "a@example.org",
        "z@example.org",
    }
    # The next run tries the failed one again (and only that one).
    mail.outbox.clear()
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        run(verbosity=0)
    assert recipients() == {"refused@example.org"}


def test_an_overlapping_run_that_reminded_first_wins(duty, home):
    person = person_with(duty, email="soon@example.org", due_on=days(5))
    second = obligation(module=module_page(home=home, title="Passwörter"), due_in_days=5)
    [recipient] = due_reminders(today=TODAY)  # selected before the other run logged anything
    Reminder.objects.create(employee=person, obligation=duty, sent_on=TODAY, standing="due_soon")
    connection = mail.get_connection()
    assert remind(recipient, today=TODAY, connection=connection) == Outcome.SENT
    assert "Passwörter" in mail.outbox[0].body and "Phishing" not in mail.outbox[0].body
    Reminder.objects.filter(obligation=second).update(standing="overdue")
    assert remind(recipient, today=TODAY, connection=connection) == Outcome.TAKEN
    assert len(mail.outbox) == 1


def test_selection_is_one_query_however_many_employees(duty, django_assert_num_queries):
    for number in range(6):
        person_with(duty, email=f"p{number}@example.org", due_on=days(number - 3))
    with django_assert_num_queries(1):
        found = list(due_reminders(today=TODAY))
    assert len(found) == 6
