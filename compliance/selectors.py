"""Reads of the compliance module that the employee's own pages and the module editor need."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import BooleanField, Case, Count, Exists, OuterRef, Q, Subquery, When
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThanOrEqual
from django.utils import timezone
from wagtail.models import Locale

from content import site_cache
from courses.models import LessonPage, LessonRead, ModulePage, ModuleProgress
from courses.selectors import count_subquery, module_steps

from .models import Employee, LedgerEntry, Obligation, ObligationStatus, ObligationVersion
from .standing import Standing, standing

# --- audience and deadlines ------------------------------------------------------------------


def audience(obligation: Obligation):
    """Active employees the obligation applies to (a chosen Dienststelle includes its subtree)."""
    employees = Employee.objects.filter(active=True)
    if obligation.everyone:
        return employees
    condition = Q(ressort__in=obligation.ressorts.all())
    for path in obligation.dienststellen.values_list("path", flat=True):
        condition |= Q(dienststelle__path__startswith=path)
    return employees.filter(condition)


def initial_due_date(obligation: Obligation, version: ObligationVersion, entry_date: date) -> date:
    """Staff present at the deadline have the version's due date; later joiners get their
    days after entry."""
    joined_deadline = entry_date + timedelta(days=obligation.days_after_entry)
    return max(version.due_date, joined_deadline)


def current_version(obligation: Obligation) -> ObligationVersion:
    """The obligation's newest version, the one to acknowledge."""
    return obligation.versions.order_by("-number").first()


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
    # The module in the language asked for (its live translation, else the module itself).
    module_page: ModulePage | None = None

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
    ledger entry (for the PDF confirmation). Three queries, however many obligations."""
    return _my_obligations(ObligationStatus.objects.filter(employee=employee))


def obligations_of_user(user) -> list[MyObligation]:
    """`obligations_for` the active employee record of `user` (none: an empty list), without
    looking the employee up first."""
    return _my_obligations(
        ObligationStatus.objects.filter(employee__user=user, employee__active=True)
    )


def _module_done_expression():
    """`module_done_for` as an expression over ObligationStatus rows (the same rule): the
    module completed, or, where the quiz is not required, every published lesson read."""
    module = "obligation__module__"
    completed = Exists(
        ModuleProgress.objects.filter(
            user_id=OuterRef("employee__user_id"),
            module_key=OuterRef(f"{module}translation_key"),
            completed_at__isnull=False,
        )
    )
    lessons = LessonPage.objects.live().filter(
        path__startswith=OuterRef(f"{module}path"), depth=OuterRef(f"{module}depth") + 1
    )
    read = LessonRead.objects.qualified().filter(
        Exists(
            LessonPage.objects.live().filter(
                translation_key=OuterRef("lesson_key"),
                path__startswith=OuterRef(OuterRef(f"{module}path")),
                depth=OuterRef(OuterRef(f"{module}depth")) + 1,
            )
        ),
        user_id=OuterRef("employee__user_id"),
    )
    return Case(
        When(obligation__requires_quiz=True, then=completed),
        default=GreaterThanOrEqual(
            Coalesce(count_subquery(read), 0), Coalesce(count_subquery(lessons), 0)
        ),
        output_field=BooleanField(),
    )


def _my_obligations(statuses) -> list[MyObligation]:
    today = timezone.localdate()
    statuses = list(
        statuses.filter(obligation__active=True)
        .select_related("obligation__module", "employee")
        .annotate(module_done=_module_done_expression())
        .order_by("due_on")
    )
    if not statuses:
        return []
    employee = statuses[0].employee
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
    modules = _localized([status.obligation.module for status in statuses])
    return [
        MyObligation(
            status=status,
            standing=standing(status, today, versions[status.obligation_id].number),
            version=versions[status.obligation_id],
            module_done=status.module_done,
            last_entry=last_entries.get(status.obligation_id),
            module_page=modules[status.obligation.module_id],
        )
        for status in statuses
    ]


def _localized(modules: list[ModulePage]) -> dict[int, ModulePage]:
    """Wagtail's `page.localized` for many modules at once: by module id, its live
    translation in the active language, or the module itself (at most one query)."""
    locale = site_cache.active_locale()
    others = [module for module in modules if module.locale_id != locale.pk]
    translations = {}
    if others:
        translations = {
            page.translation_key: page
            for page in ModulePage.objects.live().filter(
                locale=locale, translation_key__in=[m.translation_key for m in others]
            )
        }
    return {
        module.pk: translations.get(module.translation_key, module)
        if module.locale_id != locale.pk
        else module
        for module in modules
    }


def employee_for(user) -> Employee | None:
    return Employee.objects.filter(user=user, active=True).select_related("ressort").first()


# --- what publishing a module will do --------------------------------------------------------


def english_change_note(module: ModulePage) -> str:
    """The change note of the module's English translation (empty: none)."""
    english = (
        ModulePage.objects.filter(
            translation_key=module.translation_key, locale__language_code="en"
        )
        .values_list("change_note", flat=True)
        .first()
    )
    return english or ""


def is_source_page(module: ModulePage) -> bool:
    """Obligations point to the module in the default locale; only it issues versions."""
    return module.locale_id == Locale.get_default().pk


def publish_issues_version(*, module: ModulePage, is_source: bool, current_label: str) -> bool:
    """Whether publishing `module` (`is_source`: in the default locale) issues a new version
    of an obligation whose current version is for module version `current_label` (one rule
    for the service and the editor's outlook)."""
    return is_source and module.change_is_material and module.version_label != current_label


@dataclass(frozen=True)
class VersionOutlook:
    """What publishing a module would do to one of its obligations."""

    obligation: Obligation
    current_number: int
    current_label: str
    people: int  # active employees who would have to acknowledge the new version
    issues_version: bool


def version_outlook(module: ModulePage) -> list[VersionOutlook]:
    """For each active obligation of the module (or of its source, for a translation): would
    publishing `module` as it is issue a new version, and for how many people. One query."""
    default_locale = Locale.get_default()
    is_source = module.locale_id == default_locale.pk
    latest = ObligationVersion.objects.filter(obligation=OuterRef("pk")).order_by("-number")
    obligations = (
        Obligation.objects.filter(
            module__translation_key=module.translation_key,
            module__locale=default_locale,
            active=True,
        )
        .annotate(
            current_number=Subquery(latest.values("number")[:1]),
            current_label=Subquery(latest.values("module_version_label")[:1]),
            people=Count("statuses", filter=Q(statuses__employee__active=True)),
        )
        .order_by("title", "pk")
    )
    return [
        VersionOutlook(
            obligation=obligation,
            current_number=obligation.current_number,
            current_label=obligation.current_label,
            people=obligation.people,
            issues_version=publish_issues_version(
                module=module, is_source=is_source, current_label=obligation.current_label
            ),
        )
        for obligation in obligations
    ]


def module_completed_at(*, employee: Employee, obligation: Obligation):
    """When the employee completed the obligation's module (None: not recorded, e.g. a paper
    acknowledgement, or the learning data was deleted after its retention period)."""
    return (
        ModuleProgress.objects.filter(
            user_id=employee.user_id,
            module_key=obligation.module.translation_key,
            completed_at__isnull=False,
        )
        .values_list("completed_at", flat=True)
        .first()
    )


# --- for the editors' dashboard --------------------------------------------------------------


def running_obligations():
    """Active obligations with their module and current version's number and deadline,
    soonest deadline first. One query."""
    latest = ObligationVersion.objects.filter(obligation=OuterRef("pk")).order_by("-number")
    return (
        Obligation.objects.filter(active=True)
        .select_related("module")
        .annotate(
            current_number=Subquery(latest.values("number")[:1]),
            current_due_date=Subquery(latest.values("due_date")[:1]),
        )
        .order_by("current_due_date", "title", "pk")
    )
