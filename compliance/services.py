"""Writes of the compliance module: obligations and their versions, the ledger, statuses."""

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.models import Locale

from courses.models import ModulePage
from courses.services import clear_change_marks

from . import selectors
from .dates import FOREVER, add_months
from .learning_records import record_acknowledgement
from .ledger import chain
from .models import (
    Dienststelle,
    Employee,
    LedgerEntry,
    Obligation,
    ObligationStatus,
    ObligationVersion,
    Ressort,
)
from .models.obligations import text_hash
from .standing import Standing, standing

STATUS_BATCH = 5000


class AcknowledgementRefused(Exception):
    """The employee may not (yet) confirm this obligation; the message says why."""


# --- audience and statuses -------------------------------------------------------------------


@transaction.atomic
def sync_statuses(obligation: Obligation) -> int:
    """Give every employee of the audience a status row for the obligation (idempotent).
    Returns how many were created."""
    version = selectors.current_version(obligation)
    missing = (
        selectors.audience(obligation)
        .exclude(obligation_statuses__obligation=obligation)
        .values_list("pk", "entry_date")
    )
    created = 0
    batch = []
    for employee_id, entry_date in missing.iterator(chunk_size=STATUS_BATCH):
        batch.append(
            ObligationStatus(
                employee_id=employee_id,
                obligation=obligation,
                due_on=selectors.initial_due_date(obligation, version, entry_date),
            )
        )
        if len(batch) >= STATUS_BATCH:
            created += len(ObligationStatus.objects.bulk_create(batch))
            batch = []
    created += len(ObligationStatus.objects.bulk_create(batch))
    return created


def _add_version(
    obligation: Obligation,
    *,
    number: int,
    due_date: date,
    change_note_de: str = "",
    change_note_en: str = "",
) -> ObligationVersion:
    """The one place a version is made: the obligation's texts and its module's version
    label as they are now, valid from now."""
    return ObligationVersion.objects.create(
        obligation=obligation,
        number=number,
        module_version_label=obligation.module.version_label,
        text_de=obligation.text_de,
        text_en=obligation.text_en,
        change_note_de=change_note_de,
        change_note_en=change_note_en,
        valid_from=timezone.now(),
        due_date=due_date,
    )


@transaction.atomic
def create_obligation(
    *,
    title: str,
    module: ModulePage,
    text_de: str,
    text_en: str,
    due_date: date,
    everyone: bool = True,
    ressorts: Iterable[Ressort] = (),
    dienststellen: Iterable[Dienststelle] = (),
    days_after_entry: int = 30,
    recurrence_months: int | None = None,
    grace_days: int = 30,
    requires_quiz: bool = True,
    active: bool = True,
) -> Obligation:
    """A new obligation with its first version and a status for everyone it applies to
    (the defaults are the model's)."""
    obligation = Obligation.objects.create(
        title=title,
        module=module,
        text_de=text_de,
        text_en=text_en,
        due_date=due_date,
        everyone=everyone,
        days_after_entry=days_after_entry,
        recurrence_months=recurrence_months,
        grace_days=grace_days,
        requires_quiz=requires_quiz,
        active=active,
    )
    obligation.ressorts.set(ressorts)
    obligation.dienststellen.set(dienststellen)
    _add_version(obligation, number=1, due_date=obligation.due_date)
    sync_statuses(obligation)
    return obligation


def notes_in_both_languages(message: str) -> dict[str, str]:
    """A change note the application writes itself (a gettext source string), stored in
    German and English whatever the language of the person who caused it."""
    notes = {}
    for language in ("de", "en"):
        with translation.override(language):
            notes[f"change_note_{language}"] = _(message)
    return notes


@transaction.atomic
def issue_new_version(
    *, obligation: Obligation, change_note_de: str, change_note_en: str = ""
) -> ObligationVersion:
    """Everyone must acknowledge again within the grace period; acknowledgements of older
    versions count until then.

    Deadlines (docs/compliance-reports.md, "Versions and deadlines"): whoever acknowledged
    the version so far has until the end of the grace period, or their earlier deadline.
    Whoever never acknowledged it keeps the deadline they have, earlier or later: the new
    version neither pulls it forward nor gives them more time.
    """
    if not change_note_de.strip():
        raise ValueError("A new version needs a German change note.")
    previous = selectors.current_version(obligation)
    due = timezone.localdate() + timedelta(days=obligation.grace_days)
    version = _add_version(
        obligation,
        number=previous.number + 1,
        due_date=due,
        change_note_de=change_note_de.strip(),
        change_note_en=change_note_en.strip(),
    )
    acknowledged_previous = Q(acknowledged_version__gte=previous.number)
    ObligationStatus.objects.filter(obligation=obligation).update(
        due_on=Case(
            When(acknowledged_previous & Q(due_on__gt=due), then=Value(due)),
            default=F("due_on"),
        ),
        current_until=Case(
            When(current_until__gt=due, then=Value(due)), default=F("current_until")
        ),
    )
    return version


@transaction.atomic
def issue_versions_for_material_change(*, module: ModulePage) -> list[ObligationVersion]:
    """New versions for the obligations of a module published with a material change, once
    per new version label (publishing the same version again asks nobody twice).

    Only the source page (the default locale, which obligations point to) decides: a
    translation never issues a version. Its English change note is carried into the version,
    and the change marks of the module and its translations are cleared once they have
    issued one (courses.services.clear_change_marks).
    """
    if not selectors.is_source_page(module):
        return carry_translated_change_note(translation_page=module)
    versions = []
    notes = notes_in_both_languages(
        gettext_noop("The module was changed in a way that matters for this obligation.")
    )
    if module.change_note.strip():
        notes = {
            "change_note_de": module.change_note,
            "change_note_en": selectors.english_change_note(module),
        }
    for obligation in Obligation.objects.filter(module=module, active=True):
        current_label = selectors.current_version(obligation).module_version_label
        if selectors.publish_issues_version(
            module=module, is_source=True, current_label=current_label
        ):
            versions.append(issue_new_version(obligation=obligation, **notes))
    if versions:
        for page in ModulePage.objects.filter(translation_key=module.translation_key):
            clear_change_marks(module=module if page.pk == module.pk else page)
    return versions


@transaction.atomic
def carry_translated_change_note(*, translation_page: ModulePage) -> list[ObligationVersion]:
    """A translation published after its source issued a version: its English change note
    fills the version's empty English note. Returns no new versions, ever."""
    if translation_page.locale.language_code != "en" or not translation_page.change_note:
        return []
    filled = ObligationVersion.objects.filter(
        obligation__module__translation_key=translation_page.translation_key,
        obligation__module__locale=Locale.get_default(),
        obligation__active=True,
        number__gt=1,
        change_note_en="",
        module_version_label=F("obligation__module__version_label"),
    ).update(change_note_en=translation_page.change_note.strip())
    if filled:
        clear_change_marks(module=translation_page)
    return []


# --- the ledger ------------------------------------------------------------------------------


def _mark_acknowledged(entry: LedgerEntry) -> None:
    version = entry.obligation_version
    obligation = version.obligation
    if version.number != selectors.current_version(obligation).number:
        return  # a late correction for an older version does not change today's status
    day = timezone.localdate(entry.confirmed_at)
    until = (
        add_months(day, obligation.recurrence_months) if obligation.recurrence_months else FOREVER
    )
    ObligationStatus.objects.update_or_create(
        employee=entry.employee,
        obligation=obligation,
        defaults={
            "acknowledged_version": version.number,
            "acknowledged_at": entry.confirmed_at,
            "acknowledged_via": entry.kind,
            "current_until": until,
            "due_on": until,
        },
    )


@transaction.atomic
def confirm_acknowledgement(
    *, employee: Employee, obligation: Obligation, language: str, shown_text_hash: str
) -> tuple[LedgerEntry, bool]:
    """The employee confirms the text of the obligation's current version.

    Returns the ledger entry and whether it is new: confirming twice returns the first
    entry. Raises AcknowledgementRefused when the employee does not have this obligation,
    has not completed the module, or was shown another text than the current one.
    """
    status = (
        ObligationStatus.objects.select_for_update()
        .filter(employee=employee, obligation=obligation, obligation__active=True)
        .first()
    )
    if status is None or not employee.active:
        raise AcknowledgementRefused(_("You do not have this obligation."))
    version = selectors.current_version(obligation)
    today = timezone.localdate()
    if standing(status, today, version.number) == Standing.DONE:
        existing = (
            LedgerEntry.objects.filter(employee=employee, obligation_version=version)
            .order_by("-seq")
            .first()
        )
        return existing, False
    if not selectors.module_done_for(employee=employee, obligation=obligation):
        raise AcknowledgementRefused(_("Complete the module first."))
    if shown_text_hash != text_hash(version.text_for(language)):
        raise AcknowledgementRefused(_("The text has changed. Please read it again."))
    entry = chain.append(
        kind=LedgerEntry.Kind.CONFIRMATION,
        employee=employee,
        obligation_version=version,
        language=language,
        text_hash=shown_text_hash,
        confirmed_at=timezone.now(),
    )
    _mark_acknowledged(entry)
    record_acknowledgement(entry=entry)
    return entry, True


@transaction.atomic
def satisfy_by_attendance(
    *, user, module: ModulePage, attended_at: datetime, recorded_by, session_label: str
) -> list[LedgerEntry]:
    """The employee attended a session of `module` (recorded by its trainer): each of their
    active obligations for the module that does not count yet is satisfied by a ledger entry
    of kind "attendance" for its current version, in the caller's transaction.

    The entry carries the fingerprint of the current German text (what the session covered
    in place of reading and confirming it), the trainer as `recorded_by` and the session as
    its reason. Obligations that already count are left alone. Returns the new entries.
    """
    employee = Employee.objects.filter(user=user, active=True).first()
    if employee is None:
        return []
    statuses = ObligationStatus.objects.select_for_update().filter(
        employee=employee,
        obligation__active=True,
        obligation__module__translation_key=module.translation_key,
    )
    today = timezone.localdate()
    entries = []
    for status in statuses.select_related("obligation"):
        version = selectors.current_version(status.obligation)
        if standing(status, today, version.number) == Standing.DONE:
            continue
        entry = chain.append(
            kind=LedgerEntry.Kind.ATTENDANCE,
            employee=employee,
            obligation_version=version,
            language="de",
            text_hash=text_hash(version.text_for("de")),
            confirmed_at=attended_at,
            recorded_by=recorded_by,
            reason=session_label,
        )
        _mark_acknowledged(entry)
        entries.append(entry)
    return entries


@transaction.atomic
def record_correction(
    *,
    employee: Employee,
    version: ObligationVersion,
    confirmed_at: datetime,
    language: str,
    reason: str,
    recorded_by: AbstractBaseUser,
) -> LedgerEntry:
    """An acknowledgement given outside Sensi (e.g. on paper), entered by an administrator."""
    if not reason.strip():
        raise AcknowledgementRefused(_("A correction needs a reason."))
    entry = chain.append(
        kind=LedgerEntry.Kind.CORRECTION,
        employee=employee,
        obligation_version=version,
        language=language,
        text_hash=text_hash(version.text_for(language)),
        confirmed_at=confirmed_at,
        recorded_by=recorded_by,
        reason=reason.strip(),
    )
    _mark_acknowledged(entry)
    return entry


@transaction.atomic
def obligation_edited(*, obligation: Obligation, text_changed: bool) -> None:
    """After an administrator edited an obligation: a changed text must be acknowledged
    again (a new version); a wider audience gets its status rows."""
    if text_changed:
        issue_new_version(
            obligation=obligation,
            **notes_in_both_languages(gettext_noop("The text to be acknowledged was changed.")),
        )
    sync_statuses(obligation)
