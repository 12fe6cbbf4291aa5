"""E-mails about a registration: confirmation, waiting list, moved up, cancellation, reminder.

A small sender of its own: the reminder machinery of `compliance` (compliance/reminder_mails.py)
is about obligations and lives above this app, which must not import it. Like it, mails are
rendered in the site language (users have no language preference yet), as plain text, one
line of subject, and sent only after the transaction that caused them has committed.
"""

from enum import StrEnum

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from . import ical
from .models import Registration


class Purpose(StrEnum):
    CONFIRMED = "confirmed"
    WAITING = "waiting"
    MOVED_UP = "moved_up"
    CANCELLED = "cancelled"
    REMINDER = "reminder"


# Which calendar method goes with which mail (none: no attachment).
CALENDAR_METHOD = {
    Purpose.CONFIRMED: ical.REQUEST,
    Purpose.MOVED_UP: ical.REQUEST,
    Purpose.CANCELLED: ical.CANCEL,
}


def message(registration: Registration, purpose: Purpose) -> EmailMessage:
    session = registration.session
    user = registration.user
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "purpose": purpose.value,
            "name": user.get_full_name(),
            "session": session,
            "location": ical.location_of(session),
            "url": ical.session_url(session),
        }
        subject = render_to_string("seminars/email/subject.txt", context)
        body = render_to_string("seminars/email/body.txt", context)
    mail = EmailMessage(subject=" ".join(subject.split()), body=body, to=[user.email])
    method = CALENDAR_METHOD.get(purpose)
    if method:
        mail.attach(
            ical.filename(session),
            ical.invitation(registration, method=method),
            f"text/calendar; method={method}; charset=utf-8",
        )
    return mail


def send_after_commit(registration: Registration, purpose: Purpose) -> None:
    """Send once the caller's transaction has committed (nothing is sent for a rollback)."""
    mail = message(registration, purpose)
    transaction.on_commit(lambda: mail.send(fail_silently=False))
