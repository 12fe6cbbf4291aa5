"""Reads behind the compliance reports.

Every figure is an SQL aggregate over the status rows (one per employee and obligation,
kept in step with the ledger in the same transaction) or over the ledger itself. Python only
adds up the aggregated rows of Dienststellen and months, never rows of employees.
"""

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from django.db import connections
from django.db.models import (
    Case,
    IntegerField,
    Max,
    Min,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from compliance import app_settings

from ..models import Dienststelle, LedgerEntry, Obligation, ObligationStatus, Ressort
from ..standing import Standing, condition, current, not_current
from .access import OpenedReport
from .figures import STEPLEN, Figures, Group, Kind, build_tree, suppress
from .scopes import Scope


def minimum_group_size() -> int:
    return max(1, app_settings.SENSI_COMPLIANCE_MIN_GROUP_SIZE)


# --- what a report covers --------------------------------------------------------------------


@dataclass(frozen=True)
class ObligationRef:
    pk: int
    title: str
    topic: str
    recurrence_months: int | None
    in_force_since: date  # the day version 1 became valid


def available_obligations(scope: Scope) -> list[ObligationRef]:
    """The active obligations whose topic the scope covers (one query)."""
    rows = (
        Obligation.objects.filter(active=True, module__topic__in=sorted(scope.topics))
        .annotate(since=Min("versions__valid_from"))
        .values_list("pk", "title", "module__topic", "recurrence_months", "since")
        .order_by("title", "pk")
    )
    return [
        ObligationRef(pk, title, topic, months, timezone.localdate(since) if since else date.max)
        for pk, title, topic, months, since in rows
    ]


@dataclass(frozen=True)
class Selection:
    """An opened report, narrowed to some obligations; made by `select` only."""

    opened: OpenedReport
    obligations: tuple[ObligationRef, ...]
    today: date
    topic: str = ""
    obligation: ObligationRef | None = None
    minimum: int = field(default_factory=minimum_group_size)

    @property
    def scope(self) -> Scope:
        return self.opened.scope

    @property
    def topics(self) -> dict[int, str]:
        return {o.pk: o.topic for o in self.obligations}

    def status_rows(self, *, names: bool = False) -> QuerySet[ObligationStatus]:
        """Status rows of active employees that the scope covers for these obligations."""
        return ObligationStatus.objects.filter(
            self.scope.row_filter(self.topics, names=names), employee__active=True
        )

    def ledger_entries(self) -> QuerySet[LedgerEntry]:
        return LedgerEntry.objects.filter(
            self.scope.row_filter(
                self.topics, obligation_field="obligation_version__obligation_id"
            ),
            employee__active=True,
        )


def select(
    opened: OpenedReport,
    available: list[ObligationRef],
    *,
    topic: str = "",
    obligation: ObligationRef | None = None,
    today: date | None = None,
) -> Selection:
    chosen = [
        o
        for o in available
        if (not topic or o.topic == topic) and (obligation is None or o.pk == obligation.pk)
    ]
    return Selection(
        opened=opened,
        obligations=tuple(chosen),
        today=today or timezone.localdate(),
        topic=topic,
        obligation=obligation,
    )


# --- figures per Ressort and Dienststelle ----------------------------------------------------


def _flag(condition: Q) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def overdue_condition(today: date) -> Q:
    return condition(Standing.OVERDUE, today=today)


def attended_condition(today: date) -> Q:
    """The acknowledgement counts today and attending a session discharged it."""
    return current(today) & Q(acknowledged_via=LedgerEntry.Kind.ATTENDANCE)


def regroup(per_employee: QuerySet, *, keys: list[str], sums: list[str]) -> list[tuple]:
    """Aggregate a queryset that is grouped per employee once more: (*keys, COUNT, *SUMs)
    per combination of `keys`.

    Folding each employee's rows first and counting the folded rows is how "all of this
    person's acknowledgements are current" becomes a count without COUNT(DISTINCT), and it
    lets the database read the status rows in the order of their (employee, obligation)
    index. Django cannot aggregate over a grouped queryset, so the outer level is plain SQL
    around the SQL that Django compiles for the inner one.
    """
    connection = connections[per_employee.db]
    inner, params = per_employee.query.sql_with_params()
    q = connection.ops.quote_name
    key_sql = ", ".join(f"e.{q(key)}" for key in keys)
    sum_sql = "".join(f", SUM(e.{q(name)})" for name in sums)
    sql = f"SELECT {key_sql}, COUNT(*){sum_sql} FROM ({inner}) e GROUP BY {key_sql}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# Each employee's worst standing over the selected obligations, as a rank: the employee is
# counted as current (all current), open, due soon or overdue by the highest rank.
CURRENT, OPEN, DUE_SOON, OVERDUE = range(4)


def _worst(today: date) -> Case:
    return Case(
        When(overdue_condition(today), then=Value(OVERDUE)),
        When(condition(Standing.DUE_SOON, today=today), then=Value(DUE_SOON)),
        When(not_current(today), then=Value(OPEN)),
        default=Value(CURRENT),
        output_field=IntegerField(),
    )


def figure_rows(selection: Selection, *, by_office: bool) -> list[tuple[int, int | None, Figures]]:
    """(ressort id, Dienststelle id or None, figures) in one query (see `regroup`); a
    Dienststelle may come in several rows (one per worst standing), which add up."""
    if not selection.obligations:
        return []
    today = selection.today
    overdue = overdue_condition(today)
    office = (
        Max("employee__dienststelle_id") if by_office else Value(None, output_field=IntegerField())
    )
    per_employee = (
        selection.status_rows()
        .values("employee_id")
        .annotate(
            r_key=Max("employee__ressort_id"),
            o_key=office,
            worst=Max(_worst(today)),
            overdue_rows=Sum(_flag(overdue)),
            attended_rows=Sum(_flag(attended_condition(today))),
        )
        .order_by()
    )
    rows = regroup(
        per_employee,
        keys=["r_key", "o_key", "worst"],
        sums=["overdue_rows", "attended_rows"],
    )
    return [
        (
            ressort,
            office,
            Figures(
                employees=n,
                current=n if worst == CURRENT else 0,
                overdue_employees=n if worst == OVERDUE else 0,
                overdue=int(odn),
                due_soon_employees=n if worst == DUE_SOON else 0,
                attended=int(attn),
            ),
        )
        for ressort, office, worst, n, odn, attn in rows
    ]


@dataclass
class OrgFigures:
    """The report's tree with suppression applied, plus the names to label it."""

    root: Group
    ressorts: dict[int, Ressort]
    offices: dict[str, "OfficeLabel"] = field(default_factory=dict)

    def ressort_groups(self) -> list[Group]:
        return sorted(self.root.parts, key=lambda g: self.ressorts[g.ressort_id].code)

    def find(self, ressort_id: int, path: str = "") -> Group | None:
        for group in self.root.parts:
            if group.ressort_id == ressort_id:
                break
        else:
            return None
        while path and group.path != path:
            group = next(
                (p for p in group.parts if p.kind == Kind.OFFICE and path.startswith(p.path)),
                None,
            )
            if group is None:
                return None
        return group


@dataclass(frozen=True)
class OfficeLabel:
    pk: int
    code: str
    name: str
    path: str


def org_figures(selection: Selection, *, by_office: bool = False) -> OrgFigures:
    """Figures per Ressort (and Dienststelle), suppression decided over the whole tree.

    Three queries whatever the size of the organisation: the aggregate, the Ressorts, and
    (by office) the paths of the Dienststellen.
    """
    rows = figure_rows(selection, by_office=by_office)
    paths = {}
    if by_office:
        office_ids = {office for _r, office, _f in rows}
        paths = dict(
            Dienststelle.objects.filter(pk__in=office_ids).values_list("pk", "path").iterator()
        )
    root = suppress(build_tree(rows, paths=paths), selection.minimum)
    ressorts = Ressort.objects.in_bulk({r for r, _o, _f in rows})
    return OrgFigures(root=root, ressorts=ressorts)


LABEL_BATCH = 500


def label_offices(figures: OrgFigures, groups: list[Group]) -> None:
    """Fetch code and name of the Dienststellen of these groups and of their ancestors
    (one query per 500 Dienststellen)."""
    wanted = set()
    for group in groups:
        wanted.update(group.path[:end] for end in range(STEPLEN, len(group.path) + 1, STEPLEN))
    wanted = sorted(wanted - figures.offices.keys())
    for start in range(0, len(wanted), LABEL_BATCH):
        batch = wanted[start : start + LABEL_BATCH]
        for pk, code, name, path in Dienststelle.objects.filter(path__in=batch).values_list(
            "pk", "code", "name", "path"
        ):
            figures.offices[path] = OfficeLabel(pk, code, name, path)


# --- named lists -----------------------------------------------------------------------------

OVERDUE_FIELDS = (
    "employee__user__last_name",
    "employee__user__first_name",
    "employee__personnel_number",
    "employee__ressort__code",
    "employee__dienststelle__code",
    "employee__dienststelle__name",
    "obligation__title",
    "due_on",
    "acknowledged_via",
)


class Evidence(StrEnum):
    """How an employee's latest acknowledgement of an obligation was made, as the named lists
    say it: by the employee's own (or an administrator's recorded) acknowledgement, or by
    attending a session. In the overdue list it is the acknowledgement that has run out."""

    ACKNOWLEDGEMENT = "acknowledgement"
    ATTENDANCE = "attendance"

    @classmethod
    def of(cls, acknowledged_via: str) -> "Evidence | None":
        """From `ObligationStatus.acknowledged_via`; None when nothing was acknowledged."""
        if acknowledged_via == LedgerEntry.Kind.ATTENDANCE:
            return cls.ATTENDANCE
        if acknowledged_via in (LedgerEntry.Kind.CONFIRMATION, LedgerEntry.Kind.CORRECTION):
            return cls.ACKNOWLEDGEMENT
        return None

    @property
    def label(self) -> str:
        return {
            Evidence.ACKNOWLEDGEMENT: _("Acknowledgement"),
            Evidence.ATTENDANCE: _("Attendance at a session"),
        }[self]


def overdue_people(
    selection: Selection, *, ressort_id: int | None = None, path: str = ""
) -> QuerySet:
    """Overdue acknowledgements with the person's name, only where the scope grants names.

    Names, personnel number, Dienststelle, obligation, deadline and how the latest (run out)
    acknowledgement was made (`Evidence`): no e-mail address, no quiz result, no ledger
    detail.
    """
    if not selection.obligations:
        return ObligationStatus.objects.none().values(*OVERDUE_FIELDS)
    rows = selection.status_rows(names=True).filter(overdue_condition(selection.today))
    if ressort_id is not None:
        rows = rows.filter(employee__ressort_id=ressort_id)
    if path:
        rows = rows.filter(employee__dienststelle__path__startswith=path)
    return rows.order_by(
        "employee__ressort__code",
        "employee__dienststelle__path",
        "employee__personnel_number",
        "obligation__title",
    ).values(*OVERDUE_FIELDS)
