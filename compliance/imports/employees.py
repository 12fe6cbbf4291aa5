"""The HR import: employees and their accounts from the HR system's CSV export.

Two steps, so that a file can be checked before anything is written:

1. `parse_employees(data)` reads the bytes (UTF-8 or Windows-1252, `;`-separated, columns
   found by their header) into `EmployeeRow`s and `RowError`s. Pure: no database.
2. `apply_import(rows, full=...)` checks the rows against the organisation and the existing
   accounts, then creates, updates, marks as left and re-activates employees in one
   transaction. It reads everything it compares with up front and writes in bulk, so the
   number of queries does not grow per row.

`import_employees(data, ...)` runs both for the management command and the admin upload, so
that both give the same report. The layout is documented in docs/hr-import.md.
"""

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from compliance.models import Dienststelle, Employee, Obligation, Ressort
from compliance.services import sync_statuses

BATCH_SIZE = 500
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d")
# The username is kept equal to the e-mail address and has 150 characters.
EMAIL_MAX_LENGTH = 150
USER_FIELDS = ["email", "username", "first_name", "last_name", "is_active"]
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = True
    max_length: int | None = None


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
class RowError:
    """A problem with one line of the file, numbered as a spreadsheet shows it (header = 1).
    `line` is None only for problems of the import as a whole."""

    line: int | None
    message: str

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return _("Line %(line)d: %(message)s") % {"line": self.line, "message": self.message}


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


class Outcome(StrEnum):
    REJECTED = "rejected"  # errors, nothing changed
    DRY_RUN = "dry_run"  # what would happen; nothing changed
    IMPORTED = "imported"


@dataclass
class ImportReport:
    outcome: Outcome = Outcome.REJECTED
    errors: list[RowError] = field(default_factory=list)
    # False: the file could not be read to its end; --skip-invalid does not help then.
    readable: bool = True
    encoding: str = ""
    data_rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    left: int = 0
    reactivated: int = 0
    skipped: int = 0
    # Who leaves and who comes back, so that a dry run of a full export can be checked
    # before anyone loses their account.
    left_personnel_numbers: list[str] = field(default_factory=list)
    reactivated_personnel_numbers: list[str] = field(default_factory=list)

    def counts(self) -> list[tuple[str, str, int]]:
        """(key, label, number) for each count, in the order the report shows them."""
        # With a context: bare "created" and "updated" already mean other things in the
        # catalogues of Wagtail and Django.
        return [
            ("created", pgettext("HR import", "created"), self.created),
            ("updated", pgettext("HR import", "updated"), self.updated),
            ("unchanged", pgettext("HR import", "unchanged"), self.unchanged),
            ("left", pgettext("HR import", "marked as left"), self.left),
            ("reactivated", pgettext("HR import", "re-activated"), self.reactivated),
            ("skipped", pgettext("HR import", "rows skipped because of errors"), self.skipped),
        ]

    def headline(self) -> str:
        if self.outcome == Outcome.REJECTED:
            return _("The file was not imported; nothing was changed.")
        if self.outcome == Outcome.DRY_RUN:
            return _("Dry run: this is what the import would do; nothing was changed.")
        return _("The file was imported.")


class FileUnreadable(Exception):
    def __init__(self, error: RowError):
        super().__init__(str(error))
        self.error = error


# --- 1. reading the file ---------------------------------------------------------------------


def parse_employees(data: bytes) -> ParsedFile:
    """The rows and errors of an HR export, without touching the database."""
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
    candidates = [
        _Candidate(line, values, _check_values(values)) for line, values in table.valid_records()
    ]
    _flag_duplicates(candidates, "personnel_number", COLUMN["personnel_number"].header, str)
    _flag_duplicates(candidates, "email", COLUMN["email"].header, str.casefold)
    for candidate in candidates:
        if candidate.problems:
            parsed.errors.extend(RowError(candidate.line, p) for p in candidate.problems)
        else:
            parsed.rows.append(_to_row(candidate))
    parsed.errors.sort(key=lambda error: error.line)
    return parsed


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


@dataclass
class _Candidate:
    line: int
    values: dict[str, str]
    problems: list[str]


def _check_values(values: dict[str, str]) -> list[str]:
    """What is wrong with the cells of one row on their own."""
    problems = []
    for key, value in values.items():
        column = COLUMN[key]
        if not value:
            if key not in OPTIONAL_VALUES:
                problems.append(_("“%(column)s” is empty.") % {"column": column.header})
        elif CONTROL_CHARACTERS.search(value):
            problems.append(
                _("“%(column)s” contains a line break or control character.")
                % {"column": column.header}
            )
        elif column.max_length and len(value) > column.max_length:
            problems.append(
                _("“%(column)s” is longer than %(max)d characters.")
                % {"column": column.header, "max": column.max_length}
            )
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


def _flag_duplicates(candidates: list[_Candidate], key: str, header: str, normalise) -> None:
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


def _to_row(candidate: _Candidate) -> EmployeeRow:
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


# --- 2. applying it --------------------------------------------------------------------------


@dataclass
class _Person:
    """An existing employee and their account, as far as the import compares them."""

    employee_id: int
    user_id: int
    personnel_number: str
    ressort_id: int
    dienststelle_id: int
    entry_date: date
    active: bool
    left_on: date | None
    email: str
    first_name: str
    last_name: str
    user_active: bool


@dataclass
class _Known:
    """Everything the import compares with, read in a handful of queries."""

    ressorts: dict[str, tuple[int, str]]  # casefolded code -> (id, code)
    ressort_codes: dict[int, str]
    dienststellen: dict[str, tuple[int, int]]  # casefolded code -> (id, ressort id)
    people: dict[str, _Person]  # by personnel number
    accounts_by_email: dict[str, tuple[int, bool]]  # casefolded e-mail -> (user id, active)
    personnel_number_by_user: dict[int, str]

    @classmethod
    def load(cls) -> "_Known":
        ressorts = list(Ressort.objects.values_list("pk", "code"))
        people = [
            _Person(*values)
            for values in Employee.objects.values_list(
                "pk",
                "user_id",
                "personnel_number",
                "ressort_id",
                "dienststelle_id",
                "entry_date",
                "active",
                "left_on",
                "user__email",
                "user__first_name",
                "user__last_name",
                "user__is_active",
            )
        ]
        return cls(
            ressorts={code.casefold(): (pk, code) for pk, code in ressorts},
            ressort_codes=dict(ressorts),
            dienststellen={
                code.casefold(): (pk, ressort_id)
                for pk, code, ressort_id in Dienststelle.objects.values_list(
                    "pk", "code", "ressort_id"
                )
            },
            people={person.personnel_number: person for person in people},
            accounts_by_email={
                email.casefold(): (pk, is_active)
                for pk, email, is_active in get_user_model().objects.values_list(
                    "pk", "email", "is_active"
                )
            },
            personnel_number_by_user={p.user_id: p.personnel_number for p in people},
        )


@dataclass(frozen=True)
class _Resolved:
    row: EmployeeRow
    ressort_id: int
    dienststelle_id: int
    # An account of the row's e-mail address that has no employee yet: (user id, active).
    account: tuple[int, bool] | None = None


def _resolve(row: EmployeeRow, known: _Known) -> _Resolved | list[RowError]:
    """The row's organisation and account, or why it cannot be imported."""
    problems = []
    ressort = known.ressorts.get(row.ressort.casefold())
    office = known.dienststellen.get(row.dienststelle.casefold())
    if ressort is None:
        problems.append(_("Unknown Ressort “%(code)s”.") % {"code": row.ressort})
    if office is None:
        problems.append(_("Unknown Dienststelle “%(code)s”.") % {"code": row.dienststelle})
    elif ressort is not None and office[1] != ressort[0]:
        problems.append(
            _("Dienststelle “%(office)s” belongs to Ressort “%(actual)s”, not “%(given)s”.")
            % {
                "office": row.dienststelle,
                "actual": known.ressort_codes[office[1]],
                "given": row.ressort,
            }
        )
    person = known.people.get(row.personnel_number)
    account = known.accounts_by_email.get(row.email.casefold())
    owner = account[0] if account else None
    if owner is not None and (person is None or owner != person.user_id):
        other = known.personnel_number_by_user.get(owner)
        if other is not None:
            problems.append(
                _("The e-mail address “%(email)s” belongs to personnel number “%(other)s”.")
                % {"email": row.email, "other": other}
            )
        elif person is not None:
            problems.append(
                _("The e-mail address “%(email)s” belongs to another account.")
                % {"email": row.email}
            )
    if problems:
        return [RowError(row.line, problem) for problem in problems]
    # An account of this address without an employee (an editor's, or one created by single
    # sign-on) is the same person, since the address is their login: HR adds their data.
    return _Resolved(row, ressort[0], office[0], account if person is None else None)


class _Changes:
    """Updates of one model, grouped by the fields they change: Django's bulk_update costs
    time per field and object, so a renaming need not rewrite every column."""

    def __init__(self):
        self.by_fields: dict[tuple[str, ...], list] = defaultdict(list)

    def add(self, instance, fields: Iterable[str]) -> None:
        if fields := tuple(sorted(fields)):
            self.by_fields[fields].append(instance)

    def write(self, model) -> None:
        for fields, instances in self.by_fields.items():
            model.objects.bulk_update(instances, fields, batch_size=BATCH_SIZE)


@dataclass
class _Plan:
    new_users: list = field(default_factory=list)
    new_employees: list[Employee] = field(default_factory=list)
    changed_users: _Changes = field(default_factory=_Changes)
    changed_employees: _Changes = field(default_factory=_Changes)
    # Missing from a full export: the same change for all, one UPDATE per batch.
    leaving_employee_ids: list[int] = field(default_factory=list)
    locked_user_ids: list[int] = field(default_factory=list)
    audience_may_grow: bool = False


def _user(pk: int | None, row: EmployeeRow, *, active: bool):
    """An account as the import leaves it: e-mail (which is also the username), names and
    whether it can sign in."""
    return get_user_model()(
        pk=pk,
        email=row.email,
        username=row.email,
        first_name=row.first_name,
        last_name=row.last_name,
        is_active=active,
    )


def _changed(new, old, fields: Iterable[str]) -> list[str]:
    return [name for name in fields if getattr(new, name) != getattr(old, name)]


@transaction.atomic
def apply_import(
    rows: Sequence[EmployeeRow],
    *,
    full: bool,
    skip_invalid: bool = False,
    keep: Iterable[str] = (),
    today: date | None = None,
) -> ImportReport:
    """Bring the employees in line with the rows, in one transaction.

    `full`: the rows are everyone; active employees not among them (nor in `keep`, the
    personnel numbers of rows skipped as invalid) are marked as left. Rows whose Ressort,
    Dienststelle or e-mail address do not fit the database are errors; with errors nothing
    is written unless `skip_invalid`. Running the same rows twice changes nothing the second
    time.
    """
    today = today or timezone.localdate()
    known = _Known.load()
    report = ImportReport(outcome=Outcome.IMPORTED)
    resolved = []
    for row in rows:
        result = _resolve(row, known)
        if isinstance(result, list):
            report.errors.extend(result)
        else:
            resolved.append(result)
    if report.errors and not skip_invalid:
        report.outcome = Outcome.REJECTED
        return report

    plan = _Plan()
    for item in resolved:
        _plan_row(item, known, plan, report, today)
    if full:
        present = {row.personnel_number for row in rows} | set(keep)
        for person in known.people.values():
            if person.active and person.personnel_number not in present:
                _leave(person, plan, report)
    _write(plan, today)
    if plan.audience_may_grow:
        for obligation in Obligation.objects.filter(active=True):
            sync_statuses(obligation)
    return report


def _plan_row(item: _Resolved, known: _Known, plan: _Plan, report: ImportReport, today: date):
    row = item.row
    leaves = row.left_on is not None and row.left_on < today
    person = known.people.get(row.personnel_number)
    if person is None:
        _create(item, leaves, plan)
        report.created += 1
        return

    employee = Employee(
        pk=person.employee_id,
        ressort_id=item.ressort_id,
        dienststelle_id=item.dienststelle_id,
        entry_date=row.entry_date,
        active=not leaves,
        left_on=row.left_on if leaves else None,
    )
    # The account follows the employee's comings and goings only, so that an account an
    # administrator locked stays locked.
    user_active = person.user_active
    if person.active and leaves:
        user_active, counter = False, "left"
    elif not person.active and not leaves:
        user_active, counter = True, "reactivated"
    else:
        counter = "updated"
    user = _user(person.user_id, row, active=user_active)
    employee_fields = _changed(
        employee, person, ["ressort_id", "dienststelle_id", "entry_date", "active", "left_on"]
    )
    user_fields = [
        name
        for name, new, old in (
            ("email", row.email, person.email),
            ("first_name", row.first_name, person.first_name),
            ("last_name", row.last_name, person.last_name),
            ("is_active", user_active, person.user_active),
        )
        if new != old
    ]
    if not (employee_fields or user_fields):
        report.unchanged += 1
        return
    setattr(report, counter, getattr(report, counter) + 1)
    if counter != "updated":
        getattr(report, f"{counter}_personnel_numbers").append(person.personnel_number)
    plan.changed_employees.add(employee, employee_fields)
    plan.changed_users.add(user, [*user_fields, *(["username"] if "email" in user_fields else [])])
    moved = {"ressort_id", "dienststelle_id"} & set(employee_fields)
    plan.audience_may_grow |= employee.active and (counter == "reactivated" or bool(moved))


def _create(item: _Resolved, leaves: bool, plan: _Plan) -> None:
    row = item.row
    if item.account is None:
        # No password: the person signs in through a password reset or single sign-on.
        user = _user(None, row, active=not leaves)
        user.set_unusable_password()
        plan.new_users.append(user)
    else:
        user_id, was_active = item.account
        user = _user(user_id, row, active=was_active and not leaves)
        plan.changed_users.add(user, USER_FIELDS)
    plan.new_employees.append(
        Employee(
            user=user,
            personnel_number=row.personnel_number,
            ressort_id=item.ressort_id,
            dienststelle_id=item.dienststelle_id,
            entry_date=row.entry_date,
            active=not leaves,
            left_on=row.left_on if leaves else None,
        )
    )
    plan.audience_may_grow |= not leaves


def _leave(person: _Person, plan: _Plan, report: ImportReport) -> None:
    """Missing from a full export: left today, and the account can no longer sign in."""
    plan.leaving_employee_ids.append(person.employee_id)
    if person.user_active:
        plan.locked_user_ids.append(person.user_id)
    report.left += 1
    report.left_personnel_numbers.append(person.personnel_number)


def _write(plan: _Plan, today: date) -> None:
    User = get_user_model()
    plan.changed_users.write(User)
    User.objects.bulk_create(plan.new_users, batch_size=BATCH_SIZE)
    # bulk_create takes each new employee's user_id from the user saved just before.
    Employee.objects.bulk_create(plan.new_employees, batch_size=BATCH_SIZE)
    plan.changed_employees.write(Employee)
    for ids in _batches(plan.leaving_employee_ids):
        Employee.objects.filter(pk__in=ids).update(active=False, left_on=today)
    for ids in _batches(plan.locked_user_ids):
        User.objects.filter(pk__in=ids).update(is_active=False)


def _batches(items: list) -> Iterator[list]:
    for start in range(0, len(items), BATCH_SIZE):
        yield items[start : start + BATCH_SIZE]


# --- both steps, as the command and the admin run them ---------------------------------------


def import_employees(
    data: bytes, *, full: bool = True, dry_run: bool = False, skip_invalid: bool = False
) -> ImportReport:
    """Read and apply an HR export; the report says what happened (or would, on a dry run).

    A file with errors changes nothing unless `skip_invalid`; a file that cannot be read to
    its end changes nothing in any case.
    """
    parsed = parse_employees(data)
    report = ImportReport(
        encoding=parsed.encoding, data_rows=parsed.data_rows, readable=parsed.readable
    )
    if not parsed.readable or (parsed.errors and not skip_invalid):
        report.errors = parsed.errors
        return report
    try:
        with transaction.atomic():
            applied = apply_import(
                parsed.rows, full=full, skip_invalid=skip_invalid, keep=parsed.personnel_numbers
            )
            if dry_run and applied.outcome == Outcome.IMPORTED:
                applied.outcome = Outcome.DRY_RUN
                transaction.set_rollback(True)
    except IntegrityError:
        # Another import or an administrator changed the same accounts meanwhile.
        report.errors = [
            RowError(None, _("The data changed while importing. Nothing was changed; try again."))
        ]
        report.readable = False
        return report
    applied.encoding, applied.data_rows = report.encoding, report.data_rows
    applied.errors = sorted([*parsed.errors, *applied.errors], key=lambda e: e.line or 0)
    if applied.outcome != Outcome.REJECTED:
        applied.skipped = len({error.line for error in applied.errors})
    return applied


# --- the organisation: Ressorts and Dienststellen, which HR refers to by code -----------------

ORGANISATION_COLUMNS = (
    Column("kind", "Art"),
    Column("code", "Kürzel", max_length=40),
    Column("name", "Name", max_length=200),
    Column("ressort", "Ressort", max_length=20),
    Column("parent", "Übergeordnet", required=False, max_length=40),
)
KINDS = {"ressort": "ressort", "dienststelle": "dienststelle"}  # casefolded "Art" -> kind
RESSORT_CODE_LENGTH = 20


@dataclass(frozen=True)
class OrganisationRow:
    line: int
    kind: str  # "ressort" or "dienststelle"
    code: str
    name: str
    ressort: str = ""  # a Dienststelle's Ressort
    parent: str = ""  # a Dienststelle's parent Dienststelle; empty: top level of its Ressort


@dataclass
class OrganisationReport(ImportReport):
    def counts(self) -> list[tuple[str, str, int]]:
        return [c for c in super().counts() if c[0] in ("created", "updated", "unchanged")]


def parse_organisation(data: bytes) -> tuple[Table, list[OrganisationRow]]:
    """The rows of an organisation file; its errors are in the table."""
    table = read_table(data, ORGANISATION_COLUMNS)
    candidates = [
        _Candidate(line, values, _check_organisation_values(values))
        for line, values in table.valid_records()
    ]
    for kind in KINDS.values():
        same_kind = [c for c in candidates if KINDS.get(c.values["kind"].casefold()) == kind]
        _flag_duplicates(same_kind, "code", "Kürzel", str.casefold)
    rows = []
    for candidate in candidates:
        table.errors.extend(RowError(candidate.line, p) for p in candidate.problems)
        if not candidate.problems:
            values = candidate.values
            rows.append(
                OrganisationRow(
                    line=candidate.line,
                    kind=KINDS[values["kind"].casefold()],
                    code=values["code"],
                    name=values["name"],
                    ressort=values["ressort"],
                    parent=values.get("parent", ""),
                )
            )
    table.errors.sort(key=lambda error: error.line)
    return table, rows


def _check_organisation_values(values: dict[str, str]) -> list[str]:
    problems = []
    kind = KINDS.get(values["kind"].casefold())
    if kind is None:
        problems.append(
            _("“Art” must be “Ressort” or “Dienststelle”, not “%(value)s”.")
            % {"value": values["kind"]}
        )
    required = ["code", "name"] + (["ressort"] if kind == "dienststelle" else [])
    for column in ORGANISATION_COLUMNS:
        value = values.get(column.key, "")
        if column.key in required and not value:
            problems.append(_("“%(column)s” is empty.") % {"column": column.header})
        elif CONTROL_CHARACTERS.search(value):
            problems.append(
                _("“%(column)s” contains a line break or control character.")
                % {"column": column.header}
            )
        elif column.max_length and len(value) > column.max_length:
            problems.append(
                _("“%(column)s” is longer than %(max)d characters.")
                % {"column": column.header, "max": column.max_length}
            )
    if kind == "ressort":
        if values["ressort"] or values.get("parent"):
            problems.append(_("Leave “Ressort” and “Übergeordnet” empty in the row of a Ressort."))
        if len(values["code"]) > RESSORT_CODE_LENGTH:
            problems.append(
                _("The “Kürzel” of a Ressort has at most %(max)d characters.")
                % {"max": RESSORT_CODE_LENGTH}
            )
    return problems


@dataclass
class _Office:
    """A Dienststelle as the organisation will be: from the database, changed by the file."""

    code: str
    ressort: str  # casefolded Ressort code
    parent: str  # casefolded code of the parent it will have, "" at the top
    node: Dienststelle | None = None  # None: not in the database yet
    parent_now: str = ""  # casefolded code of its parent in the database


def _existing_offices() -> dict[str, _Office]:
    nodes = list(Dienststelle.objects.select_related("ressort"))
    code_by_path = {node.path: node.code.casefold() for node in nodes}
    offices = {}
    for node in nodes:
        parent = code_by_path.get(node.path[: -Dienststelle.steplen], "")
        offices[node.code.casefold()] = _Office(
            node.code, node.ressort.code.casefold(), parent, node, parent
        )
    return offices


def _check_organisation(
    rows: Sequence[OrganisationRow], ressort_codes: set[str], offices: dict[str, _Office]
) -> list[RowError]:
    """Check the Dienststelle rows against the organisation they and the database make up;
    `offices` is updated to that organisation."""
    errors = []
    office_rows = [row for row in rows if row.kind == "dienststelle"]
    for row in office_rows:
        key, ressort = row.code.casefold(), row.ressort.casefold()
        existing = offices.get(key)
        if ressort not in ressort_codes:
            errors.append(
                RowError(row.line, _("Unknown Ressort “%(code)s”.") % {"code": row.ressort})
            )
        elif existing and existing.ressort != ressort:
            errors.append(
                RowError(
                    row.line,
                    _(
                        "Dienststelle “%(code)s” belongs to Ressort “%(actual)s”; the import "
                        "does not move a Dienststelle to another Ressort."
                    )
                    % {"code": row.code, "actual": existing.node.ressort.code},
                )
            )
        offices[key] = _Office(
            row.code,
            ressort,
            row.parent.casefold(),
            existing.node if existing else None,
            existing.parent_now if existing else "",
        )
    for row in office_rows:
        if not row.parent:
            continue
        office, parent = offices[row.code.casefold()], offices.get(row.parent.casefold())
        if parent is None:
            problem = _("Unknown parent Dienststelle “%(code)s”.") % {"code": row.parent}
        elif parent.ressort != office.ressort:
            problem = _("The parent Dienststelle “%(code)s” belongs to another Ressort.") % {
                "code": row.parent
            }
        elif _is_below(parent, office, offices):
            problem = _("Dienststelle “%(code)s” would be placed below itself.") % {
                "code": row.code
            }
        else:
            continue
        errors.append(RowError(row.line, problem))
    return errors


def _is_below(candidate: _Office | None, office: _Office, offices: dict[str, _Office]) -> bool:
    """Whether `candidate` is `office` or lies below it: then it cannot be its parent."""
    seen = set()
    while candidate is not None:
        if candidate is office:
            return True
        if candidate.code.casefold() in seen:
            return False  # a cycle further up, reported at its own rows
        seen.add(candidate.code.casefold())
        candidate = offices.get(candidate.parent)
    return False


@transaction.atomic
def apply_organisation(rows: Sequence[OrganisationRow]) -> OrganisationReport:
    """Create and rename Ressorts and Dienststellen and place each Dienststelle below its
    parent. Nothing is deleted: Dienststellen missing from the file may still have
    employees. Running the same rows twice changes nothing the second time."""
    report = OrganisationReport(outcome=Outcome.IMPORTED)
    ressorts = {r.code.casefold(): r for r in Ressort.objects.all()}
    offices = _existing_offices()
    file_ressorts = {row.code.casefold() for row in rows if row.kind == "ressort"}
    report.errors = _check_organisation(rows, set(ressorts) | file_ressorts, offices)
    if report.errors:
        report.outcome = Outcome.REJECTED
        return report
    for row in rows:
        if row.kind == "ressort":
            _count(report, _save_ressort(row, ressorts))
    office_rows = {row.code.casefold(): row for row in rows if row.kind == "dienststelle"}
    for key in _parents_first(office_rows, offices):
        _count(report, _save_office(office_rows[key], offices, ressorts))
    return report


def _count(report: ImportReport, outcome: str) -> None:
    setattr(report, outcome, getattr(report, outcome) + 1)


def _save_ressort(row: OrganisationRow, ressorts: dict[str, Ressort]) -> str:
    ressort = ressorts.get(row.code.casefold())
    if ressort is None:
        ressorts[row.code.casefold()] = Ressort.objects.create(code=row.code, name=row.name)
        return "created"
    if ressort.name == row.name:
        return "unchanged"
    ressort.name = row.name
    ressort.save(update_fields=["name"])
    return "updated"


def _parents_first(office_rows: dict[str, OrganisationRow], offices: dict[str, _Office]):
    """The codes of the rows, each after the row of its parent (there are no cycles)."""
    order: list[str] = []

    def visit(key: str) -> None:
        if key in office_rows and key not in order:
            visit(offices[key].parent)
            order.append(key)

    for key in office_rows:
        visit(key)
    return order


def _save_office(
    row: OrganisationRow, offices: dict[str, _Office], ressorts: dict[str, Ressort]
) -> str:
    """Create, rename or move one Dienststelle. Tree changes go through treebeard, which keeps
    the materialised paths right; nodes are read afresh for them, since every insertion or
    move may shift the paths of others."""
    office = offices[row.code.casefold()]
    parent = offices[office.parent].node if office.parent else None
    if office.node is None:
        fields = {"ressort": ressorts[office.ressort], "code": row.code, "name": row.name}
        if parent is None:
            office.node = Dienststelle.add_root(**fields)
        else:
            office.node = Dienststelle.objects.get(pk=parent.pk).add_child(**fields)
        return "created"
    moved = office.parent != office.parent_now
    renamed = office.node.name != row.name
    if moved:
        node = Dienststelle.objects.get(pk=office.node.pk)
        if parent is None:
            node.move(Dienststelle.get_first_root_node(), "sorted-sibling")
        else:
            node.move(Dienststelle.objects.get(pk=parent.pk), "sorted-child")
    if renamed:
        Dienststelle.objects.filter(pk=office.node.pk).update(name=row.name)
    return "updated" if moved or renamed else "unchanged"


def import_organisation(data: bytes, *, dry_run: bool = False) -> OrganisationReport:
    """Read and apply an organisation file; a file with errors changes nothing."""
    table, rows = parse_organisation(data)
    report = OrganisationReport(
        encoding=table.encoding, data_rows=len(table.records), readable=table.readable
    )
    if table.errors:
        report.errors = table.errors
        return report
    with transaction.atomic():
        applied = apply_organisation(rows)
        if dry_run and applied.outcome == Outcome.IMPORTED:
            applied.outcome = Outcome.DRY_RUN
            transaction.set_rollback(True)
    applied.encoding, applied.data_rows = report.encoding, report.data_rows
    return applied
