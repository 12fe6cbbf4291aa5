"""Reading a `;`-separated CSV file whose first line names its columns, as HR and the
organisation files are: decoding (UTF-8 or Windows-1252), records numbered by line as a
spreadsheet counts them, the header, and the checks every cell and unique column gets.

Pure: no database. A `Table` that is not `readable` must not be imported at all.
"""

import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = True
    max_length: int | None = None


@dataclass(frozen=True)
class RowError:
    """A problem with one line of the file, numbered as a spreadsheet shows it (header = 1).
    `line` is None only for problems of the import as a whole."""

    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return _("Line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


class FileUnreadable(Exception):
    def __init__(self, error: RowError):
        super().__init__(str(error))
        self.error = error


@dataclass
class Table:
    """The records of a `;`-separated file whose first line names its columns."""

    encoding: str = ""
    index: dict[str, int] = field(default_factory=dict)  # column key -> position
    width: int = 0
    records: list[tuple[int, list[str]]] = field(default_factory=list)  # not blank
    errors: list[RowError] = field(default_factory=list)
    readable: bool = True

    def valid_records(self) -> Iterator[tuple[int, dict[str, str]]]:
        """(line, values by column key) of each record with the right number of fields; an
        error for each other one."""
        for line, cells in self.records:
            # Spreadsheets pad rows with empty cells; anything else means shifted columns.
            if len(cells) < self.width or any(cells[self.width :]):
                self.errors.append(
                    RowError(
                        line,
                        _("Expected %(expected)d fields separated by semicolons, found %(found)d.")
                        % {"expected": self.width, "found": len(cells)},
                    )
                )
            else:
                yield line, {key: cells[position] for key, position in self.index.items()}


def read_table(data: bytes, columns: Sequence[Column]) -> Table:
    """Decode, split and check the header. A table that is not `readable` (encoding, header,
    quoting, no rows) must not be imported at all."""
    table = Table()
    try:
        text, table.encoding = decode(data)
        records = _records(text)
        header_line, header = next(records, (1, []))
        table.index = _column_index(header_line, header, columns)
        table.width = max(position for position, name in enumerate(header) if name) + 1
        for line, cells in records:
            if any(cells):  # spreadsheets leave blank lines at the end
                table.records.append((line, cells))
    except FileUnreadable as unreadable:
        table.errors.append(unreadable.error)
        table.readable = False
        return table
    if not table.records:
        table.errors.append(RowError(2, _("The file has a header but no data rows.")))
        table.readable = False
    return table


def decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding: UTF-8 (with or without BOM), else Windows-1252.

    Windows-1252 decodes nearly every byte, so a file that is valid UTF-8 up to a bad byte is
    reported rather than read as Windows-1252, which would garble its umlauts.
    """
    try:
        return _non_empty(data.decode("utf-8-sig")), "UTF-8"
    except UnicodeDecodeError as error:
        if not data[: error.start].isascii():
            raise FileUnreadable(
                RowError(
                    _line_at(data, error.start),
                    _(
                        "This line is not valid UTF-8, although the file starts as UTF-8 "
                        "(byte 0x%(byte)02X). Save the whole file again as CSV (UTF-8)."
                    )
                    % {"byte": data[error.start]},
                )
            ) from error
    try:
        return _non_empty(data.decode("cp1252")), "Windows-1252"
    except UnicodeDecodeError as error:
        raise FileUnreadable(
            RowError(
                _line_at(data, error.start),
                _(
                    "This line contains a byte (0x%(byte)02X) that is neither UTF-8 nor "
                    "Windows-1252. Save the file again as CSV (UTF-8)."
                )
                % {"byte": data[error.start]},
            )
        ) from error


def _non_empty(text: str) -> str:
    if not text.strip():
        raise FileUnreadable(RowError(1, _("The file is empty.")))
    return text


def _line_at(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) for each record; a line is a record, as a spreadsheet counts rows."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True)
    line = 0
    while True:
        line += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise FileUnreadable(RowError(line, _quoting_message(str(error)))) from error
        yield line, [cell.strip() for cell in cells]


def _quoting_message(reason: str) -> str:
    rest = _("The rest of the file cannot be read.")
    if "unexpected end of data" in reason:
        problem = _("A quotation mark opens a value that is never closed.")
    elif "expected after" in reason:
        problem = _(
            "A value in quotation marks must be followed directly by a semicolon or the end "
            "of the line."
        )
    else:
        problem = _("This line is not valid CSV (%(reason)s).") % {"reason": reason}
    return f"{problem} {rest}"


def _column_index(line: int, header: list[str], columns: Sequence[Column]) -> dict[str, int]:
    """Where each column is, by its (case-insensitive) header name."""
    known = {column.header.casefold(): column for column in columns}
    index: dict[str, int] = {}
    problems = []
    unknown = []
    for position, name in enumerate(header):
        column = known.get(" ".join(name.split()).casefold())
        if column is None:
            if name:
                unknown.append(name)
        elif column.key in index:
            problems.append(
                _("Column “%(column)s” appears more than once.") % {"column": column.header}
            )
        else:
            index[column.key] = position
    missing = [c.header for c in columns if c.required and c.key not in index]
    if missing:
        problems.append(
            _("Missing columns: %(missing)s. The first line must name the columns %(expected)s.")
            % {
                "missing": ", ".join(missing),
                "expected": ";".join(c.header for c in columns if c.required),
            }
        )
        if len(header) == 1 and any(sep in header[0] for sep in ",\t"):
            problems.append(_("Columns must be separated by semicolons (;)."))
    if unknown:
        problems.append(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
    if problems:
        raise FileUnreadable(RowError(line, " ".join(problems)))
    return index


def cell_problem(column: Column, value: str) -> str | None:
    """What is wrong with a non-empty cell whatever its column means, if anything."""
    if CONTROL_CHARACTERS.search(value):
        return _("“%(column)s” contains a line break or control character.") % {
            "column": column.header
        }
    if column.max_length and len(value) > column.max_length:
        return _("“%(column)s” is longer than %(max)d characters.") % {
            "column": column.header,
            "max": column.max_length,
        }
    return None


@dataclass
class Candidate:
    """A record with its values by column key and what is wrong with them."""

    line: int
    values: dict[str, str]
    problems: list[str]


def flag_duplicates(
    candidates: list[Candidate], key: str, header: str, normalise: Callable[[str], str]
) -> None:
    """Every occurrence of a value that must be unique is an error: which one is right is for
    HR to say, not for the import to guess."""
    lines: dict[str, list[int]] = {}
    for candidate in candidates:
        if value := candidate.values[key]:
            lines.setdefault(normalise(value), []).append(candidate.line)
    for candidate in candidates:
        value = candidate.values[key]
        where = lines.get(normalise(value), []) if value else []
        if len(where) > 1:
            candidate.problems.append(
                _("“%(value)s” appears more than once in column “%(column)s” (lines %(lines)s).")
                % {
                    "value": value,
                    "column": header,
                    "lines": ", ".join(map(str, where)),
                }
            )
