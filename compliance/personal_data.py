"""The personal data of `compliance` (see `gdpr`): the employee record, Ressort-ISB
assignments, obligations and their status, the acknowledgement ledger, reminders and the
access log of reports.

Reminder records are deleted after `SENSI_RETENTION_REMINDER_DAYS`. Ledger entries are never
deleted (the chain would break) but anonymised after `SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS`
(by `confirmed_at`): employee, recorded_by, reason and the salt are emptied
(`compliance.models.ledger` explains why the hash chain still verifies). Format-1 entries from
before that design cannot be anonymised and are counted as `ledger_entries_kept_format_1`.
"""

from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from gdpr import Declaration, Deletion, Purge, Section, batches

from .ledger import chain as ledger_chain
from .models import (
    Employee,
    LedgerEntry,
    ObligationStatus,
    Reminder,
    ReportAccess,
    RessortAssignment,
)


def employee(user) -> QuerySet:
    return Employee.objects.filter(user=user).values(
        "personnel_number",
        "ressort__code",
        "ressort__name",
        "dienststelle__code",
        "dienststelle__name",
        "entry_date",
        "active",
        "left_on",
    )


def employee_record(user, rows: list[dict]) -> dict | None:
    """The one employee record of the user (the field is one-to-one), or None."""
    if not rows:
        return None
    [row] = rows
    return {
        "personnel_number": row["personnel_number"],
        "ressort": {"code": row["ressort__code"], "name": row["ressort__name"]},
        "dienststelle": {"code": row["dienststelle__code"], "name": row["dienststelle__name"]},
        "entry_date": row["entry_date"],
        "active": row["active"],
        "left_on": row["left_on"],
    }


def ressort_assignments(user) -> QuerySet:
    """The Ressorts a Ressort-ISB looks after: part of the export's `roles`."""
    return RessortAssignment.objects.filter(user=user).values("ressort__code")


def assigned_ressorts(user, rows: list[dict]) -> dict:
    return {"ressort_assignments": sorted(row["ressort__code"] for row in rows)}


def obligations(user) -> QuerySet:
    return (
        ObligationStatus.objects.filter(employee__user=user)
        .order_by("obligation__title")
        .values(
            "obligation__title",
            "acknowledged_version",
            "acknowledged_at",
            "current_until",
            "due_on",
        )
    )


def acknowledgements(user) -> QuerySet:
    return (
        LedgerEntry.objects.filter(employee__user=user)
        .order_by("seq")
        .values(
            "seq",
            "kind",
            "obligation_version__obligation__title",
            "obligation_version__number",
            "language",
            "confirmed_at",
            "recorded_at",
            "recorded_by_id",
            "reason",
            "text_hash",
            "entry_hash",
        )
    )


def ledger_entries(user, rows: list[dict]) -> list[dict]:
    return [
        {
            "seq": row["seq"],
            "kind": row["kind"],
            "obligation": row["obligation_version__obligation__title"],
            "obligation_version": row["obligation_version__number"],
            "language": row["language"],
            "confirmed_at": row["confirmed_at"],
            "recorded_at": row["recorded_at"],
            # Entered by an administrator (whose identity is theirs, not yours).
            "recorded_by_administrator": row["recorded_by_id"] is not None,
            "reason": row["reason"],
            "text_hash": row["text_hash"],
            "entry_hash": row["entry_hash"],
        }
        for row in rows
    ]


def reminders(user) -> QuerySet:
    return (
        Reminder.objects.filter(employee__user=user)
        .order_by("sent_on")
        .values("obligation__title", "sent_on", "standing")
    )


def report_accesses(user) -> QuerySet:
    return (
        ReportAccess.objects.filter(user=user)
        .order_by("at")
        .values("at", "report", "roles", "parameters")
    )


def expired_reminders(cutoff: datetime) -> QuerySet:
    return Reminder.objects.filter(sent_on__lt=timezone.localdate(cutoff))


def expired_ledger_entries(cutoff: datetime) -> QuerySet:
    return LedgerEntry.objects.filter(confirmed_at__lt=cutoff, anonymised_at__isnull=True)


def anonymise_ledger_entries(cutoff: datetime, *, dry_run: bool) -> tuple[int, int]:
    """Anonymise expired format-2 entries. Returns (anonymised, kept because format 1)."""
    expired = expired_ledger_entries(cutoff)
    legacy = expired.filter(hash_format=1).count()
    anonymisable = expired.exclude(hash_format=1)
    if dry_run:
        return anonymisable.count(), legacy
    done = 0
    now = timezone.now()
    for keys in batches(anonymisable):
        done += ledger_chain.anonymise(keys, at=now)
    return done, legacy


def purge_ledger(cutoff: datetime, *, dry_run: bool) -> dict[str, int]:
    anonymised, legacy = anonymise_ledger_entries(cutoff, dry_run=dry_run)
    return {"ledger_entries_anonymised": anonymised, "ledger_entries_kept_format_1": legacy}


DECLARATION = Declaration(
    models=(Employee, RessortAssignment, ObligationStatus, LedgerEntry, Reminder, ReportAccess),
    sections=(
        Section("employee", employee, shape=employee_record),
        Section("roles", ressort_assignments, shape=assigned_ressorts),
        Section("obligations", obligations),
        Section("acknowledgements", acknowledgements, shape=ledger_entries),
        Section("reminders", reminders),
        Section("report_accesses", report_accesses),
    ),
    retention=(
        Deletion("reminders", "reminders", expired_reminders),
        Purge(
            ("ledger_entries_anonymised", "ledger_entries_kept_format_1"),
            "acknowledgements",
            purge_ledger,
        ),
    ),
)
