"""XLSX exports of the tables in `sheets` (openpyxl, the one seam for it).

A workbook in openpyxl's write-only mode: rows go to a temporary file as they come, so a
named list of hundreds of thousands of lines keeps the memory flat; the finished file is
then sent from disk. Numbers stay numbers, shares are fractions shown as percentages,
deadlines are dates shown dd.mm.yyyy; a bold, frozen header row in the reader's language,
column widths and an autofilter over the whole table. A second tab says when the file was
made (Europe/Berlin) and for which filters.
"""

import tempfile
from datetime import datetime

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .csv_export import FORMULA_START
from .figures import Kind, Withheld
from .selectors import Evidence
from .sheets import KIND_LABELS, Sheet, Type

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
SHARE_FORMAT = "0.0%"
HEADER_FONT = Font(bold=True)
HEADER_ALIGNMENT = Alignment(wrap_text=True, vertical="top")


def _cell(ws, value, column):
    """A plain value, or a cell where the value needs a number format or must stay text."""
    if value is None:
        return None
    if isinstance(value, Kind):
        return str(KIND_LABELS[value])
    if isinstance(value, Withheld | Evidence):
        return str(value.label)
    if column.type == Type.SHARE:
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = SHARE_FORMAT
        return cell
    if column.type == Type.DATE:
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, str) and value.startswith(FORMULA_START):
        # openpyxl would store "=…" as a formula; a string cell is never run.
        cell = WriteOnlyCell(ws, value=value)
        cell.data_type = "s"
        return cell
    return value


def _header(ws, sheet: Sheet) -> list:
    cells = []
    for column in sheet.columns:
        cell = WriteOnlyCell(ws, value=str(column.label))
        cell.font, cell.alignment = HEADER_FONT, HEADER_ALIGNMENT
        cells.append(cell)
    return cells


def _local(moment: datetime) -> datetime:
    """Europe/Berlin wall time: Excel has no time zones."""
    return timezone.localtime(moment).replace(tzinfo=None)


def write(sheet: Sheet, file, *, language: str, about: list[tuple[str, object]]) -> int:
    """Write the workbook to an open binary file; returns the number of data lines.

    `about`: label and value pairs for the information tab (scope, filters)."""
    with translation.override(language):
        workbook = Workbook(write_only=True)
        ws = workbook.create_sheet(title=sheet.title[:31])
        # Widths and the frozen header are written before the first row, the filter after.
        for index, column in enumerate(sheet.columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        ws.freeze_panes = "A2"
        ws.append(_header(ws, sheet))
        written = 0
        for record in sheet.rows:
            ws.append(
                [
                    _cell(ws, value, column)
                    for value, column in zip(record, sheet.columns, strict=True)
                ]
            )
            written += 1
        last = get_column_letter(len(sheet.columns))
        ws.auto_filter.ref = f"A1:{last}{written + 1}"
        _about(workbook, about)
        workbook.save(file)
    return written


def _about(workbook: Workbook, about: list[tuple[str, object]]) -> None:
    ws = workbook.create_sheet(title=_("About")[:31])
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 60
    made = WriteOnlyCell(ws, value=_local(timezone.now()))
    made.number_format = DATETIME_FORMAT
    label = WriteOnlyCell(ws, value=_("Created (Europe/Berlin)"))
    label.font = HEADER_FONT
    ws.append([label, made])
    for key, value in about:
        cell = WriteOnlyCell(ws, value=key)
        cell.font = HEADER_FONT
        ws.append([cell, _cell(ws, value, _TEXT)])


class _Text:
    type = Type.TEXT


_TEXT = _Text()


def spooled(sheet: Sheet, *, language: str, about: list[tuple[str, object]]):
    """The workbook in a temporary file, rewound, for a FileResponse (which closes it)."""
    file = tempfile.TemporaryFile()  # noqa: SIM115 - the FileResponse closes it
    try:
        write(sheet, file, language=language, about=about)
    except BaseException:
        file.close()
        raise
    file.seek(0)
    return file
