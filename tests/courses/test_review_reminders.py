"""The Redaktion is reminded once per module and review date (courses.review_reminders)."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from courses.models import ModulePage, ReviewReminder
from courses.review_reminders import send_review_reminders
from tests.factories import UserFactory, module_page

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 7)


@pytest.fixture
def editors(db):
    group = Group.objects.create(name="Redaktion")
    people = [UserFactory(), UserFactory()]
    for person in people:
        person.groups.add(group)
    UserFactory()  # not in the group
    return people


def due_module(home, days: int, **fields) -> ModulePage:
    module = module_page(home=home, lessons=1, **fields)
    ModulePage.objects.filter(pk=module.pk).update(review_by=TODAY + timedelta(days=days))
    module.refresh_from_db()
    return module


@override_settings(SENSI_BASE_URL="https://sensi.example.hessen.de")
def test_each_editor_gets_one_mail_per_module_and_date(editors, home):
    module = due_module(home, 10, title="Phishing erkennen")
    due_module(home, 60, title="Noch lange nicht")

    send_review_reminders(today=TODAY)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(e.email for e in editors)
    message = mail.outbox[0]
    assert "Phishing erkennen" in message.subject and "17.12.2026" in message.subject
    assert f"https://sensi.example.hessen.de/admin/pages/{module.pk}/edit/" in message.body

    send_review_reminders(today=TODAY + timedelta(days=1))  # the next daily run
    assert len(mail.outbox) == 2
    assert ReviewReminder.objects.get().review_by == TODAY + timedelta(days=10)


def test_a_new_review_date_gets_a_new_reminder(editors, home):
    module = due_module(home, -3)
    send_review_reminders(today=TODAY)
    ModulePage.objects.filter(pk=module.pk).update(review_by=TODAY + timedelta(days=5))
    send_review_reminders(today=TODAY)
    assert len(mail.outbox) == 4
    assert ReviewReminder.objects.filter(module=module).count() == 2


def test_the_dry_run_sends_and_records_nothing(editors, home):
    module = due_module(home, 1)
    out = StringIO()
    call_command("send_review_reminders", dry_run=True, stdout=out)
    assert module.title in out.getvalue()
    assert not mail.outbox and not ReviewReminder.objects.exists()


def test_without_editors_nothing_is_recorded_so_a_later_run_reminds(home):
    due_module(home, 1)
    out = StringIO()
    call_command("send_review_reminders", stdout=out)
    assert "Nobody" in out.getvalue()
    assert not ReviewReminder.objects.exists()
