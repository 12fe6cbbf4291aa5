"""CSV exports of the tables in `sheets`, in two variants, produced line by line for a
StreamingHttpResponse or a file.

- `EXCEL` ("CSV für Excel", the default on the site) opens in German Excel by double-click:
  UTF-8 with a byte order mark (else Excel reads Windows-1252), `;` between cells (German
  Excel expects it, as the comma is the decimal sign), decimal comma, dates dd.mm.yyyy and
  times HH:MM in Europe/Berlin, column names and levels in the reader's language.
- `MACHINE` ("CSV (maschinenlesbar)", and the command's format): plain UTF-8 without a BOM,
  `,`, stable English column keys and values, ISO 8601 dates, a decimal point, so that
  scripts do not depend on the interface language.

Withheld figures are empty cells, with the reason in the last column. Text cells that a
spreadsheet would run as a formula get a leading `'` (OWASP "CSV injection").
"""

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone, translation

from .figures import Kind, Withheld
from .selectors import Evidence
from .sheets import FIGURE_COLUMNS, KIND_LABELS, OVERDUE_COLUMNS, Column, Sheet, Type
from .sheets import figure_records as _figure_records

FIGURE_HEADER = [column.key for column in FIGURE_COLUMNS]
OVERDUE_HEADER = [column.key for column in OVERDUE_COLUMNS]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


@dataclass(frozen=True)
class Variant:
    key: str  # the value of `?format=`
    delimiter: str
    for_people: bool  # translated header and values, German numbers and dates, a BOM


EXCEL = Variant("csv", ";", for_people=True)
MACHINE = Variant("csv-machine", ",", for_people=False)
VARIANTS = {variant.key: variant for variant in (EXCEL, MACHINE)}


def safe(value) -> str:
    """A cell that spreadsheet programs do not run as a formula (OWASP "CSV injection")."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _machine_cell(value, column: Column) -> str:
    if value is None:
        return ""
    if column.type == Type.SHARE:
        return f"{round(value * 100, 1):.1f}"
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Kind | Withheld | Evidence):
        return value.value
    return str(value) if column.type == Type.INTEGER else safe(value)


def _people_cell(value, column: Column) -> str:
    """German Excel's way: decimal comma, dd.mm.yyyy and HH:MM in Europe/Berlin."""
    if value is None:
        return ""
    if column.type == Type.SHARE:
        return f"{round(value * 100, 1):.1f}".replace(".", ",")
    if isinstance(value, datetime):
        return f"{timezone.localtime(value):%d.%m.%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, Kind):
        return str(KIND_LABELS[value])
    if isinstance(value, Withheld | Evidence):
        return str(value.label)
    return str(value) if column.type == Type.INTEGER else safe(value)


def formatted_rows(sheet: Sheet, variant: Variant) -> Iterator[list[str]]:
    """The header and the rows of a sheet as the variant writes them."""
    cell = _people_cell if variant.for_people else _machine_cell
    if variant.for_people:
        yield [safe(column.label) for column in sheet.columns]
    else:
        yield [column.key for column in sheet.columns]
    for record in sheet.rows:
        yield [cell(value, column) for value, column in zip(record, sheet.columns, strict=True)]


class _Echo:
    """A file-like object that hands back what the csv writer writes."""

    def write(self, value: str) -> str:
        return value


def lines(sheet: Sheet, variant: Variant, *, language: str) -> Iterator[str]:
    """The file line by line; translated in `language`, as the stream is read after the view
    has returned."""
    writer = csv.writer(_Echo(), delimiter=variant.delimiter)
    with translation.override(language):
        prefix = BOM if variant.for_people else ""
        for row in formatted_rows(sheet, variant):
            yield prefix + writer.writerow(row)
            prefix = ""


def figure_rows(selection) -> Iterator[list[str]]:
    """The machine-readable figures with their header (for `manage.py compliance_report`)."""
    sheet = Sheet("sensi-compliance", "", FIGURE_COLUMNS, _figure_records(selection))
    return formatted_rows(sheet, MACHINE)


def write(rows: Iterable[list], file) -> int:
    """Write rows to an open text file as they come; returns the number of data lines."""
    writer = csv.writer(file)
    written = 0
    for row in rows:
        writer.writerow(row)
        written += 1
    return max(written - 1, 0)  # without the header
