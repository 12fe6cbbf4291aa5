"""The employee import: employees and their accounts from the HR system's CSV export.

Two steps, so that a file can be checked before anything is written, and neither holds the
file in memory (an export of the whole administration has hundreds of thousands of rows):

1. `employee_rows.check_employees(file)` reads the stored file row by row into `RowError`s and
   what it needs to find duplicates; its `rows` read the valid rows again from the file. Pure:
   no database.
2. `apply_import(rows, full=...)` goes through the rows twice in one transaction, a chunk at a
   time: first it checks every row against the organisation and the existing accounts, and
   writes nothing if one does not fit; then it creates, updates, re-activates and (for
   `full`) marks as left, writing each chunk in bulk. Queries grow with the chunks, not the
   rows.

`import_employees(file, ...)` runs both for the management command and the admin upload, so
that both give the same report. The layout is documented in docs/hr-import.md.
"""

import io
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import BinaryIO

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.models import Dienststelle, Employee, Obligation, Ressort
from compliance.services import sync_statuses

from .employee_rows import EmployeeRow, check_employees
from .reports import Change, EmployeeReport, Outcome
from .table import RowError

BATCH_SIZE = 500
# Rows checked and written together: what the import holds of the file at a time.
CHUNK_SIZE = 2000

# `progress(done, total, stage)`, e.g. a `jobs.progress` reporter; the import does not know
# who listens (the admin's job page or the command's terminal).
ProgressCallback = Callable[..., None]


def _no_progress(done: int, total: int | None = None, stage: str = "") -> None:
    pass


USER_FIELDS = ["email", "username", "first_name", "last_name", "is_active"]


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
class _Organisation:
    ressorts: dict[str, tuple[int, str]]  # casefolded code -> (id, code)
    ressort_codes: dict[int, str]
    dienststellen: dict[str, tuple[int, int]]  # casefolded code -> (id, ressort id)
    # Every account's casefolded e-mail address -> its id: addresses are compared casefolded,
    # which the database cannot do for a chunk's addresses alike on SQLite and PostgreSQL.
    account_ids: dict[str, int]

    @classmethod
    def load(cls) -> "_Organisation":
        ressorts = list(Ressort.objects.values_list("pk", "code"))
        return cls(
            ressorts={code.casefold(): (pk, code) for pk, code in ressorts},
            ressort_codes=dict(ressorts),
            dienststellen={
                code.casefold(): (pk, ressort_id)
                for pk, code, ressort_id in Dienststelle.objects.values_list(
                    "pk", "code", "ressort_id"
                )
            },
            account_ids={
                email.casefold(): pk
                for pk, email in get_user_model().objects.values_list("pk", "email").iterator()
            },
        )


@dataclass
class _Known:
    """Everything one chunk of rows is compared with, read in a few queries."""

    organisation: _Organisation
    people: dict[str, _Person]  # by personnel number, those of the chunk's rows
    # The accounts of the chunk's e-mail addresses: user id -> (active, personnel number of
    # its employee or None).
    accounts: dict[int, tuple[bool, str | None]]

    @classmethod
    def load(cls, rows: Sequence[EmployeeRow], organisation: _Organisation) -> "_Known":
        people = Employee.objects.filter(
            personnel_number__in=[row.personnel_number for row in rows]
        ).values_list(
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
        account_ids = {organisation.account_ids.get(row.email.casefold()) for row in rows} - {None}
        accounts = get_user_model().objects.filter(pk__in=account_ids)
        return cls(
            organisation=organisation,
            people={values[2]: _Person(*values) for values in people},
            accounts={
                pk: (active, number)
                for pk, active, number in accounts.values_list(
                    "pk", "is_active", "employee__personnel_number"
                )
            }
            if account_ids
            else {},
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
    organisation = known.organisation
    ressort = organisation.ressorts.get(row.ressort.casefold())
    office = organisation.dienststellen.get(row.dienststelle.casefold())
    if ressort is None:
        problems.append(_("Unknown Ressort “%(code)s”.") % {"code": row.ressort})
    if office is None:
        problems.append(_("Unknown Dienststelle “%(code)s”.") % {"code": row.dienststelle})
    elif ressort is not None and office[1] != ressort[0]:
        problems.append(
            _("Dienststelle “%(office)s” belongs to Ressort “%(actual)s”, not “%(given)s”.")
            % {
                "office": row.dienststelle,
                "actual": organisation.ressort_codes[office[1]],
                "given": row.ressort,
            }
        )
    person = known.people.get(row.personnel_number)
    owner = organisation.account_ids.get(row.email.casefold())
    account = (owner, known.accounts[owner][0]) if owner in known.accounts else None
    if owner is not None and (person is None or owner != person.user_id):
        other = known.accounts[owner][1] if owner in known.accounts else None
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


class DataChanged(Exception):
    """A row that fitted the database when checked did not when written: someone else
    changed the same employees or accounts meanwhile."""


@transaction.atomic
def apply_import(
    rows: Collection[EmployeeRow],
    *,
    full: bool,
    skip_invalid: bool = False,
    keep: Iterable[str] = (),
    today: date | None = None,
    progress: ProgressCallback = _no_progress,
) -> EmployeeReport:
    """Bring the employees in line with the rows, in one transaction.

    `rows` is iterated twice (a list, or a checked file's rows read again from the file), a
    chunk at a time: first every row is checked against the database, then the rows are
    written. `full`: the rows are everyone; active employees not among them (nor in `keep`,
    the personnel numbers of rows skipped as invalid) are marked as left. Rows whose Ressort,
    Dienststelle or e-mail address do not fit the database are errors; with errors nothing
    is written unless `skip_invalid`. Running the same rows twice changes nothing the second
    time. Raises DataChanged when the database changed between the two passes.
    """
    today = today or timezone.localdate()
    total = len(rows)
    organisation = _Organisation.load()
    report = EmployeeReport(outcome=Outcome.IMPORTED)

    checking = _("Checking rows")
    progress(0, total, checking)
    done = 0
    for chunk in _chunks(rows):
        known = _Known.load(chunk, organisation)
        for row in chunk:
            result = _resolve(row, known)
            if isinstance(result, list):
                report.errors.extend(result)
        done += len(chunk)
        progress(done, total, checking)
    if report.errors and not skip_invalid:
        report.outcome = Outcome.REJECTED
        return report

    refused = {error.line for error in report.errors}
    present = set(keep)
    audience_may_grow = False
    writing = _("Writing")
    done = 0
    for chunk in _chunks(rows):
        known = _Known.load(chunk, organisation)
        plan = _Plan()
        for row in chunk:
            present.add(row.personnel_number)
            if row.line in refused:
                continue
            result = _resolve(row, known)
            if isinstance(result, list):
                raise DataChanged(row.line)
            _plan_row(result, known, plan, report, today)
        _write(plan)
        audience_may_grow |= plan.audience_may_grow
        done += len(chunk)
        progress(done, total, writing)
    if full:
        _mark_leavers(present, today, report)
    if audience_may_grow:
        progress(0, None, _("Updating obligations"))
        for obligation in Obligation.objects.filter(active=True):
            sync_statuses(obligation)
    return report


def _chunks(rows: Iterable[EmployeeRow]) -> Iterator[list[EmployeeRow]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, CHUNK_SIZE)):
        yield chunk


def _plan_row(item: _Resolved, known: _Known, plan: _Plan, report: EmployeeReport, today: date):
    row = item.row
    leaves = row.left_on is not None and row.left_on < today
    person = known.people.get(row.personnel_number)
    if person is None:
        _create(item, leaves, plan)
        report.add(Change.CREATED, row.personnel_number)
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
        user_active, change = False, Change.LEFT
    elif not person.active and not leaves:
        user_active, change = True, Change.REACTIVATED
    else:
        change = Change.UPDATED
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
        report.add(Change.UNCHANGED, person.personnel_number)
        return
    report.add(change, person.personnel_number)
    plan.changed_employees.add(employee, employee_fields)
    plan.changed_users.add(user, [*user_fields, *(["username"] if "email" in user_fields else [])])
    moved = {"ressort_id", "dienststelle_id"} & set(employee_fields)
    plan.audience_may_grow |= employee.active and (change == Change.REACTIVATED or bool(moved))


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


def _mark_leavers(present: set[str], today: date, report: EmployeeReport) -> None:
    """Missing from a full export: left today, and the account can no longer sign in. The
    active employees are read in chunks; those who leave are changed in one UPDATE per
    batch."""
    User = get_user_model()
    leaving_ids, locked_user_ids = [], []
    active = Employee.objects.filter(active=True).values_list(
        "pk", "personnel_number", "user_id", "user__is_active"
    )
    for pk, personnel_number, user_id, user_active in active.iterator(chunk_size=CHUNK_SIZE):
        if personnel_number not in present:
            leaving_ids.append(pk)
            if user_active:
                locked_user_ids.append(user_id)
            report.add(Change.LEFT, personnel_number)
    for ids in _batches(leaving_ids):
        Employee.objects.filter(pk__in=ids).update(active=False, left_on=today)
    for ids in _batches(locked_user_ids):
        User.objects.filter(pk__in=ids).update(is_active=False)


def _write(plan: _Plan) -> None:
    User = get_user_model()
    plan.changed_users.write(User)
    User.objects.bulk_create(plan.new_users, batch_size=BATCH_SIZE)
    # bulk_create takes each new employee's user_id from the user saved just before.
    Employee.objects.bulk_create(plan.new_employees, batch_size=BATCH_SIZE)
    plan.changed_employees.write(Employee)


def _batches(items: list, size: int = BATCH_SIZE) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- both steps, as the command and the admin run them ---------------------------------------


def import_employees(
    source: bytes | BinaryIO,
    *,
    full: bool = True,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: ProgressCallback = _no_progress,
) -> EmployeeReport:
    """Read and apply an HR export (a seekable binary file, or bytes); the report says what
    happened (or would, on a dry run).

    A file with errors changes nothing unless `skip_invalid`; a file that cannot be read to
    its end changes nothing in any case. `progress(done, total, stage)` hears how far it got.
    """
    file = io.BytesIO(source) if isinstance(source, bytes) else source
    progress(0, None, _("Reading the file"))
    checked = check_employees(file, progress)
    report = EmployeeReport(
        encoding=checked.encoding, data_rows=checked.data_rows, readable=checked.readable
    )
    if not checked.readable or (checked.errors and not skip_invalid):
        report.errors = checked.errors
        return report
    try:
        with transaction.atomic():
            applied = apply_import(
                checked.rows,
                full=full,
                skip_invalid=skip_invalid,
                keep=checked.personnel_numbers,
                progress=progress,
            )
            if dry_run and applied.outcome == Outcome.IMPORTED:
                applied.outcome = Outcome.DRY_RUN
                transaction.set_rollback(True)
    except (IntegrityError, DataChanged):
        # Another import or an administrator changed the same accounts meanwhile.
        report.errors = [
            RowError(None, _("The data changed while importing. Nothing was changed; try again."))
        ]
        report.readable = False
        return report
    applied.encoding, applied.data_rows = report.encoding, report.data_rows
    applied.errors = sorted([*checked.errors, *applied.errors], key=lambda e: e.line or 0)
    if applied.outcome != Outcome.REJECTED:
        applied.skipped = len({error.line for error in applied.errors})
    return applied
