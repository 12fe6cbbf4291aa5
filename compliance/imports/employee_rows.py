"""Step 1 of the employee import: the rows of an HR export (layout in docs/hr-import.md) and
what is wrong with them, without touching the database. The file is read from where it is
stored, a row at a time, once to check it and again for each pass of the import."""

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import BinaryIO

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from .table import (
    Column,
    FileUnreadable,
    RowError,
    TableFile,
    cell_problem,
    no_data_rows,
    open_table,
)

DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d")
# The username is kept equal to the e-mail address and has 150 characters.
EMAIL_MAX_LENGTH = 150


COLUMNS = (
    Column("personnel_number", "Personalnummer", max_length=32),
    Column("last_name", "Nachname", max_length=150),
    Column("first_name", "Vorname", max_length=150),
    Column("email", "E-Mail", max_length=EMAIL_MAX_LENGTH),
    Column("ressort", "Ressort", max_length=20),
    Column("dienststelle", "Dienststelle", max_length=40),
    Column("entry_date", "Eintrittsdatum"),
    Column("left_on", "Austrittsdatum", required=False),
)
COLUMN = {column.key: column for column in COLUMNS}
# Cells that may be empty in a row (the column itself may still be required in the header).
OPTIONAL_VALUES = {"first_name", "left_on"}


@dataclass(frozen=True)
class EmployeeRow:
    line: int
    personnel_number: str
    last_name: str
    first_name: str
    email: str
    ressort: str
    dienststelle: str
    entry_date: date
    left_on: date | None = None


class CheckedFile:
    """An HR export checked row by row without holding it in memory: its errors, and its
    valid rows read again from the file on each iteration of `rows`."""

    def __init__(self, table: TableFile | None = None):
        self.table = table
        self.errors: list[RowError] = []
        self.encoding = table.encoding if table else ""
        # False when the file could not be read to its end (encoding, header, quoting): such
        # a file is never imported, not even its valid rows, since a full import would take
        # everyone after the break for leavers.
        self.readable = table is not None
        # The personnel numbers of every data row, valid or not: a skipped row must not make
        # a full import mark its employee as left.
        self.personnel_numbers: frozenset[str] = frozenset()
        self.data_rows = 0
        self.refused_lines: frozenset[int] = frozenset()

    @property
    def rows(self) -> "FileRows":
        return FileRows(self)


class FileRows:
    """The valid rows of a checked file, read from the file each time they are iterated (an
    import goes through them twice: to check them against the database, then to write)."""

    def __init__(self, checked: CheckedFile):
        self.checked = checked

    def __len__(self) -> int:
        return self.checked.data_rows - len(self.checked.refused_lines)

    def __iter__(self) -> Iterator[EmployeeRow]:
        table, refused = self.checked.table, self.checked.refused_lines
        if table is None or not self.checked.readable:
            return
        for line, cells in table.records():
            if line not in refused:
                yield _to_row(line, table.values(line, cells))


def _no_progress(done: int, total: int | None = None, stage: str = "") -> None:
    pass


# Columns whose values must be unique in the file, and how values are compared.
UNIQUE_COLUMNS = (("personnel_number", str), ("email", str.casefold))


def check_employees(file: BinaryIO, progress=_no_progress) -> CheckedFile:
    """Read a stored HR export row by row and check every row on its own and against the
    others (duplicates), without touching the database; `progress(done, total, stage)` hears
    how many rows were read. What it keeps grows with the file only by a personnel number
    and an e-mail address per row, for the duplicate check."""
    try:
        table = open_table(file, COLUMNS)
    except FileUnreadable as unreadable:
        checked = CheckedFile()
        checked.errors.append(unreadable.error)
        return checked
    checked = CheckedFile(table)
    position = table.index["personnel_number"]
    personnel_numbers: set[str] = set()
    duplicates = {key: _Duplicates() for key, _normalise in UNIQUE_COLUMNS}
    stage = _("Reading the file")
    try:
        for line, cells in table.records():
            checked.data_rows += 1
            if checked.data_rows % 1000 == 0:
                progress(checked.data_rows, None, stage)
            if position < len(cells) and cells[position]:
                personnel_numbers.add(cells[position])
            values = table.values(line, cells)
            if isinstance(values, RowError):
                checked.errors.append(values)
                continue
            checked.errors.extend(RowError(line, p) for p in _check_values(values))
            for key, normalise in UNIQUE_COLUMNS:
                if value := values[key]:
                    duplicates[key].add(normalise(value), value, line)
    except FileUnreadable as unreadable:
        checked.errors.append(unreadable.error)
        checked.readable = False
    if checked.readable and not checked.data_rows:
        checked.errors.append(no_data_rows())
        checked.readable = False
    for key, _normalise in UNIQUE_COLUMNS:
        checked.errors.extend(duplicates[key].errors(COLUMN[key].header))
    # Stable: a line's own problems before its duplicates, as they were found.
    checked.errors.sort(key=lambda error: error.line or 0)
    checked.personnel_numbers = frozenset(personnel_numbers)
    checked.refused_lines = frozenset(error.line for error in checked.errors)
    return checked


class _Duplicates:
    """Values that must be unique: the first line of each, and every line of those that are
    not. Every occurrence of a repeated value is an error: which one is right is for HR to
    say, not for the import to guess."""

    def __init__(self):
        self.first: dict[str, int] = {}
        # The value as written on its first line, where that differs from the compared form.
        self.spelling: dict[str, str] = {}
        self.repeated: dict[str, list[tuple[int, str]]] = {}

    def add(self, key: str, value: str, line: int) -> None:
        first = self.first.setdefault(key, line)
        if first == line:
            if value != key:
                self.spelling[key] = value
        else:
            self.repeated.setdefault(key, [(first, self.spelling.get(key, key))])
            self.repeated[key].append((line, value))

    def errors(self, header: str) -> Iterator[RowError]:
        for occurrences in self.repeated.values():
            lines = ", ".join(str(line) for line, _value in occurrences)
            for line, value in occurrences:
                yield RowError(
                    line,
                    _(
                        "“%(value)s” appears more than once in column “%(column)s” "
                        "(lines %(lines)s)."
                    )
                    % {"value": value, "column": header, "lines": lines},
                )


def parse_employees(data: bytes, progress=_no_progress) -> CheckedFile:
    """`check_employees` for a file in memory (tests, small files)."""
    return check_employees(io.BytesIO(data), progress)


def _check_values(values: dict[str, str]) -> list[str]:
    """What is wrong with the cells of one row on their own."""
    problems = []
    for key, value in values.items():
        column = COLUMN[key]
        if not value:
            if key not in OPTIONAL_VALUES:
                problems.append(_("“%(column)s” is empty.") % {"column": column.header})
        elif problem := cell_problem(column, value):
            problems.append(problem)
        elif key in ("entry_date", "left_on") and parse_date(value) is None:
            problems.append(
                _("“%(column)s”: “%(value)s” is not a date; write DD.MM.YYYY or YYYY-MM-DD.")
                % {"column": column.header, "value": value}
            )
        elif key == "email" and not _is_email(value):
            problems.append(_("“%(value)s” is not a valid e-mail address.") % {"value": value})
    entry, left = parse_date(values["entry_date"]), parse_date(values.get("left_on", ""))
    if entry and left and left < entry:
        problems.append(
            _("“%(left)s” is before “%(entry)s”.")
            % {"left": COLUMN["left_on"].header, "entry": COLUMN["entry_date"].header}
        )
    return problems


def parse_date(value: str) -> date | None:
    for date_format in DATE_FORMATS:
        try:
            return datetime.strptime(value, date_format).date()
        except ValueError:
            continue
    return None


def _is_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def _to_row(line: int, values: dict[str, str]) -> EmployeeRow:
    return EmployeeRow(
        line=line,
        personnel_number=values["personnel_number"],
        last_name=values["last_name"],
        first_name=values["first_name"],
        email=get_user_model().objects.normalize_email(values["email"]),
        ressort=values["ressort"],
        dienststelle=values["dienststelle"],
        entry_date=parse_date(values["entry_date"]),
        left_on=parse_date(values.get("left_on", "")),
    )
