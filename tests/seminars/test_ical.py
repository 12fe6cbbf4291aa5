"""Invitations parsed back with icalendar (RFC 5545 / iTIP RFC 5546)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from seminars import ical, services
from seminars.models import Session
from tests.factories import UserFactory

from .conftest import make_session

pytestmark = pytest.mark.django_db


def parse(data: bytes):
    calendar = Calendar.from_ical(data)
    [event] = calendar.walk("VEVENT")
    return calendar, event


def test_invitation_has_method_request_berlin_times_and_a_timezone(session):
    registration, _ = services.register(user=UserFactory(), session=session)
    calendar, event = parse(ical.invitation(registration))
    assert calendar["METHOD"] == "REQUEST"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    start = event.decoded("DTSTART")
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    # iCalendar has whole seconds.
    assert start == session.starts_at.replace(microsecond=0)
    assert event.decoded("DTEND") == session.ends_at.replace(microsecond=0)
    assert str(event["LOCATION"]) == session.place
    assert str(event["URL"]).endswith(reverse("seminars:session", args=[session.pk]))
    assert str(event["UID"]).startswith(str(registration.uid))


def test_uid_is_stable_and_cancel_carries_a_higher_sequence(session):
    user = UserFactory()
    registration, _ = services.register(user=user, session=session)
    _calendar, invited = parse(ical.invitation(registration))
    cancelled_registration = services.cancel(user=user, session=session)
    calendar, cancelled = parse(ical.invitation(cancelled_registration, method=ical.CANCEL))
    assert calendar["METHOD"] == "CANCEL"
    assert cancelled["UID"] == invited["UID"]
    assert cancelled["SEQUENCE"] > invited["SEQUENCE"]
    assert cancelled["STATUS"] == "CANCELLED"


def test_online_session_location_is_the_room(module, trainer):
    session = make_session(
        module=module,
        trainer=trainer,
        kind=Session.Kind.ONLINE,
        place="",
        room_url="https://video.example.org/raum-42",
    )
    registration, _ = services.register(user=UserFactory(), session=session)
    _calendar, event = parse(ical.invitation(registration))
    assert str(event["LOCATION"]) == "https://video.example.org/raum-42"


def test_summer_time_is_kept_as_local_time(module, trainer):
    berlin = ZoneInfo("Europe/Berlin")
    start = datetime(2030, 7, 1, 9, 0, tzinfo=berlin)
    session = make_session(
        module=module,
        trainer=trainer,
        starts_at=start,
        ends_at=start.replace(hour=11),
        registration_deadline=start.replace(day=1, hour=8),
    )
    registration, _ = services.register(user=UserFactory(), session=session)
    assert b"DTSTART;TZID=Europe/Berlin:20300701T090000" in ical.invitation(registration)
