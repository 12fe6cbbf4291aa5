"""Reminder e-mails about obligations that are due soon or overdue (`manage.py send_reminders`).

Who needs one is decided in SQL from ObligationStatus; the `Reminder` log keeps anyone from
being reminded about an obligation more than once per SENSI_COMPLIANCE_REMINDER_INTERVAL_DAYS,
and its unique (employee, obligation, day) constraint keeps two overlapping runs from both
sending: a run writes the log rows first ("claims" them) and only then sends the mail. A mail
that fails to send gives its rows back, so it is not logged as sent and the next run tries
again. The price of logging first: a process killed between claim and send loses that one
reminder until the interval has passed, which is better than reminding anyone twice.
"""

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from itertools import groupby
from operator import attrgetter

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from . import app_settings
from .models import ObligationStatus, Reminder
from .standing import Standing, expression, soon_until

STREAM_CHUNK = 2000


@dataclass(frozen=True)
class DueItem:
    obligation_id: int
    title: str
    due_on: date
    standing: str

    @property
    def label(self) -> str:
        return Standing(self.standing).label


@dataclass(frozen=True)
class Recipient:
    employee_id: int
    email: str
    name: str
    items: tuple[DueItem, ...]


class Outcome(StrEnum):
    SENT = "sent"
    WOULD_SEND = "would_send"  # dry run
    TAKEN = "taken"  # an overlapping run reminded them today
    FAILED = "failed"


# --- who needs a reminder --------------------------------------------------------------------


def due_statuses(*, today: date):
    """Status rows that call for a reminder today, with their standing, as one query.

    Due soon (nothing counts and the deadline is within SENSI_COMPLIANCE_DUE_SOON_DAYS),
    overdue (nothing counts and the deadline has passed) and renewal due (an acknowledgement
    still counts but its renewal is within the window) together are exactly the rows with
    `due_on` up to the end of the window: a counting acknowledgement that is not up for
    renewal has `due_on` beyond it (or never, FOREVER). Excluded: employees who left or
    cannot sign in, inactive obligations, and obligations the employee was reminded of
    within the interval (at least today, whatever the setting).
    """
    soon = soon_until(today)
    interval = max(app_settings.SENSI_COMPLIANCE_REMINDER_INTERVAL_DAYS, 1)
    reminded = Reminder.objects.filter(
        employee=OuterRef("employee_id"),
        obligation=OuterRef("obligation_id"),
        sent_on__gt=today - timedelta(days=interval),
    )
    return (
        ObligationStatus.objects.filter(
            due_on__lte=soon,
            obligation__active=True,
            employee__active=True,
            employee__user__is_active=True,
        )
        .filter(~Exists(reminded))
        .annotate(standing=expression(today=today))
    )


def due_reminders(*, today: date) -> Iterator[Recipient]:
    """One recipient per employee with all their due obligations, streamed from the database
    (ordered by employee, so that each employee's rows arrive together)."""
    rows = (
        due_statuses(today=today)
        .order_by("employee_id", "obligation_id")
        .values_list(
            "employee_id",
            "employee__user__email",
            "employee__user__first_name",
            "employee__user__last_name",
            "obligation_id",
            "obligation__title",
            "due_on",
            "standing",
            named=True,
        )
    )
    for employee_id, group in groupby(
        rows.iterator(chunk_size=STREAM_CHUNK), key=attrgetter("employee_id")
    ):
        group = list(group)
        first = group[0]
        items = (
            DueItem(row.obligation_id, row.obligation__title, row.due_on, row.standing)
            for row in group
        )
        yield Recipient(
            employee_id=employee_id,
            email=first.employee__user__email,
            name=f"{first.employee__user__first_name} {first.employee__user__last_name}".strip(),
            items=tuple(sorted(items, key=attrgetter("due_on", "obligation_id"))),
        )


# --- the e-mail ------------------------------------------------------------------------------


def language_for(recipient: Recipient) -> str:
    """Users have no language preference yet; when they get one, it is chosen here."""
    return settings.LANGUAGE_CODE


def reminder_message(recipient: Recipient, *, connection=None) -> EmailMessage:
    with translation.override(language_for(recipient)):
        context = {
            "name": recipient.name,
            "items": recipient.items,
            "url": settings.SENSI_BASE_URL + reverse("courses:my_training"),
        }
        subject = render_to_string("compliance/email/reminder_subject.txt", context)
        body = render_to_string("compliance/email/reminder_body.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),  # one line, whatever the template's whitespace
        body=body,
        to=[recipient.email],
        connection=connection,
    )


# --- sending ---------------------------------------------------------------------------------


def _claim(recipient: Recipient, today: date) -> tuple[DueItem, ...]:
    """Log today's reminder before sending it. Returns the items this run may send: those
    an overlapping run has not logged already."""

    def rows(items):
        return [
            Reminder(
                employee_id=recipient.employee_id,
                obligation_id=item.obligation_id,
                sent_on=today,
                standing=item.standing,
            )
            for item in items
        ]

    try:
        with transaction.atomic():
            Reminder.objects.bulk_create(rows(recipient.items))
        return recipient.items
    except IntegrityError:
        pass
    claimed = []
    for item in recipient.items:  # in obligation order, as any other run, so no deadlock
        try:
            with transaction.atomic():
                Reminder.objects.bulk_create(rows([item]))
            claimed.append(item)
        except IntegrityError:
            continue
    return tuple(claimed)


def _release(recipient: Recipient, items: tuple[DueItem, ...], today: date) -> None:
    Reminder.objects.filter(
        employee_id=recipient.employee_id,
        obligation_id__in=[item.obligation_id for item in items],
        sent_on=today,
    ).delete()


def remind(recipient: Recipient, *, today: date, connection) -> Outcome:
    """Log and send one employee's reminder; nothing stays logged if sending fails."""
    items = _claim(recipient, today)
    if not items:
        return Outcome.TAKEN
    if items != recipient.items:
        recipient = Recipient(recipient.employee_id, recipient.email, recipient.name, items)
    try:
        reminder_message(recipient, connection=connection).send()
    except Exception:
        # Whatever the mail backend raised (SMTP errors, timeouts, a refused address): the
        # other employees are still reminded, and this one again on the next run.
        _release(recipient, items, today)
        _reconnect(connection)
        return Outcome.FAILED
    return Outcome.SENT


def _reconnect(connection) -> None:
    """A fresh connection after a failure, which may have left the old one unusable. If
    that fails too, each later send tries to connect on its own."""
    with suppress(Exception):
        connection.close()
        connection.open()


def send_reminders(
    *,
    today: date | None = None,
    dry_run: bool = False,
    report: Callable[[Recipient, Outcome], None] | None = None,
) -> Counter:
    """Remind every employee who needs it today, over one reused mail connection.

    Not one transaction: each employee's log rows are committed on their own, so that a
    failure later in the run does not lose the log of mails already sent. Returns how many
    employees had each outcome; `report` hears of each one as it happens.
    """
    today = today or timezone.localdate()
    outcomes = Counter()
    connection = None if dry_run else get_connection()
    if connection is not None:
        connection.open()  # one connection for the whole run, not one per mail
    try:
        for recipient in due_reminders(today=today):
            if dry_run:
                outcome = Outcome.WOULD_SEND
            else:
                outcome = remind(recipient, today=today, connection=connection)
            outcomes[outcome] += 1
            if report:
                report(recipient, outcome)
    finally:
        if connection is not None:
            connection.close()
    return outcomes
