"""Deleting and anonymising personal data after its retention period (`manage.py
purge_expired`).

What goes when (the periods are settings, see docs/privacy.md):

- Learning data, after `SENSI_RETENTION_LEARNING_DAYS`: module progress (by last activity),
  lessons read (unless their module was active since), quiz attempts and draws, xAPI statements (by
  `stored`) with their agent and activity lookup rows, State and Agent Profile documents
  about an agent (by `updated`), attachments no remaining statement refers to, and xAPI
  registrations no remaining statement uses. This is deletion from the LRS tables: voiding
  (xAPI 1.0.3 Data §2.4.4.1) would keep the statement, so it is no deletion.
- Per-launch LRS credentials (`xapi.models.LaunchCredential`, with the LMS's actor), as soon
  as they expire: the LRS and the launch refuse them from then on, so they serve nothing.
- Reminder records, after `SENSI_RETENTION_REMINDER_DAYS`.
- Acknowledgement ledger entries, after `SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS` (by
  `confirmed_at`): never deleted (the chain would break), but anonymised: employee,
  recorded_by, reason and the salt are emptied (`compliance.models.ledger` explains why the
  hash chain still verifies). Format-1 entries from before that design cannot be anonymised
  and are counted as `ledger_entries_kept_format_1`.

Every step works in batches of primary keys, one transaction per batch, so memory stays
bounded and a long run does not hold locks for its whole duration; a run that stops half
way is finished by the next one (each step only selects what is still expired).
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from compliance import app_settings as compliance_settings
from compliance.ledger import chain as ledger_chain
from compliance.models import LedgerEntry, Reminder
from content.models import ScenarioAnswer
from courses.models import LessonRead, ModuleProgress
from quizzes.models import QuizAttempt, QuizDraw
from xapi.models import (
    Attachment,
    Document,
    LaunchCredential,
    Registration,
    Statement,
    StatementAttachment,
)

from . import app_settings

BATCH = 1000


@dataclass(frozen=True)
class Cutoffs:
    learning: datetime
    reminders: datetime
    acknowledgements: datetime
    # Launch credentials have their own end, `expires_at`: the cut-off is the run's time.
    launch_credentials: datetime = field(default_factory=timezone.now)

    @classmethod
    def from_settings(cls, now: datetime | None = None) -> "Cutoffs":
        now = now or timezone.now()
        return cls(
            learning=now - timedelta(days=app_settings.SENSI_RETENTION_LEARNING_DAYS),
            reminders=now - timedelta(days=app_settings.SENSI_RETENTION_REMINDER_DAYS),
            acknowledgements=now
            - timedelta(days=compliance_settings.SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS),
            launch_credentials=now,
        )


@dataclass
class PurgeResult:
    """Rows deleted (or, with dry_run, that would be) per kind, in the order of the steps."""

    dry_run: bool
    counts: dict[str, int] = field(default_factory=dict)


def _batches(queryset: QuerySet) -> Iterator[list]:
    """Primary keys of `queryset`, a batch at a time. Re-queries from the start after each
    batch, because the caller deletes or changes the rows it was given."""
    while True:
        keys = list(queryset.order_by("pk").values_list("pk", flat=True)[:BATCH])
        if not keys:
            return
        yield keys


def _delete(model, queryset: QuerySet, *, dry_run: bool) -> int:
    if dry_run:
        return queryset.count()
    done = 0
    for keys in _batches(queryset):
        with transaction.atomic():
            model.objects.filter(pk__in=keys).delete()
        done += len(keys)
    return done


# --- what is expired -------------------------------------------------------------------------


def expired_progress(cutoff: datetime) -> QuerySet:
    return ModuleProgress.objects.filter(updated_at__lt=cutoff)


def expired_lessons_read(cutoff: datetime) -> QuerySet:
    # A lesson read long ago in a module the learner is still working on stays with it.
    active_module = ModuleProgress.objects.filter(
        user=OuterRef("user"), module_key=OuterRef("module_key"), updated_at__gte=cutoff
    )
    return LessonRead.objects.filter(read_at__lt=cutoff).exclude(Exists(active_module))


def expired_attempts(cutoff: datetime) -> QuerySet:
    return QuizAttempt.objects.filter(submitted_at__lt=cutoff)


def expired_draws(cutoff: datetime) -> QuerySet:
    return QuizDraw.objects.filter(created_at__lt=cutoff)


def expired_scenario_answers(cutoff: datetime) -> QuerySet:
    return ScenarioAnswer.objects.filter(answered_at__lt=cutoff)


def expired_statements(cutoff: datetime) -> QuerySet:
    return Statement.objects.filter(stored__lt=cutoff)


def expired_documents(cutoff: datetime) -> QuerySet:
    # Activity Profile documents are about an activity, not a person (agent_ifi is '').
    return Document.objects.filter(updated__lt=cutoff).exclude(agent_ifi="")


def unused_registrations(cutoff: datetime) -> QuerySet:
    # Statements that stay: in a dry run the expired ones are still there.
    in_use = Statement.objects.filter(registration=OuterRef("registration"), stored__gte=cutoff)
    recent = Q(created_at__gte=cutoff) | Q(launched_at__gte=cutoff)
    return Registration.objects.exclude(recent).exclude(Exists(in_use))


def orphaned_attachments(cutoff: datetime) -> QuerySet:
    """Attachments no statement that stays (stored since `cutoff`) refers to, by the
    reference table the LRS fills when it stores a statement (Data §2.4.11): a join, never
    a search in the statements' JSON text. Counting before the statements are deleted (a
    dry run) gives the same answer as after."""
    referring = StatementAttachment.objects.filter(
        sha2=OuterRef("sha2"), statement__stored__gte=cutoff
    )
    return Attachment.objects.exclude(Exists(referring))


def expired_launch_credentials(now: datetime) -> QuerySet:
    return LaunchCredential.objects.filter(expires_at__lt=now)


def expired_ledger_entries(cutoff: datetime) -> QuerySet:
    return LedgerEntry.objects.filter(confirmed_at__lt=cutoff, anonymised_at__isnull=True)


# --- doing it --------------------------------------------------------------------------------


def anonymise_ledger_entries(cutoff: datetime, *, dry_run: bool) -> tuple[int, int]:
    """Anonymise expired format-2 entries. Returns (anonymised, kept because format 1)."""
    expired = expired_ledger_entries(cutoff)
    legacy = expired.filter(hash_format=1).count()
    anonymisable = expired.exclude(hash_format=1)
    if dry_run:
        return anonymisable.count(), legacy
    done = 0
    now = timezone.now()
    for keys in _batches(anonymisable):
        with transaction.atomic():
            done += ledger_chain.anonymise(keys, at=now)
    return done, legacy


def purge_expired(
    *,
    cutoffs: Cutoffs | None = None,
    dry_run: bool = False,
    report: Callable[[str, int], None] | None = None,
) -> PurgeResult:
    """Delete expired learning data, launch credentials and reminders and anonymise expired
    ledger entries. Idempotent; `report(kind, count)` is called after each step."""
    cutoffs = cutoffs or Cutoffs.from_settings()
    result = PurgeResult(dry_run=dry_run)

    def step(kind: str, count: int) -> None:
        result.counts[kind] = count
        if report:
            report(kind, count)

    learning = cutoffs.learning
    step("lessons_read", _delete(LessonRead, expired_lessons_read(learning), dry_run=dry_run))
    step("module_progress", _delete(ModuleProgress, expired_progress(learning), dry_run=dry_run))
    step("quiz_attempts", _delete(QuizAttempt, expired_attempts(learning), dry_run=dry_run))
    step("quiz_draws", _delete(QuizDraw, expired_draws(learning), dry_run=dry_run))
    step(
        "scenario_answers",
        _delete(ScenarioAnswer, expired_scenario_answers(learning), dry_run=dry_run),
    )
    # Agent and activity lookup rows go with their statement (ON DELETE CASCADE in Django).
    step("xapi_statements", _delete(Statement, expired_statements(learning), dry_run=dry_run))
    step("xapi_documents", _delete(Document, expired_documents(learning), dry_run=dry_run))
    step(
        "xapi_registrations",
        _delete(Registration, unused_registrations(learning), dry_run=dry_run),
    )
    step("xapi_attachments", _delete(Attachment, orphaned_attachments(learning), dry_run=dry_run))
    step(
        "xapi_launch_credentials",
        _delete(
            LaunchCredential,
            expired_launch_credentials(cutoffs.launch_credentials),
            dry_run=dry_run,
        ),
    )
    old_reminders = Reminder.objects.filter(sent_on__lt=timezone.localdate(cutoffs.reminders))
    step("reminders", _delete(Reminder, old_reminders, dry_run=dry_run))
    anonymised, legacy = anonymise_ledger_entries(cutoffs.acknowledgements, dry_run=dry_run)
    step("ledger_entries_anonymised", anonymised)
    step("ledger_entries_kept_format_1", legacy)
    return result
