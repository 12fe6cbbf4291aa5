"""The tables behind the spreadsheet exports, as typed values: the figures of every Ressort and
Dienststelle, and the named list of overdue acknowledgements.

`csv_export` and `xlsx_export` only format these rows: numbers stay numbers, a share is a
fraction 0..1, a deadline is a `date`, and every column has a stable English key (for the
machine-readable CSV) and a translated label (for people).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .figures import Group, Kind
from .selectors import Evidence, Selection, label_offices, org_figures

CHUNK = 2000


class Type(StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    SHARE = "share"  # a fraction 0..1, shown as a percentage
    DATE = "date"


@dataclass(frozen=True)
class Column:
    key: str  # stable, English: the machine-readable CSV's header
    label: str  # translated: the header for people
    type: Type = Type.TEXT
    width: int = 12  # characters, for the XLSX


FIGURE_COLUMNS = (
    Column("level", pgettext_lazy("spreadsheet column", "Level"), width=16),
    Column("ressort_code", pgettext_lazy("spreadsheet column", "Ressort (code)")),
    Column("ressort_name", pgettext_lazy("spreadsheet column", "Ressort"), width=32),
    Column("dienststelle_code", pgettext_lazy("spreadsheet column", "Dienststelle (code)")),
    Column("dienststelle_name", pgettext_lazy("spreadsheet column", "Dienststelle"), width=32),
    Column("depth", pgettext_lazy("spreadsheet column", "Depth"), Type.INTEGER, width=8),
    Column("employees", pgettext_lazy("spreadsheet column", "Employees"), Type.INTEGER),
    Column(
        "current",
        pgettext_lazy("spreadsheet column", "All acknowledgements current"),
        Type.INTEGER,
        width=16,
    ),
    Column(
        "share_current_percent",
        pgettext_lazy("spreadsheet column", "Share current (%)"),
        Type.SHARE,
        width=14,
    ),
    Column(
        "overdue_employees",
        pgettext_lazy("spreadsheet column", "Employees with overdue acknowledgements"),
        Type.INTEGER,
        width=18,
    ),
    Column(
        "overdue_acknowledgements",
        pgettext_lazy("spreadsheet column", "Overdue acknowledgements"),
        Type.INTEGER,
        width=16,
    ),
    Column(
        "attended_acknowledgements",
        pgettext_lazy("spreadsheet column", "Current acknowledgements by attending a session"),
        Type.INTEGER,
        width=18,
    ),
    Column("withheld", pgettext_lazy("spreadsheet column", "Withheld"), width=40),
)
OVERDUE_COLUMNS = (
    Column("last_name", pgettext_lazy("spreadsheet column", "Last name"), width=20),
    Column("first_name", pgettext_lazy("spreadsheet column", "First name"), width=20),
    Column("personnel_number", pgettext_lazy("spreadsheet column", "Personnel number"), width=16),
    Column("ressort_code", pgettext_lazy("spreadsheet column", "Ressort (code)")),
    Column("dienststelle_code", pgettext_lazy("spreadsheet column", "Dienststelle (code)")),
    Column("dienststelle_name", pgettext_lazy("spreadsheet column", "Dienststelle"), width=32),
    Column("obligation", pgettext_lazy("spreadsheet column", "Obligation"), width=32),
    Column("due_on", pgettext_lazy("spreadsheet column", "Due since"), Type.DATE),
    Column("last_evidence", pgettext_lazy("spreadsheet column", "Last evidence"), width=22),
)

KIND_LABELS = {
    Kind.TOTAL: _("Total"),
    Kind.RESSORT: _("Ressort"),
    Kind.OFFICE: _("Dienststelle"),
    Kind.DIRECT: _("Placed directly"),
}


@dataclass(frozen=True)
class Sheet:
    """A table to export: its columns, a name for the file and the XLSX tab, and its rows.

    `rows` is a generator: the database is read only while the file is written.
    """

    name: str
    title: str
    columns: tuple[Column, ...]
    rows: Iterator[list]


def _figures(group: Group) -> list:
    shown = group.shown
    if shown is None:
        return [None, None, None, None, None, None, group.withheld]
    return [
        shown.employees,
        shown.current,
        shown.share,
        shown.overdue_employees,
        shown.overdue,
        shown.attended,
        None,
    ]


def figure_records(selection: Selection) -> Iterator[list]:
    """The whole scope, then each Ressort followed by its Dienststellen in tree order (each
    with its subtree) and the employees placed directly in each.

    The level is a `Kind` and a withheld figure's reason a `Withheld`: each format says them
    in its own words."""
    org = org_figures(selection, by_office=True)
    groups = list(org.root.walk())
    label_offices(org, groups)
    yield [Kind.TOTAL, None, None, None, None, 0, *_figures(org.root)]
    for ressort_group in org.ressort_groups():
        ressort = org.ressorts[ressort_group.ressort_id]
        for group in ressort_group.walk():
            office = org.offices.get(group.path)
            yield [
                Kind(group.kind),
                ressort.code,
                ressort.name,
                office.code if office else None,
                office.name if office else None,
                group.depth,
                *_figures(group),
            ]


def overdue_records(rows) -> Iterator[list]:
    """One line per overdue acknowledgement, read from the database in chunks."""
    for row in rows.iterator(chunk_size=CHUNK):
        yield [
            row["employee__user__last_name"],
            row["employee__user__first_name"],
            row["employee__personnel_number"],
            row["employee__ressort__code"],
            row["employee__dienststelle__code"],
            row["employee__dienststelle__name"],
            row["obligation__title"],
            row["due_on"],
            Evidence.of(row["acknowledged_via"]),
        ]


def figure_sheet(selection: Selection) -> Sheet:
    return Sheet(
        "sensi-compliance",
        str(pgettext_lazy("spreadsheet tab", "Figures")),
        FIGURE_COLUMNS,
        figure_records(selection),
    )


def overdue_sheet(rows) -> Sheet:
    return Sheet(
        "sensi-overdue",
        str(pgettext_lazy("spreadsheet tab", "Overdue")),
        OVERDUE_COLUMNS,
        overdue_records(rows),
    )
