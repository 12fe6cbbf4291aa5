"""Deleting and anonymising personal data after its retention period (`manage.py
purge_expired`).

What goes when is declared by each app beside its tables (`<app>/personal_data.py`, see
`gdpr`); the periods are settings (docs/privacy.md):

- learning data (progress, lessons read, quiz attempts and draws, scenario answers, runs of
  the home office self-check, xAPI statements, documents, attachments, registrations) after
  `SENSI_RETENTION_LEARNING_DAYS`;
- per-launch LRS credentials as soon as they expire;
- reminder records after `SENSI_RETENTION_REMINDER_DAYS`;
- acknowledgement ledger entries are anonymised, never deleted, after
  `SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS`.

Every step works in batches of primary keys, one transaction per batch, so memory stays
bounded and a long run does not hold locks for its whole duration; a run that stops half
way is finished by the next one (each step only selects what is still expired).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from compliance import app_settings as compliance_settings
from gdpr import Deletion, batches

from . import app_settings, registry

# The order of the steps and of purge_expired's report; steps not listed follow.
ORDER = (
    "lessons_read",
    "module_progress",
    "cmi5_sessions",
    "quiz_attempts",
    "quiz_draws",
    "scenario_answers",
    "selfcheck_runs",
    "impulse_answers",
    "seminar_attendance",
    "seminar_registrations",
    "exercise_answers",
    "xapi_statements",
    "xapi_documents",
    "xapi_registrations",
    "xapi_attachments",
    "xapi_launch_credentials",
    "reminders",
    "impulse_emails",
    "background_jobs",
    "ledger_entries_anonymised",
)


@dataclass(frozen=True)
class Cutoffs:
    """One per period a retention step can name (`gdpr.PERIODS`)."""

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


def _delete(queryset: QuerySet, *, dry_run: bool) -> int:
    if dry_run:
        return queryset.count()
    done = 0
    for keys in batches(queryset):
        with transaction.atomic():
            queryset.model.objects.filter(pk__in=keys).delete()
        done += len(keys)
    return done


def purge_expired(
    *,
    cutoffs: Cutoffs | None = None,
    dry_run: bool = False,
    report: Callable[[str, int], None] | None = None,
) -> PurgeResult:
    """Run every app's retention steps: delete expired learning data, launch credentials
    and reminders and anonymise expired ledger entries. Idempotent; `report(kind, count)`
    is called after each step."""
    cutoffs = cutoffs or Cutoffs.from_settings()
    result = PurgeResult(dry_run=dry_run)
    for step in registry.retention_steps(ORDER):
        cutoff = getattr(cutoffs, step.period)
        if isinstance(step, Deletion):
            counts = {step.kind: _delete(step.expired(cutoff), dry_run=dry_run)}
        else:
            counts = step.run(cutoff, dry_run=dry_run)
        for kind, count in counts.items():
            result.counts[kind] = count
            if report:
                report(kind, count)
    return result
