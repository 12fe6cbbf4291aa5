"""Reading a `;`-separated CSV file whose first line names its columns, as HR and the
organisation files are: decoding (UTF-8 or Windows-1252), records numbered by line as a
spreadsheet counts them, the header, and the checks every cell and unique column gets.

Pure: no database. A file that cannot be read to its end must not be imported at all.
`open_table` reads a stored file without holding it in memory (the employee import, up to
hundreds of thousands of rows); `read_table` reads small files whole (the organisation).
"""

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

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
    """The records of a `;`-separated file whose first line names its columns, all in
    memory: for the small organisation file. The employee import streams (`TableFile`)."""

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
            values = values_of(line, cells, self.index, self.width)
            if isinstance(values, RowError):
                self.errors.append(values)
            else:
                yield line, values


def values_of(
    line: int, cells: list[str], index: dict[str, int], width: int
) -> dict[str, str] | RowError:
    """The values of a record by column key, or the error when it has the wrong number of
    fields."""
    # Spreadsheets pad rows with empty cells; anything else means shifted columns.
    if len(cells) < width or any(cells[width:]):
        return RowError(
            line,
            _("Expected %(expected)d fields separated by semicolons, found %(found)d.")
            % {"expected": width, "found": len(cells)},
        )
    return {key: cells[position] for key, position in index.items()}


def read_table(data: bytes, columns: Sequence[Column]) -> Table:
    """Decode, split and check the header. A table that is not `readable` (encoding, header,
    quoting, no rows) must not be imported at all."""
    table = Table()
    try:
        stream = open_table(io.BytesIO(data), columns)
        table.encoding, table.index, table.width = stream.encoding, stream.index, stream.width
        table.records.extend(stream.records())
    except FileUnreadable as unreadable:
        table.errors.append(unreadable.error)
        table.readable = False
        return table
    if not table.records:
        table.errors.append(no_data_rows())
        table.readable = False
    return table


def no_data_rows() -> RowError:
    return RowError(2, _("The file has a header but no data rows."))


# --- reading a stored file without holding it in memory ---------------------------------------

CHUNK_BYTES = 1024 * 1024
UTF8_BOM = b"\xef\xbb\xbf"
CODECS = {"UTF-8": "utf-8-sig", "Windows-1252": "cp1252"}


@dataclass
class TableFile:
    """A `;`-separated file on disk (or any seekable binary file) whose header was checked:
    its records are read from the file each time `records()` is called, so that an import can
    check every row first and write in a second pass, holding one row at a time."""

    file: BinaryIO
    encoding: str  # a key of CODECS
    index: dict[str, int]
    width: int

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """(line, cells) of each data record that is not blank, from the start of the file;
        raises FileUnreadable at broken quoting."""
        self.file.seek(0)
        text = io.TextIOWrapper(self.file, encoding=CODECS[self.encoding], newline="")
        try:
            records = _records(text)
            next(records, None)  # the header
            for line, cells in records:
                if any(cells):  # spreadsheets leave blank lines at the end
                    yield line, cells
        finally:
            text.detach()  # the caller closes the file

    def values(self, line: int, cells: list[str]) -> dict[str, str] | RowError:
        return values_of(line, cells, self.index, self.width)


def open_table(file: BinaryIO, columns: Sequence[Column]) -> TableFile:
    """The file's encoding and checked header; raises FileUnreadable (encoding, empty file,
    header). The whole file is decoded once, a chunk at a time, before any row is used: a bad
    byte at its end refuses the file as surely as one at its start."""
    encoding = detect_encoding(file)
    file.seek(0)
    text = io.TextIOWrapper(file, encoding=CODECS[encoding], newline="")
    try:
        header_line, header = next(_records(text), (1, []))
    finally:
        text.detach()
    index = _column_index(header_line, header, columns)
    width = max(position for position, name in enumerate(header) if name) + 1
    return TableFile(file, encoding, index, width)


class _BadByte(Exception):
    def __init__(self, position: int, byte: int):
        super().__init__(position, byte)
        self.position, self.byte = position, byte


def detect_encoding(file: BinaryIO) -> str:
    """UTF-8 (with or without BOM), else Windows-1252; raises FileUnreadable for a file that
    is neither, or empty.

    Windows-1252 decodes nearly every byte, so a file that is valid UTF-8 up to a bad byte is
    reported rather than read as Windows-1252, which would garble its umlauts.
    """
    try:
        return _non_empty(file, "UTF-8")
    except _BadByte as bad:
        line, ascii_before = _line_at(file, bad.position)
        if not ascii_before:
            raise FileUnreadable(
                RowError(
                    line,
                    _(
                        "This line is not valid UTF-8, although the file starts as UTF-8 "
                        "(byte 0x%(byte)02X). Save the whole file again as CSV (UTF-8)."
                    )
                    % {"byte": bad.byte},
                )
            ) from bad
    try:
        return _non_empty(file, "Windows-1252")
    except _BadByte as bad:
        raise FileUnreadable(
            RowError(
                _line_at(file, bad.position)[0],
                _(
                    "This line contains a byte (0x%(byte)02X) that is neither UTF-8 nor "
                    "Windows-1252. Save the file again as CSV (UTF-8)."
                )
                % {"byte": bad.byte},
            )
        ) from bad


def _non_empty(file: BinaryIO, encoding: str) -> str:
    """Decode the whole file a chunk at a time; raises _BadByte (with its position in the
    file) or FileUnreadable when it holds nothing but white space."""
    file.seek(0)
    start = 0
    if encoding == "UTF-8" and file.read(len(UTF8_BOM)) == UTF8_BOM:
        start = len(UTF8_BOM)
    file.seek(start)
    decoder = codecs.getincrementaldecoder("utf-8" if encoding == "UTF-8" else "cp1252")()
    offset, has_text = start, False
    while True:
        chunk = file.read(CHUNK_BYTES)
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            # error.object is the decoder's pending bytes followed by this chunk.
            pending = len(error.object) - len(chunk)
            raise _BadByte(offset - pending + error.start, error.object[error.start]) from error
        has_text = has_text or bool(text.strip())
        if not chunk:
            break
        offset += len(chunk)
    if not has_text:
        raise FileUnreadable(RowError(1, _("The file is empty.")))
    return encoding


def _line_at(file: BinaryIO, position: int) -> tuple[int, bool]:
    """The line of the byte at `position`, and whether everything before it is ASCII."""
    file.seek(0)
    newlines, ascii_before, left = 0, True, position
    while left > 0:
        chunk = file.read(min(CHUNK_BYTES, left))
        if not chunk:
            break
        newlines += chunk.count(b"\n")
        ascii_before = ascii_before and chunk.isascii()
        left -= len(chunk)
    return newlines + 1, ascii_before


def _records(text: TextIO) -> Iterator[tuple[int, list[str]]]:
    """(line, cells) for each record; a line is a record, as a spreadsheet counts rows."""
    reader = csv.reader(text, delimiter=";", strict=True)
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
