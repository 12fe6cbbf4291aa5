"""The personal data of `seminars` (see `gdpr`): registrations for sessions and attendance,
kept for the learning retention period after the session. The evidence that an obligation was
satisfied by attendance is the ledger entry in compliance, kept for its own period."""

from datetime import datetime

from django.db.models import F, QuerySet

from gdpr import Declaration, Deletion, Section

from .models import Attendance, Registration, Session


def registrations(user) -> QuerySet:
    return (
        Registration.objects.filter(user=user)
        .order_by("registered_at")
        .values(
            "status",
            "registered_at",
            "queued_at",
            "cancelled_at",
            "reminded_at",
            "joined_online_at",
            starts_at=F("session__starts_at"),
            ends_at=F("session__ends_at"),
            module_key=F("session__module__translation_key"),
        )
    )


def attendance(user) -> QuerySet:
    return (
        Attendance.objects.filter(user=user)
        .order_by("recorded_at")
        .values(
            "recorded_at",
            starts_at=F("session__starts_at"),
            module_key=F("session__module__translation_key"),
        )
    )


def expired_registrations(cutoff: datetime) -> QuerySet:
    return Registration.objects.filter(session__ends_at__lt=cutoff)


def expired_attendance(cutoff: datetime) -> QuerySet:
    return Attendance.objects.filter(recorded_at__lt=cutoff)


DECLARATION = Declaration(
    # Session: its trainer is a person too (the trainer's own account, shown to participants).
    models=(Registration, Attendance, Session),
    sections=(
        Section("seminar_registrations", registrations, titles={"module_key": "module_title"}),
        Section("seminar_attendance", attendance, titles={"module_key": "module_title"}),
    ),
    retention=(
        Deletion("seminar_attendance", "learning", expired_attendance),
        Deletion("seminar_registrations", "learning", expired_registrations),
    ),
)
