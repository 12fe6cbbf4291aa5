"""Step 1 of the employee import: the rows of an HR export (layout in docs/hr-import.md) and
what is wrong with them, without touching the database."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from .table import Candidate, Column, RowError, cell_problem, flag_duplicates, read_table

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


@dataclass
class ParsedFile:
    rows: list[EmployeeRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    encoding: str = ""
    # False when the file could not be read to its end (encoding, header, quoting): such a
    # file is never imported, not even its valid rows, since a full import would take
    # everyone after the break for leavers.
    readable: bool = True
    # The personnel numbers of every data row, valid or not: a skipped row must not make a
    # full import mark its employee as left.
    personnel_numbers: frozenset[str] = frozenset()
    data_rows: int = 0


def _no_progress(done: int, total: int | None = None, stage: str = "") -> None:
    pass


def parse_employees(data: bytes, progress=_no_progress) -> ParsedFile:
    """The rows and errors of an HR export, without touching the database;
    `progress(done, total, stage)` hears how many rows were checked."""
    table = read_table(data, COLUMNS)
    parsed = ParsedFile(
        errors=table.errors,
        encoding=table.encoding,
        readable=table.readable,
        data_rows=len(table.records),
    )
    if not table.index:
        return parsed
    position = table.index["personnel_number"]
    parsed.personnel_numbers = frozenset(
        cells[position] for _line, cells in table.records if position < len(cells)
    ) - {""}
    stage, total = _("Reading the file"), len(table.records)
    candidates = []
    for number, (line, values) in enumerate(table.valid_records(), 1):
        if number % 1000 == 0:
            progress(number, total, stage)
        candidates.append(Candidate(line, values, _check_values(values)))
    flag_duplicates(candidates, "personnel_number", COLUMN["personnel_number"].header, str)
    flag_duplicates(candidates, "email", COLUMN["email"].header, str.casefold)
    for candidate in candidates:
        if candidate.problems:
            parsed.errors.extend(RowError(candidate.line, p) for p in candidate.problems)
        else:
            parsed.rows.append(_to_row(candidate))
    parsed.errors.sort(key=lambda error: error.line)
    return parsed


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


def _to_row(candidate: Candidate) -> EmployeeRow:
    values = candidate.values
    return EmployeeRow(
        line=candidate.line,
        personnel_number=values["personnel_number"],
        last_name=values["last_name"],
        first_name=values["first_name"],
        email=get_user_model().objects.normalize_email(values["email"]),
        ressort=values["ressort"],
        dienststelle=values["dienststelle"],
        entry_date=parse_date(values["entry_date"]),
        left_on=parse_date(values.get("left_on", "")),
    )
