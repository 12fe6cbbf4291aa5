"""The employee import: employees and accounts from HR's CSV export, by the command
(compliance.imports.employees)."""

import datetime
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from compliance.imports import employees
from compliance.imports.employees import import_employees
from compliance.imports.reports import Outcome
from compliance.models import Employee, ObligationStatus
from tests.clock import pin_clock
from tests.compliance.imports.hr_data import (
    HEADER,
    User,
    assert_refused,
    csv_file,
    existing,
    line,
    run,
    snapshot,
)
from tests.factories import UserFactory, obligation

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
NOW = timezone.now()
TODAY = timezone.localdate(NOW)


@pytest.fixture(autouse=True)
def _clock_on_today(monkeypatch):
    pin_clock(monkeypatch, NOW)


# --- creating, updating, leaving ---------------------------------------------------------------


def test_a_new_employee_gets_an_account_without_password(tmp_path, org):
    out, err = run(
        tmp_path, csv_file(line("1001", last="Müller", first="Erika", office="HMdIS-Z1"))
    )

    person = Employee.objects.select_related("user").get(personnel_number="1001")
    assert (person.ressort, person.dienststelle) == (org["HMdIS"], org["HMdIS-Z1"])
    assert person.entry_date == datetime.date(2020, 4, 1)
    assert person.active and person.left_on is None
    user = person.user
    assert (user.email, user.username) == ("p1001@example.org", "p1001@example.org")
    assert (user.first_name, user.last_name) == ("Erika", "Müller")
    assert user.is_active and not user.has_usable_password()
    assert "created: 1" in out and err == ""


def test_new_employees_get_a_status_for_each_active_obligation(tmp_path, org):
    duty = obligation()
    import_employees(csv_file(line("1001"), line("1002")))
    assert ObligationStatus.objects.filter(obligation=duty).count() == 2


def test_a_changed_row_updates_employee_and_account(tmp_path, org):
    person = existing("1001", org["HMdIS-Z"])
    row = line("1001", last="Schmidt", email="e.schmidt@example.org", office="HMdIS-Z1")

    report = import_employees(csv_file(row), full=False)

    assert (report.updated, report.created) == (1, 0)
    person.refresh_from_db()
    person.user.refresh_from_db()
    assert person.dienststelle == org["HMdIS-Z1"]
    assert person.user.email == person.user.username == "e.schmidt@example.org"
    assert person.user.last_name == "Schmidt"


def test_a_full_export_marks_missing_employees_as_left_and_locks_them_out(tmp_path, org):
    staying = existing("1001", org["HMdIS-Z"])
    leaving = existing("1002", org["HMdIS-Z"])

    out, _err = run(tmp_path, csv_file(line("1001")), verbosity=2)

    leaving.refresh_from_db()
    leaving.user.refresh_from_db()
    assert not leaving.active and leaving.left_on == TODAY
    assert not leaving.user.is_active
    staying.refresh_from_db()
    assert staying.active and staying.user.is_active
    assert "marked as left: 1" in out and "Marked as left: 1002" in out


def test_a_partial_file_leaves_employees_missing_from_it_alone(tmp_path, org):
    other = existing("1002", org["HMdIS-Z"])

    run(tmp_path, csv_file(line("1001")), "--partial")

    other.refresh_from_db()
    assert other.active and other.user.is_active
    assert Employee.objects.filter(personnel_number="1001", active=True).exists()


def test_a_past_austrittsdatum_marks_the_employee_as_left_a_future_one_not_yet(tmp_path, org):
    leaving = existing("1001", org["HMdIS-Z"])
    staying = existing("1002", org["HMdIS-Z"])
    past = (TODAY - datetime.timedelta(days=3)).strftime("%d.%m.%Y")
    future = (TODAY + datetime.timedelta(days=30)).strftime("%d.%m.%Y")
    header = HEADER + ";Austrittsdatum"

    report = import_employees(
        csv_file(line("1001", left=past), line("1002", left=future), header=header)
    )

    assert (report.left, report.unchanged) == (1, 1)
    leaving.refresh_from_db()
    leaving.user.refresh_from_db()
    assert not leaving.active and leaving.left_on == TODAY - datetime.timedelta(days=3)
    assert not leaving.user.is_active
    staying.refresh_from_db()
    assert staying.active and staying.left_on is None


def test_a_left_employee_in_the_file_again_is_reactivated_with_their_account(tmp_path, org):
    returning = existing("1001", org["HMdIS-Z"], active=False, left_on=datetime.date(2023, 1, 31))
    User.objects.filter(pk=returning.user_id).update(is_active=False)
    duty = obligation()
    assert not ObligationStatus.objects.filter(employee=returning).exists()

    report = import_employees(csv_file(line("1001")))

    assert report.reactivated == 1 and report.reactivated_personnel_numbers == ["1001"]
    returning.refresh_from_db()
    returning.user.refresh_from_db()
    assert returning.active and returning.left_on is None and returning.user.is_active
    assert ObligationStatus.objects.filter(employee=returning, obligation=duty).exists()


def test_an_account_of_the_same_address_without_employee_is_linked_not_duplicated(org):
    editor = UserFactory(email="p1001@example.org", first_name="E.", last_name="M.")

    report = import_employees(csv_file(line("1001")))

    assert report.created == 1
    assert Employee.objects.get(personnel_number="1001").user == editor
    editor.refresh_from_db()
    assert (editor.first_name, editor.last_name) == ("Erika", "Muster")
    assert editor.has_usable_password()  # their password stays
    assert import_employees(csv_file(line("1001"))).unchanged == 1


def test_importing_the_same_file_twice_changes_nothing_the_second_time(tmp_path, org):
    existing("2001", org["HMdIS-Z"])  # will leave
    existing("2002", org["HMdIS-Z"], active=False, left_on=datetime.date(2023, 1, 31))
    header = HEADER + ";Austrittsdatum"
    data = csv_file(
        line("1001", left=""),
        line("1002", office="HMdIS-Z1", left="31.12.2021"),
        line("2002", left=""),
        line("1003", ressort_code="HMdF", office="HMdF-OFD", left=""),
        header=header,
    )
    first = import_employees(data)
    assert (first.created, first.left, first.reactivated) == (3, 1, 1)
    before = snapshot()

    second = import_employees(data)

    assert (second.created, second.updated, second.left, second.reactivated) == (0, 0, 0, 0)
    assert second.unchanged == 4
    assert snapshot() == before


def test_a_dry_run_reports_what_would_change_and_changes_nothing(tmp_path, org):
    existing("1002", org["HMdIS-Z"])
    before = snapshot()

    out, _err = run(tmp_path, csv_file(line("1001")), "--dry-run")

    assert snapshot() == before
    assert "Dry run" in out
    assert "created: 1" in out and "marked as left: 1" in out


def test_verbosity_zero_prints_nothing(tmp_path, org):
    out, err = run(tmp_path, csv_file(line("1001")), verbosity=0)
    assert (out, err) == ("", "")
    assert Employee.objects.filter(personnel_number="1001").exists()


def test_a_windows_1252_export_with_umlauts_and_crlf_is_read(tmp_path, org):
    out, _err = run(tmp_path, (DATA / "hr_export_windows1252.csv").read_bytes())

    assert "Windows-1252" in out
    jaeger = Employee.objects.get(personnel_number="100201").user
    assert (jaeger.first_name, jaeger.last_name) == ("Jürgen", "Jäger")
    assert User.objects.get(email="baerbel.weiss@example.org").last_name == "Weiß"
    assert Employee.objects.get(personnel_number="100203").user.last_name == "Öztürk; geb. Groß"


def test_a_utf8_export_with_bom_iso_dates_and_other_column_order_is_read(org):
    report = import_employees((DATA / "hr_export_utf8_bom.csv").read_bytes())

    assert (report.outcome, report.encoding, report.created) == (Outcome.IMPORTED, "UTF-8", 2)
    koenig = Employee.objects.select_related("user").get(personnel_number="100302")
    assert (koenig.user.first_name, koenig.user.last_name) == ("Änne", "König")
    assert koenig.dienststelle == org["HMdF-OFD"]
    assert koenig.entry_date == datetime.date(2018, 11, 30)


# --- rows that do not fit the database: a precise message with the line number, and nothing written

DATABASE_ERRORS = {
    "unknown-ressort": (
        csv_file(line("1001"), line("1002", ressort_code="HMdX")),
        3,
        "Unknown Ressort “HMdX”.",
    ),
    "unknown-dienststelle": (
        csv_file(line("1001"), line("1002", office="HMdIS-Q")),
        3,
        "Unknown Dienststelle “HMdIS-Q”.",
    ),
    "dienststelle-of-another-ressort": (
        csv_file(line("1001"), line("1002", ressort_code="HMdIS", office="HMdF-OFD")),
        3,
        "Dienststelle “HMdF-OFD” belongs to Ressort “HMdF”, not “HMdIS”.",
    ),
    "email-of-another-employee": (
        csv_file(line("1001"), line("1002", email="p9999@example.org")),
        3,
        "The e-mail address “p9999@example.org” belongs to personnel number “9999”.",
    ),
}


@pytest.mark.parametrize(
    "data,line_number,message", DATABASE_ERRORS.values(), ids=DATABASE_ERRORS.keys()
)
def test_a_row_that_does_not_fit_the_database_is_refused_and_nothing_written(
    tmp_path, org, data, line_number, message
):
    assert_refused(tmp_path, org, data, line_number, message)


def test_skip_invalid_imports_the_good_rows_and_keeps_employees_of_bad_rows(tmp_path, org):
    unreadable_row = existing("1002", org["HMdIS-Z"])
    missing = existing("1003", org["HMdIS-Z"])
    data = csv_file(line("1001"), line("1002", entry="31.02.2020"), line("1004", office="HMdIS-Q"))

    out, err = run(tmp_path, data, "--skip-invalid")

    assert "Line 3: " in err and "Line 4: " in err
    assert "rows skipped because of errors: 2" in out
    assert Employee.objects.filter(personnel_number="1001").exists()
    assert not Employee.objects.filter(personnel_number="1004").exists()
    unreadable_row.refresh_from_db()
    assert unreadable_row.active  # in the file, though its row was skipped
    missing.refresh_from_db()
    assert not missing.active


def test_a_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_employees", str(tmp_path / "nope.csv"), stderr=StringIO())


# --- many rows ---------------------------------------------------------------------------------


def many(count, **changes):
    offices = ["HMdIS-Z", "HMdIS-Z1"]
    return csv_file(*(line(str(10000 + n), office=offices[n % 2], **changes) for n in range(count)))


def test_importing_200_rows_takes_a_bounded_number_of_queries(org, django_assert_max_num_queries):
    obligation()
    with django_assert_max_num_queries(25):
        report = import_employees(many(200))
    assert report.created == 200
    assert ObligationStatus.objects.count() == 200

    with django_assert_max_num_queries(25):
        report = import_employees(many(200, last="Neu"))
    assert report.updated == 200

    with django_assert_max_num_queries(25):
        report = import_employees(csv_file(line("1")))
    assert report.left == 200


# --- chunks: the file is checked whole before any chunk is written ---------------------------


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(employees, "CHUNK_SIZE", 3)


def test_a_bad_row_in_the_last_chunk_refuses_the_whole_file(tmp_path, org, small_chunks):
    rows = [line(str(1000 + n)) for n in range(10)]
    assert_refused(tmp_path, org, csv_file(*rows, line("2000", office="HMdIS-Q")), 12, "HMdIS-Q")


def test_rows_in_many_chunks_are_created_updated_and_leavers_marked(tmp_path, org, small_chunks):
    gone = existing("9999", org["HMdIS-Z"])
    existing("1003", org["HMdIS-Z"])
    rows = [line(str(1000 + n), office="HMdIS-Z1" if n == 3 else "HMdIS-Z") for n in range(10)]

    report = import_employees(csv_file(*rows))

    assert (report.created, report.updated, report.left) == (9, 1, 1)
    assert report.left_personnel_numbers == ["9999"]
    assert Employee.objects.get(personnel_number="1003").dienststelle == org["HMdIS-Z1"]
    gone.refresh_from_db()
    assert not gone.active and not gone.user.is_active


def test_skip_invalid_skips_bad_rows_of_any_chunk_and_keeps_their_employees(org, small_chunks):
    kept = existing("1007", org["HMdIS-Z"])
    rows = [line(str(1000 + n)) for n in range(10)]
    rows[7] = line("1007", office="HMdIS-Q")

    report = import_employees(csv_file(*rows), skip_invalid=True)

    assert (report.created, report.skipped, report.left) == (9, 1, 0)
    assert [error.line for error in report.errors] == [9]
    kept.refresh_from_db()
    assert kept.active and kept.dienststelle == org["HMdIS-Z"]


def test_a_row_the_database_refuses_only_when_written_rolls_everything_back(
    monkeypatch, org, small_chunks
):
    """Someone changed the same accounts between the check and the write: nothing is kept,
    and the report says to try again."""
    existing("9999", org["HMdIS-Z"])
    before = snapshot()
    resolve, calls = employees._resolve, []

    def changes_meanwhile(row, known):
        calls.append(row.line)
        if calls.count(row.line) == 2 and row.line == 9:
            return [employees.RowError(row.line, "taken meanwhile")]
        return resolve(row, known)

    monkeypatch.setattr(employees, "_resolve", changes_meanwhile)

    report = import_employees(csv_file(*(line(str(1000 + n)) for n in range(10))))

    assert report.outcome == Outcome.REJECTED
    assert [str(error) for error in report.errors] == [
        "The data changed while importing. Nothing was changed; try again."
    ]
    assert snapshot() == before
