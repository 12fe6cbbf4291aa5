"""The employee import: employees and their accounts from the HR system's CSV export.

Two steps, so that a file can be checked before anything is written:

1. `employee_rows.parse_employees(data)` reads the bytes (UTF-8 or Windows-1252,
   `;`-separated, columns found by their header) into `EmployeeRow`s and `RowError`s. Pure:
   no database.
2. `apply_import(rows, full=...)` checks the rows against the organisation and the existing
   accounts, then creates, updates, marks as left and re-activates employees in one
   transaction. It reads everything it compares with up front and writes in bulk, so the
   number of queries does not grow per row.

`import_employees(data, ...)` runs both for the management command and the admin upload, so
that both give the same report. The layout is documented in docs/hr-import.md.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.models import Dienststelle, Employee, Obligation, Ressort
from compliance.services import sync_statuses

from .employee_rows import EmployeeRow, parse_employees
from .reports import Change, EmployeeReport, Outcome
from .table import RowError

BATCH_SIZE = 500
PROGRESS_EVERY = 1000  # rows between two progress calls (the reporters throttle further)

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
    progress: ProgressCallback = _no_progress,
) -> EmployeeReport:
    """Bring the employees in line with the rows, in one transaction.

    `full`: the rows are everyone; active employees not among them (nor in `keep`, the
    personnel numbers of rows skipped as invalid) are marked as left. Rows whose Ressort,
    Dienststelle or e-mail address do not fit the database are errors; with errors nothing
    is written unless `skip_invalid`. Running the same rows twice changes nothing the second
    time.
    """
    today = today or timezone.localdate()
    total = len(rows)
    checking = _("Checking rows")
    progress(0, total, checking)
    known = _Known.load()
    report = EmployeeReport(outcome=Outcome.IMPORTED)
    resolved = []
    for number, row in enumerate(rows, 1):
        if number % PROGRESS_EVERY == 0:
            progress(number, total, checking)
        result = _resolve(row, known)
        if isinstance(result, list):
            report.errors.extend(result)
        else:
            resolved.append(result)
    if report.errors and not skip_invalid:
        report.outcome = Outcome.REJECTED
        return report

    plan = _Plan()
    planning = _("Comparing with the employees")
    for number, item in enumerate(resolved, 1):
        if number % PROGRESS_EVERY == 0:
            progress(number, len(resolved), planning)
        _plan_row(item, known, plan, report, today)
    if full:
        present = {row.personnel_number for row in rows} | set(keep)
        for person in known.people.values():
            if person.active and person.personnel_number not in present:
                _leave(person, plan, report)
    _write(plan, today, progress)
    if plan.audience_may_grow:
        progress(0, None, _("Updating obligations"))
        for obligation in Obligation.objects.filter(active=True):
            sync_statuses(obligation)
    return report


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


def _leave(person: _Person, plan: _Plan, report: EmployeeReport) -> None:
    """Missing from a full export: left today, and the account can no longer sign in."""
    plan.leaving_employee_ids.append(person.employee_id)
    if person.user_active:
        plan.locked_user_ids.append(person.user_id)
    report.add(Change.LEFT, person.personnel_number)


def _write(plan: _Plan, today: date, progress: ProgressCallback = _no_progress) -> None:
    User = get_user_model()
    writing = _("Writing")
    plan.changed_users.write(User)
    # In batches of a few thousand, so that the progress moves: bulk_create itself splits
    # each into BATCH_SIZE inserts.
    new_total = len(plan.new_users) + len(plan.new_employees)
    written = 0
    for users in _batches(plan.new_users, BATCH_SIZE * 10):
        User.objects.bulk_create(users, batch_size=BATCH_SIZE)
        written += len(users)
        progress(written, new_total, writing)
    # bulk_create takes each new employee's user_id from the user saved just before.
    for employees in _batches(plan.new_employees, BATCH_SIZE * 10):
        Employee.objects.bulk_create(employees, batch_size=BATCH_SIZE)
        written += len(employees)
        progress(written, new_total, writing)
    plan.changed_employees.write(Employee)
    for ids in _batches(plan.leaving_employee_ids):
        Employee.objects.filter(pk__in=ids).update(active=False, left_on=today)
    for ids in _batches(plan.locked_user_ids):
        User.objects.filter(pk__in=ids).update(is_active=False)


def _batches(items: list, size: int = BATCH_SIZE) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- both steps, as the command and the admin run them ---------------------------------------


def import_employees(
    data: bytes,
    *,
    full: bool = True,
    dry_run: bool = False,
    skip_invalid: bool = False,
    progress: ProgressCallback = _no_progress,
) -> EmployeeReport:
    """Read and apply an HR export; the report says what happened (or would, on a dry run).

    A file with errors changes nothing unless `skip_invalid`; a file that cannot be read to
    its end changes nothing in any case. `progress(done, total, stage)` hears how far it got.
    """
    progress(0, None, _("Reading the file"))
    parsed = parse_employees(data, progress)
    report = EmployeeReport(
        encoding=parsed.encoding, data_rows=parsed.data_rows, readable=parsed.readable
    )
    if not parsed.readable or (parsed.errors and not skip_invalid):
        report.errors = parsed.errors
        return report
    try:
        with transaction.atomic():
            applied = apply_import(
                parsed.rows,
                full=full,
                skip_invalid=skip_invalid,
                keep=parsed.personnel_numbers,
                progress=progress,
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
