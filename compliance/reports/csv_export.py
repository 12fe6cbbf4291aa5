"""CSV exports: the figures of every Ressort and Dienststelle, and the named list of overdue
acknowledgements. Both are produced line by line, for a StreamingHttpResponse or a file.

The header uses stable English column keys, so that scripts reading the file do not depend
on the interface language. Withheld figures are empty cells, with the reason in `withheld`.
"""

import csv
from collections.abc import Iterable, Iterator

from .figures import Group, Kind
from .selectors import Selection, label_offices, org_figures

FIGURE_HEADER = [
    "level",
    "ressort_code",
    "ressort_name",
    "dienststelle_code",
    "dienststelle_name",
    "depth",
    "employees",
    "current",
    "share_current_percent",
    "overdue_employees",
    "overdue_acknowledgements",
    "withheld",
]
OVERDUE_HEADER = [
    "last_name",
    "first_name",
    "personnel_number",
    "ressort_code",
    "dienststelle_code",
    "dienststelle_name",
    "obligation",
    "due_on",
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 2000


def safe(value) -> str:
    """A cell that spreadsheet programs do not run as a formula (OWASP "CSV injection")."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _figures(group: Group) -> list:
    shown = group.shown
    if shown is None:
        return ["", "", "", "", "", str(group.withheld)]
    percent = "" if shown.percent is None else f"{shown.percent:.1f}"
    return [
        shown.employees,
        shown.current,
        percent,
        shown.overdue_employees,
        shown.overdue,
        "",
    ]


def figure_rows(selection: Selection) -> Iterator[list]:
    """Header, the whole scope, then each Ressort followed by its Dienststellen in tree order
    (each with its subtree) and the employees placed directly in each."""
    yield FIGURE_HEADER
    org = org_figures(selection, by_office=True)
    groups = list(org.root.walk())
    label_offices(org, groups)
    yield ["total", "", "", "", "", 0, *_figures(org.root)]
    for ressort_group in org.ressort_groups():
        ressort = org.ressorts[ressort_group.ressort_id]
        for group in ressort_group.walk():
            office = org.offices.get(group.path)
            yield [
                "ressort" if group.kind == Kind.RESSORT else str(group.kind),
                safe(ressort.code),
                safe(ressort.name),
                safe(office.code) if office else "",
                safe(office.name) if office else "",
                group.depth,
                *_figures(group),
            ]


def overdue_rows(rows) -> Iterator[list]:
    """Header and one line per overdue acknowledgement, read from the database in chunks."""
    yield OVERDUE_HEADER
    for row in rows.iterator(chunk_size=CHUNK):
        yield [
            safe(row["employee__user__last_name"]),
            safe(row["employee__user__first_name"]),
            safe(row["employee__personnel_number"]),
            safe(row["employee__ressort__code"]),
            safe(row["employee__dienststelle__code"]),
            safe(row["employee__dienststelle__name"]),
            safe(row["obligation__title"]),
            row["due_on"].isoformat(),
        ]


class _Echo:
    """A file-like object that hands back what the csv writer writes."""

    def write(self, value: str) -> str:
        return value


def lines(rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    for row in rows:
        yield writer.writerow(row)


def figure_lines(selection: Selection) -> Iterator[str]:
    return lines(figure_rows(selection))


def overdue_lines(rows) -> Iterator[str]:
    return lines(overdue_rows(rows))


def write(rows: Iterable[list], file) -> int:
    """Write rows to an open text file as they come; returns the number of data lines."""
    writer = csv.writer(file)
    written = 0
    for row in rows:
        writer.writerow(row)
        written += 1
    return max(written - 1, 0)  # without the header
