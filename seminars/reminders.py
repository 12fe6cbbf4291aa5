"""Reminders the day before a session (`manage.py send_seminar_reminders`).

Once per registration: a run first claims a registration by setting its `reminded_at` (an
UPDATE that only succeeds while it is empty, so two overlapping runs never both send), then
sends the mail; a mail that fails gives the claim back, and the next run tries again. This
follows compliance/reminder_mails.py, which seminars may not import (it lives above).
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from . import app_settings, mails
from .models import Registration


@dataclass
class Counts:
    sent: int = 0
    would_send: int = 0
    taken: int = 0
    failed: int = 0


def due_registrations(now=None):
    """Registered (not waiting) people of sessions starting within the reminder window who
    were not reminded yet."""
    now = now or timezone.now()
    until = now + timedelta(hours=app_settings.SENSI_SEMINAR_REMINDER_HOURS)
    return (
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            reminded_at__isnull=True,
            session__starts_at__gt=now,
            session__starts_at__lte=until,
        )
        .select_related("session__module", "user")
        .order_by("session__starts_at", "pk")
    )


def send_reminders(*, dry_run: bool = False, now=None) -> Counts:
    now = now or timezone.now()
    counts = Counts()
    for registration in due_registrations(now):
        if dry_run:
            counts.would_send += 1
            continue
        claimed = Registration.objects.filter(pk=registration.pk, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if not claimed:
            counts.taken += 1
            continue
        try:
            mails.message(registration, mails.Purpose.REMINDER).send(fail_silently=False)
        except Exception:  # noqa: BLE001  (any mail error: give the claim back)
            Registration.objects.filter(pk=registration.pk).update(reminded_at=None)
            counts.failed += 1
        else:
            counts.sent += 1
    return counts
