"""iCalendar invitations (RFC 5545, iTIP RFC 5546) for a registration, built with `icalendar`.

One event per registration with a UID that never changes (`Registration.uid`), so that a
cancellation (METHOD:CANCEL) or a new invitation after registering again (a higher SEQUENCE)
updates the one event the participant's calendar already has. Times carry TZID Europe/Berlin
with its VTIMEZONE, so that the event stays at the local time across daylight saving time.
"""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, Timezone, vCalAddress, vText

from .models import Registration, Session

BERLIN = ZoneInfo("Europe/Berlin")
PRODID = "-//Sensi//Seminars//DE"

REQUEST = "REQUEST"
CANCEL = "CANCEL"


def session_url(session: Session) -> str:
    from django.urls import reverse

    return settings.SENSI_BASE_URL + reverse("seminars:session", args=[session.pk])


def location_of(session: Session) -> str:
    if session.is_online:
        return session.room_url or session_url(session)
    return session.place


def invitation(registration: Registration, *, method: str = REQUEST) -> bytes:
    """The calendar object for `registration`: an invitation (REQUEST) or its cancellation
    (CANCEL)."""
    session = registration.session
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    calendar.add_component(Timezone.from_tzinfo(BERLIN))
    event = Event()
    event.add("uid", f"{registration.uid}@{_host()}")
    event.add("sequence", registration.sequence)
    event.add("dtstamp", datetime.now(UTC))
    event.add("dtstart", session.starts_at.astimezone(BERLIN))
    event.add("dtend", session.ends_at.astimezone(BERLIN))
    event.add("summary", session.display_title)
    event.add("description", session.module.summary)
    event.add("location", location_of(session))
    event.add("url", session_url(session))
    event.add("status", "CANCELLED" if method == CANCEL else "CONFIRMED")
    organizer = vCalAddress(f"mailto:{settings.DEFAULT_FROM_EMAIL}")
    organizer.params["cn"] = vText("Sensi")
    event.add("organizer", organizer)
    attendee = vCalAddress(f"mailto:{registration.user.email}")
    attendee.params["role"] = vText("REQ-PARTICIPANT")
    attendee.params["partstat"] = vText("ACCEPTED")
    event.add("attendee", attendee)
    calendar.add_component(event)
    return calendar.to_ical()


def _host() -> str:
    from urllib.parse import urlsplit

    return urlsplit(settings.SENSI_BASE_URL).hostname or "sensi"


def filename(session: Session) -> str:
    return f"sensi-termin-{session.pk}-{timezone.localtime(session.starts_at):%Y%m%d}.ics"
