"""The HR import: employees and accounts from HR's CSV export, by command and admin upload."""

import datetime
import re
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from compliance.imports.employees import Outcome, import_employees, parse_employees
from compliance.models import Dienststelle, Employee, ObligationStatus, Ressort
from tests.factories import (
    UserFactory,
    dienststelle,
    employee,
    obligation,
    ressort,
    sign_in_with_mfa,
)

pytestmark = pytest.mark.django_db

User = get_user_model()
DATA = Path(__file__).parent / "data"
HEADER = "Personalnummer;Nachname;Vorname;E-Mail;Ressort;Dienststelle;Eintrittsdatum"
TODAY = timezone.localdate()


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in their English source text, whatever the German catalogue says."""
    with translation.override("en"):
        yield


@pytest.fixture
def org():
    """Two Ressorts; HMdIS-Z1 is an office below HMdIS-Z."""
    innern = ressort("HMdIS", "Ministerium des Innern")
    finanzen = ressort("HMdF", "Ministerium der Finanzen")
    central = dienststelle("HMdIS-Z", of=innern)
    return {
        "HMdIS": innern,
        "HMdF": finanzen,
        "HMdIS-Z": central,
        "HMdIS-Z1": dienststelle("HMdIS-Z1", parent=central, name="Referat Z1"),
        "HMdF-OFD": dienststelle("HMdF-OFD", of=finanzen, name="Oberfinanzdirektion"),
    }


def line(
    number="1001",
    last="Muster",
    first="Erika",
    email=None,
    ressort_code="HMdIS",
    office="HMdIS-Z",
    entry="01.04.2020",
    left=None,
):
    cells = [number, last, first, email or f"p{number}@example.org", ressort_code, office, entry]
    if left is not None:
        cells.append(left)
    return ";".join(cells)


def csv_file(*lines, header=HEADER, encoding="utf-8") -> bytes:
    return ("\n".join([header, *lines]) + "\n").encode(encoding)


def run(tmp_path, data: bytes, *options, verbosity=1):
    """Run the command on `data`; return (stdout, stderr)."""
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    out, err = StringIO(), StringIO()
    call_command(
        "import_employees", str(path), *options, stdout=out, stderr=err, verbosity=verbosity
    )
    return out.getvalue(), err.getvalue()


def fail(tmp_path, data: bytes, *options) -> str:
    """Run the command expecting it to refuse the file; return what it wrote to stderr."""
    path = tmp_path / "export.csv"
    path.write_bytes(data)
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_employees", str(path), *options, stdout=StringIO(), stderr=err)
    return err.getvalue()


def snapshot():
    """Everything the import may change, to show that a run changed nothing."""
    return (
        sorted(Employee.objects.values_list(*[f.attname for f in Employee._meta.concrete_fields])),
        sorted(
            User.objects.values_list(
                "pk", "email", "username", "first_name", "last_name", "is_active"
            )
        ),
    )


def existing(number, office, **fields):
    """An employee imported earlier, with an account of the address the lines above use."""
    user = UserFactory(email=f"p{number}@example.org", first_name="Erika", last_name="Muster")
    person = employee(user=user, office=office, number=number, entry_date=datetime.date(2020, 4, 1))
    Employee.objects.filter(pk=person.pk).update(**fields)
    person.refresh_from_db()
    return person


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


# --- bad input: a precise message with the line number, and nothing written --------------------

BAD_FILES = {
    "empty-file": (b"", 1, "The file is empty."),
    "header-only": (csv_file(), 2, "no data rows"),
    "missing-column": (
        csv_file(
            "1001;Muster;Erika;HMdIS;HMdIS-Z;01.04.2020", header=HEADER.replace(";E-Mail", "")
        ),
        1,
        "Missing columns: E-Mail.",
    ),
    "comma-separated": (
        csv_file(line().replace(";", ","), header=HEADER.replace(";", ",")),
        1,
        "separated by semicolons",
    ),
    "misspelt-column": (
        csv_file(line("1001", left=""), header=HEADER + ";Austritsdatum"),
        1,
        "Unknown columns: Austritsdatum.",
    ),
    "duplicate-column": (
        csv_file(line("1001", left="x"), header=HEADER + ";nachname"),
        1,
        "Column “Nachname” appears more than once.",
    ),
    "too-few-fields": (
        csv_file(line("1001"), "1002;Muster;Erika;HMdIS;HMdIS-Z;01.04.2020"),
        3,
        "Expected 7 fields separated by semicolons, found 6.",
    ),
    "too-many-fields": (csv_file(line("1001"), line("1002") + ";x"), 3, "found 8"),
    "text-after-quotes": (
        csv_file(line("1001"), line("1002", last='"Mül"ler')),
        3,
        "must be followed directly by a semicolon",
    ),
    "unclosed-quote": (
        csv_file(line("1001"), line("1002", last='"Müller'), line("1003")),
        3,
        "never closed",
    ),
    "undecodable-byte": (
        csv_file(line("1001")) + line("1002", last="M\x81ller").encode("latin-1") + b"\n",
        3,
        "0x81",
    ),
    "mixed-encodings": (
        csv_file(line("1001", last="Müller")) + line("1002", last="Jäger").encode("cp1252"),
        3,
        "not valid UTF-8",
    ),
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
    "duplicate-personnel-number": (
        csv_file(line("1001"), line("1001", email="other@example.org")),
        3,
        "“1001” appears more than once in column “Personalnummer” (lines 2, 3).",
    ),
    "duplicate-email-in-file": (
        csv_file(line("1001", email="a@example.org"), line("1002", email="A@Example.org")),
        3,
        "in column “E-Mail” (lines 2, 3)",
    ),
    "email-of-another-employee": (
        csv_file(line("1001"), line("1002", email="p9999@example.org")),
        3,
        "The e-mail address “p9999@example.org” belongs to personnel number “9999”.",
    ),
    "impossible-date": (
        csv_file(line("1001"), line("1002", entry="31.02.2020")),
        3,
        "“Eintrittsdatum”: “31.02.2020” is not a date",
    ),
    "two-digit-year": (csv_file(line("1001"), line("1002", entry="01.04.20")), 3, "is not a date"),
    "left-before-entry": (
        csv_file(
            line("1001", left=""),
            line("1002", left="01.01.2019"),
            header=HEADER + ";Austrittsdatum",
        ),
        3,
        "“Austrittsdatum” is before “Eintrittsdatum”.",
    ),
    "invalid-email": (
        csv_file(line("1001"), line("1002", email="erika.example.org")),
        3,
        "“erika.example.org” is not a valid e-mail address.",
    ),
    "empty-last-name": (csv_file(line("1001"), line("1002", last="")), 3, "“Nachname” is empty."),
    "control-character": (
        csv_file(line("1001"), line("1002", last="Mu\x00ster")),
        3,
        "control character",
    ),
    "personnel-number-too-long": (
        csv_file(line("1001"), line("1" * 33)),
        3,
        "“Personalnummer” is longer than 32 characters.",
    ),
}


@pytest.mark.parametrize("data,line_number,message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_refused_with_line_and_reason_and_nothing_written(
    tmp_path, org, data, line_number, message
):
    existing("9999", org["HMdIS-Z"])  # would be marked as left by a full import
    before = snapshot()

    err = fail(tmp_path, data)

    assert f"Line {line_number}: " in err
    problem = next(text for text in err.splitlines() if text.startswith(f"Line {line_number}: "))
    assert message in problem
    assert snapshot() == before


def test_every_bad_row_of_a_file_is_reported_at_once(org):
    data = csv_file(line("1001", entry="x"), line("1002", email="y", office="Q"), line("1003"))
    report = import_employees(data)
    assert report.outcome == Outcome.REJECTED
    assert [(e.line, e.message[:20]) for e in report.errors] == [
        (2, "“Eintrittsdatum”: “x"),
        (3, "“y” is not a valid e"),
    ]
    assert not Employee.objects.exists()


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


def test_skip_invalid_does_not_import_a_file_that_cannot_be_read_to_its_end(tmp_path, org):
    existing("9999", org["HMdIS-Z"])
    before = snapshot()
    data = csv_file(line("1001"), line("1002", last='"Müller'), line("1003"))

    err = fail(tmp_path, data, "--skip-invalid")

    assert "Line 3: " in err
    assert snapshot() == before


def test_a_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_employees", str(tmp_path / "nope.csv"), stderr=StringIO())


def test_parsing_counts_lines_as_a_spreadsheet_shows_them():
    data = csv_file(
        line("1001"),
        "",
        '1002;"Muster\nZweizeilig";Erika;x;HMdIS;Z;01.04.2020',
        line("1003", entry="?"),
    )
    parsed = parse_employees(data)
    assert [row.line for row in parsed.rows] == [2]
    # Row 3 is blank; row 4 spans two lines of text (a line break in quotes) but is one row.
    assert {error.line for error in parsed.errors} == {4, 5}
    assert parsed.personnel_numbers == {"1001", "1002", "1003"}


def test_rows_before_broken_quoting_are_still_checked():
    data = csv_file(line("1001", entry="?"), line("1002", last='"Müller'), line("1003"))
    parsed = parse_employees(data)
    assert not parsed.readable
    assert [error.line for error in parsed.errors] == [2, 3]


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


# --- the admin upload --------------------------------------------------------------------------


def upload(data: bytes, **options):
    return {"file": SimpleUploadedFile("export.csv", data, content_type="text/csv"), **options}


URL = reverse("compliance_import_employees")


def test_the_upload_page_offers_the_form_with_dry_run_ticked(admin_client):
    response = admin_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'for="id_file"' in page and 'type="file"' in page
    assert re.search(r'<input type="checkbox" name="dry_run"[^>]*checked', page)
    assert not re.search(r'<input type="checkbox" name="partial"[^>]*checked', page)
    assert URL in admin_client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_ordinary_user_cannot_open_the_upload_page(learner_client):
    response = learner_client.get(URL)
    assert response.status_code in (302, 403)
    assert learner_client.post(URL, upload(csv_file(line()))).status_code in (302, 403)
    assert not Employee.objects.exists()


def test_an_editor_without_the_permission_neither_sees_nor_opens_it(client):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_with_mfa(client, editor)
    assert client.get(URL).status_code in (302, 403)
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()

    editor.user_permissions.add(Permission.objects.get(codename="add_employee"))
    assert client.get(URL).status_code == 200


def test_uploading_with_dry_run_shows_the_report_and_changes_nothing(admin_client, org):
    response = admin_client.post(URL, upload(csv_file(line("1001"), line("1002")), dry_run="on"))

    assert response.status_code == 200
    report = response.context["report"]
    assert (report.outcome, report.created) == (Outcome.DRY_RUN, 2)
    assert 'data-count="created"' in response.content.decode()
    assert not Employee.objects.exists()


def test_uploading_without_dry_run_imports(admin_client, org):
    response = admin_client.post(URL, upload(csv_file(line("1001"))))
    assert response.context["report"].outcome == Outcome.IMPORTED
    assert Employee.objects.filter(personnel_number="1001").exists()


def test_an_upload_with_errors_lists_them_by_line_and_changes_nothing(admin_client, org):
    data = csv_file(line("1001"), line("1002", entry="31.02.2020"))

    response = admin_client.post(URL, upload(data))

    assert response.status_code == 200
    assert response.context["report"].outcome == Outcome.REJECTED
    page = response.content.decode()
    assert 'data-line="3"' in page and "31.02.2020" in page
    assert not Employee.objects.exists()


def test_upload_options_partial_and_skip_invalid_are_passed_on(admin_client, org):
    other = existing("9999", org["HMdIS-Z"])
    data = csv_file(line("1001"), line("1002", entry="x"))

    response = admin_client.post(URL, upload(data, partial="on", skip_invalid="on"))

    report = response.context["report"]
    assert (report.outcome, report.created, report.skipped, report.left) == (
        Outcome.IMPORTED,
        1,
        1,
        0,
    )
    other.refresh_from_db()
    assert other.active


def test_an_upload_without_file_explains_the_error_at_the_field(admin_client):
    response = admin_client.post(URL, {"dry_run": "on"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'aria-invalid="true"' in page
    assert 'aria-describedby="id_file_helptext id_file_error"' in page
    assert 'id="id_file_error"' in page and 'href="#id_file"' in page


# --- the organisation --------------------------------------------------------------------------

ORG_HEADER = "Art;Kürzel;Name;Ressort;Übergeordnet"


def org_file(*lines, encoding="utf-8") -> bytes:
    return csv_file(*lines, header=ORG_HEADER, encoding=encoding)


def run_org(tmp_path, data: bytes, *options) -> str:
    path = tmp_path / "organisation.csv"
    path.write_bytes(data)
    out = StringIO()
    call_command("import_organisation", str(path), *options, stdout=out, stderr=StringIO())
    return out.getvalue()


def tree():
    """(code, Ressort code, parent code, name) of every Dienststelle."""
    return sorted(
        (
            node.code,
            node.ressort.code,
            parent.code if (parent := node.get_parent()) else None,
            node.name,
        )
        for node in Dienststelle.objects.select_related("ressort")
    )


def test_an_organisation_file_creates_ressorts_and_nested_dienststellen(tmp_path):
    data = org_file(
        "Dienststelle;HMdIS-Z1;Referat Z 1;HMdIS;HMdIS-Z",  # before its parent
        "Ressort;HMdIS;Hessisches Ministerium des Innern und für Sport;;",
        "Dienststelle;HMdIS-Z;Zentralabteilung;HMdIS;",
        "Dienststelle;HMdIS-Z1a;Sachgebiet Z 1a;hmdis;hmdis-z1",
        encoding="cp1252",
    )

    out = run_org(tmp_path, data)

    assert "created: 4" in out
    assert tree() == [
        ("HMdIS-Z", "HMdIS", None, "Zentralabteilung"),
        ("HMdIS-Z1", "HMdIS", "HMdIS-Z", "Referat Z 1"),
        ("HMdIS-Z1a", "HMdIS", "HMdIS-Z1", "Sachgebiet Z 1a"),
    ]


def test_importing_the_organisation_twice_changes_nothing(tmp_path, org):
    data = org_file(
        "Ressort;HMdIS;Ministerium des Innern;;",
        "Dienststelle;HMdIS-Z;Zentralabteilung;HMdIS;",
        "Dienststelle;HMdIS-Z1;Referat Z1;HMdIS;HMdIS-Z",
    )
    before = tree()
    out = run_org(tmp_path, data)
    assert "unchanged: 3" in out and "created: 0" in out
    assert tree() == before


def test_the_organisation_import_renames_and_moves_within_the_ressort(tmp_path, org):
    person = existing("1001", org["HMdIS-Z1"])
    data = org_file(
        "Dienststelle;HMdIS-Z1;Stabsstelle Z1;HMdIS;",  # to the top level, renamed
        "Dienststelle;HMdIS-Z2;Referat Z2;HMdIS;HMdIS-Z1",
    )

    out = run_org(tmp_path, data)

    assert "created: 1" in out and "updated: 1" in out
    assert ("HMdIS-Z1", "HMdIS", None, "Stabsstelle Z1") in tree()
    assert ("HMdIS-Z2", "HMdIS", "HMdIS-Z1", "Referat Z2") in tree()
    assert ("HMdIS-Z", "HMdIS", None, "Zentralabteilung") in tree()  # not in the file: kept
    person.refresh_from_db()
    assert person.dienststelle.code == "HMdIS-Z1"


def test_an_organisation_dry_run_changes_nothing(tmp_path, org):
    before = tree()
    out = run_org(tmp_path, org_file("Dienststelle;HMdIS-Z9;Neu;HMdIS;HMdIS-Z1"), "--dry-run")
    assert "Dry run" in out and "created: 1" in out
    assert tree() == before


BAD_ORGANISATION_FILES = {
    "missing-column": (
        csv_file("Ressort;HMdJ;Justiz;", header="Art;Kürzel;Name;Übergeordnet"),
        1,
        "Missing columns: Ressort.",
    ),
    "unknown-kind": (org_file("Ressort;HMdJ;Justiz;;", "Amt;X;Y;HMdJ;"), 3, "“Art” must be"),
    "unknown-ressort": (
        org_file("Ressort;HMdJ;Justiz;;", "Dienststelle;X;Y;HMdQ;"),
        3,
        "Unknown Ressort “HMdQ”.",
    ),
    "unknown-parent": (
        org_file("Ressort;HMdJ;Justiz;;", "Dienststelle;X;Y;HMdJ;NOPE"),
        3,
        "Unknown parent Dienststelle “NOPE”.",
    ),
    "parent-of-another-ressort": (
        org_file("Ressort;HMdJ;Justiz;;", "Dienststelle;X;Y;HMdJ;HMdF-OFD"),
        3,
        "“HMdF-OFD” belongs to another Ressort.",
    ),
    "cycle": (
        org_file("Dienststelle;A;A;HMdIS;B", "Dienststelle;B;B;HMdIS;A"),
        2,
        "would be placed below itself",
    ),
    "below-its-own-child": (
        org_file("Dienststelle;HMdIS-Z;Zentral;HMdIS;HMdIS-Z1"),
        2,
        "“HMdIS-Z” would be placed below itself",
    ),
    "another-ressort-for-an-existing-office": (
        org_file("Ressort;HMdJ;Justiz;;", "Dienststelle;HMdIS-Z1;Z1;HMdF;"),
        3,
        "does not move a Dienststelle to another Ressort",
    ),
    "duplicate-code": (
        org_file("Dienststelle;X;Eins;HMdIS;", "Dienststelle;x;Zwei;HMdIS;"),
        3,
        "appears more than once in column “Kürzel” (lines 2, 3)",
    ),
    "ressort-with-parent": (org_file("Ressort;HMdJ;Justiz;HMdIS;"), 2, "Leave “Ressort”"),
    "ressort-code-too-long": (org_file("Ressort;" + "R" * 21 + ";Justiz;;"), 2, "at most 20"),
    "empty-name": (org_file("Dienststelle;X;;HMdIS;"), 2, "“Name” is empty."),
}


@pytest.mark.parametrize(
    "data,line_number,message", BAD_ORGANISATION_FILES.values(), ids=BAD_ORGANISATION_FILES.keys()
)
def test_a_bad_organisation_file_is_refused_with_line_and_reason(
    tmp_path, org, data, line_number, message
):
    before = (tree(), sorted(Ressort.objects.values_list("code", "name")))
    path = tmp_path / "organisation.csv"
    path.write_bytes(data)
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("import_organisation", str(path), stdout=StringIO(), stderr=err)

    problem = next(t for t in err.getvalue().splitlines() if t.startswith(f"Line {line_number}: "))
    assert message in problem
    assert (tree(), sorted(Ressort.objects.values_list("code", "name"))) == before
