"""compliance.admin.viewsets: administrators define obligations in the Wagtail admin and read
(never edit) the ledger and the access log."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from compliance.models import Obligation, ObligationStatus
from tests.factories import UserFactory, employee, module_page, obligation

pytestmark = pytest.mark.django_db


def obligation_form(module, **changes):
    data = {
        "title": "Phishing-Pflicht",
        "module": module.pk,
        "everyone": "on",
        "text_de": "Ich habe die Hinweise zur Kenntnis genommen.",
        "text_en": "I have taken note of the guidance.",
        "due_date": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
        "days_after_entry": 30,
        "recurrence_months": 12,
        "grace_days": 30,
        "requires_quiz": "on",
        "active": "on",
    }
    data.update(changes)
    return data


def test_creating_an_obligation_in_the_admin_gives_everyone_a_status(admin_client):
    person = employee()
    module = module_page()
    response = admin_client.post(reverse("obligations:add"), obligation_form(module))
    assert response.status_code == 302, response.content.decode()[:2000]
    created = Obligation.objects.get()
    assert created.versions.count() == 1
    assert ObligationStatus.objects.filter(obligation=created, employee=person).exists()


def test_changing_the_text_in_the_admin_asks_everyone_again(admin_client):
    employee()
    duty = obligation()
    data = obligation_form(duty.module, text_de="Neuer Text.")
    response = admin_client.post(reverse("obligations:edit", args=[duty.pk]), data)
    assert response.status_code == 302
    assert duty.versions.count() == 2
    assert duty.versions.order_by("-number").first().text_de == "Neuer Text."


def test_employees_cannot_open_the_obligation_admin(learner_client):
    response = learner_client.get(reverse("obligations:index"))
    assert response.status_code in (302, 403)


def test_ledger_and_access_log_can_be_read_but_not_edited_in_the_admin(admin_client):
    person = employee(number="4711")
    version = obligation().versions.get()
    from compliance.services import record_correction

    entry = record_correction(
        employee=person,
        version=version,
        confirmed_at=timezone.now(),
        language="de",
        reason="Papier",
        recorded_by=UserFactory(),
    )
    assert admin_client.get(reverse("ledger:index")).status_code == 200
    assert admin_client.get(reverse("ledger:inspect", args=[entry.seq])).status_code == 200
    assert admin_client.get(reverse("ledger:edit", args=[entry.seq])).status_code in (302, 403)
    assert admin_client.get(reverse("report_access:index")).status_code == 200


def test_report_link_shows_only_for_report_roles(client):
    from django.contrib.auth.models import Group

    ciso = UserFactory()
    ciso.groups.add(Group.objects.get_or_create(name="CISO")[0])
    client.force_login(ciso)
    assert (
        reverse("compliance:reports") in client.get(reverse("courses:my_training")).content.decode()
    )
    client.force_login(UserFactory())
    assert (
        reverse("compliance:reports")
        not in client.get(reverse("courses:my_training")).content.decode()
    )
