"""Reads of the compliance module that the employee's own pages need."""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from courses.models import ModuleProgress
from courses.selectors import module_steps

from .models import Employee, LedgerEntry, Obligation, ObligationStatus, ObligationVersion


class Standing(StrEnum):
    OPEN = "open"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    DONE = "done"
    RENEWAL_DUE = "renewal_due"

    @property
    def label(self) -> str:
        return {
            Standing.OPEN: _("Open"),
            Standing.DUE_SOON: _("Due soon"),
            Standing.OVERDUE: _("Overdue"),
            Standing.DONE: _("Done"),
            Standing.RENEWAL_DUE: _("Renewal due"),
        }[self]


def standing(status: ObligationStatus, today: date, version: int | None = None) -> Standing:
    """open, due soon, overdue, done or renewal due, from the dates of a status row; with the
    obligation's current `version`, an acknowledgement of an older one is "renewal due"."""
    soon = today + timedelta(days=settings.SENSI_COMPLIANCE_DUE_SOON_DAYS)
    if status.current_until and status.current_until >= today:
        outdated = version is not None and (status.acknowledged_version or 0) < version
        return Standing.RENEWAL_DUE if outdated or status.due_on <= soon else Standing.DONE
    if status.due_on < today:
        return Standing.OVERDUE
    return Standing.DUE_SOON if status.due_on <= soon else Standing.OPEN


def module_done_for(*, employee: Employee, obligation: Obligation) -> bool:
    """Whether the employee may acknowledge: module completed (which includes its quiz), or
    every lesson read where the obligation does not require the quiz."""
    module = obligation.module
    if obligation.requires_quiz:
        return ModuleProgress.objects.filter(
            user=employee.user, module_key=module.translation_key, completed_at__isnull=False
        ).exists()
    lessons, _quiz = module_steps(module)
    read = (
        employee.user.lessons_read.qualified()
        .filter(lesson_key__in=[lesson.translation_key for lesson in lessons])
        .count()
    )
    return read >= len(lessons)


@dataclass(frozen=True)
class MyObligation:
    status: ObligationStatus
    standing: Standing
    version: ObligationVersion
    module_done: bool
    last_entry: LedgerEntry | None

    @property
    def obligation(self) -> Obligation:
        return self.status.obligation

    @property
    def due_on(self) -> date | None:
        """The deadline to show; none once an acknowledgement never runs out."""
        return None if self.status.due_on == date.max else self.status.due_on

    @property
    def needs_confirmation(self) -> bool:
        return self.standing != Standing.DONE


def obligations_for(employee: Employee) -> list[MyObligation]:
    """The employee's active obligations with their standing, current version and the latest
    ledger entry (for the PDF confirmation)."""
    today = timezone.localdate()
    statuses = list(
        ObligationStatus.objects.filter(employee=employee, obligation__active=True)
        .select_related("obligation__module")
        .order_by("due_on")
    )
    obligation_ids = [s.obligation_id for s in statuses]
    versions = {}
    for version in ObligationVersion.objects.filter(obligation_id__in=obligation_ids).order_by(
        "number"
    ):
        versions[version.obligation_id] = version  # the highest number wins
    last_entries = {}
    for entry in (
        LedgerEntry.objects.filter(
            employee=employee, obligation_version__obligation_id__in=obligation_ids
        )
        .select_related("obligation_version")
        .order_by("seq")
    ):
        last_entries[entry.obligation_version.obligation_id] = entry
    return [
        MyObligation(
            status=status,
            standing=standing(status, today, versions[status.obligation_id].number),
            version=versions[status.obligation_id],
            module_done=module_done_for(employee=employee, obligation=status.obligation),
            last_entry=last_entries.get(status.obligation_id),
        )
        for status in statuses
    ]


def employee_for(user) -> Employee | None:
    return Employee.objects.filter(user=user, active=True).select_related("ressort").first()
