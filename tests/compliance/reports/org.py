"""A small hand-made organisation for the report tests, with known figures.

    Ressort RA                         Ressort RB
      A1 (nobody directly)               B1: 6 employees
        A11: 6 employees
        A12: 3 employees  (< 5)
      A2: 5 employees

Two obligations for everyone: "IT-Sicherheit" (it_security, deadline passed, so whoever has
not acknowledged is overdue) and "Datenschutz" (data_protection, deadline ahead).

Acknowledged (through `record_correction`, as an administrator would enter paper forms):
IT-Sicherheit by 4 of A11, all of A2, 1 of B1; Datenschutz by all of A2 and all of B1.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.models import Group
from django.utils import timezone

from compliance.models import Dienststelle, Employee, Obligation, Ressort, RessortAssignment
from compliance.reports.scopes import Role
from compliance.selectors import current_version
from compliance.services import create_obligation, record_correction, satisfy_by_attendance
from tests.factories import UserFactory, dienststelle, employee, module_page, ressort


@dataclass
class Org:
    ra: Ressort
    rb: Ressort
    offices: dict[str, Dienststelle]
    people: dict[str, list[Employee]]
    it_security: Obligation
    data_protection: Obligation
    admin: object
    users: dict[str, object] = field(default_factory=dict)


def acknowledge(person: Employee, duty: Obligation, *, when=None, by=None):
    return record_correction(
        employee=person,
        version=current_version(duty),
        confirmed_at=when or timezone.now() - datetime.timedelta(days=3),
        language="de",
        reason="Papierformular",
        recorded_by=by,
    )


def attend(person: Employee, duty: Obligation, *, by=None, when=None):
    """A trainer records that `person` attended a session of the obligation's module."""
    return satisfy_by_attendance(
        user=person.user,
        module=duty.module,
        attended_at=when or timezone.now() - datetime.timedelta(days=2),
        recorded_by=by,
        session_label="Präsenztermin 1",
    )


def staff(office: Dienststelle, label: str, count: int) -> list[Employee]:
    people = []
    for i in range(count):
        user = UserFactory(first_name="Vorname", last_name=f"Person-{label}-{i}")
        people.append(employee(user=user, office=office))
    return people


def build_org(home) -> Org:
    ra = ressort("RA", "Ressort A")
    rb = ressort("RB", "Ressort B")
    a1 = dienststelle("A1", of=ra, name="Abteilung A1")
    a11 = dienststelle("A11", parent=a1, name="Referat A11")
    a12 = dienststelle("A12", parent=Dienststelle.objects.get(pk=a1.pk), name="Referat A12")
    a2 = dienststelle("A2", of=ra, name="Abteilung A2")
    b1 = dienststelle("B1", of=rb, name="Abteilung B1")
    offices = {"A1": a1, "A11": a11, "A12": a12, "A2": a2, "B1": b1}
    people = {
        "A11": staff(a11, "A11", 6),
        "A12": staff(a12, "A12", 3),
        "A2": staff(a2, "A2", 5),
        "B1": staff(b1, "B1", 6),
    }
    today = timezone.localdate()
    it_security = create_obligation(
        title="IT-Sicherheit",
        module=module_page(home=home, title="Phishing", lessons=1, questions=[]),
        text_de="Ich habe die Regeln zur IT-Sicherheit zur Kenntnis genommen.",
        text_en="I have taken note of the IT security rules.",
        due_date=today - datetime.timedelta(days=10),
    )
    data_protection = create_obligation(
        title="Datenschutz",
        module=module_page(
            home=home, title="DSGVO", lessons=1, questions=[], topic="data_protection"
        ),
        text_de="Ich habe die Regeln zum Datenschutz zur Kenntnis genommen.",
        text_en="I have taken note of the data protection rules.",
        due_date=today + datetime.timedelta(days=30),
    )
    admin = UserFactory(first_name="Ada", last_name="Admin")
    for person in people["A11"][:4] + people["A2"] + people["B1"][:1]:
        acknowledge(person, it_security, by=admin)
    for person in people["A2"] + people["B1"]:
        acknowledge(person, data_protection, by=admin)
    return Org(ra, rb, offices, people, it_security, data_protection, admin)


def user_with(role: Role | str | None, *, ressorts=(), **fields):
    user = UserFactory(**fields)
    if role:
        user.groups.add(Group.objects.get_or_create(name=str(role))[0])
    for item in ressorts:
        RessortAssignment.objects.create(user=user, ressort=item)
    return user
