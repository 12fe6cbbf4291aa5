"""Demo sessions of the blended-learning part (seminars): an on-site session and an online
session ahead, and an on-site session that began this morning with the demo employee
registered, so that the demo trainer can take attendance at once. Idempotent: a module that
offers sessions already is left alone."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from courses.models import ModulePage
from seminars.models import Registration, Session

BERLIN = ZoneInfo("Europe/Berlin")
TRAINER_EMAIL = "trainer@sensi.example"
EMPLOYEE_EMAIL = "beschaeftigte@sensi.example"


def _at(days: int, hour: int) -> datetime:
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour, 0), tzinfo=BERLIN)


@transaction.atomic
def seed_seminars(modules: list[ModulePage]) -> int:
    """Sessions for the first two demo modules; returns how many were created."""
    users = get_user_model().objects
    trainer = users.filter(email=TRAINER_EMAIL).first()
    if trainer is None or len(modules) < 2:
        return 0
    first, second = modules[0], modules[1]
    plans = [
        (
            first,
            {
                "title": f"{first.title} – Präsenzschulung",
                "kind": Session.Kind.ON_SITE,
                "starts_at": _at(7, 9),
                "ends_at": _at(7, 11),
                "place": "Hessisches Ministerium der Finanzen, Friedrich-Ebert-Allee 8, "
                "65185 Wiesbaden, Raum 2.14",
                "capacity": 12,
                "registration_deadline": _at(5, 12),
            },
        ),
        (
            second,
            {
                "title": f"{second.title} – Online-Seminar",
                "kind": Session.Kind.ONLINE,
                "starts_at": _at(14, 14),
                "ends_at": _at(14, 15),
                "room_url": "https://bbb.sensi.example/rooms/demo-online-seminar/join",
                "capacity": 25,
                "registration_deadline": _at(13, 12),
            },
        ),
        (
            first,
            {
                "title": f"{first.title} – Präsenzschulung (heute)",
                "kind": Session.Kind.ON_SITE,
                "starts_at": _at(0, 8),
                "ends_at": _at(0, 10),
                "place": "Landesamt, Konferenzraum Erdgeschoss",
                "capacity": 8,
                "registration_deadline": _at(-2, 12),
            },
        ),
    ]
    created = 0
    employee = users.filter(email=EMPLOYEE_EMAIL).first()
    for module in {module.pk: module for module, _fields in plans}.values():
        if Session.objects.filter(module=module).exists():
            continue
        for planned_module, fields in plans:
            if planned_module.pk != module.pk:
                continue
            session = Session.objects.create(module=module, trainer=trainer, **fields)
            created += 1
            if employee is not None and fields["starts_at"] <= timezone.now() + timedelta(days=7):
                Registration.objects.create(
                    session=session, user=employee, status=Registration.Status.CONFIRMED
                )
    return created
