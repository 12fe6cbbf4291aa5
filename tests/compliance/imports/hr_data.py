"""HR data as the import tests write it: CSV files, employees imported earlier, and what the
import may change."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from compliance.models import Employee
from tests.factories import UserFactory, employee

User = get_user_model()
HEADER = "Personalnummer;Nachname;Vorname;E-Mail;Ressort;Dienststelle;Eintrittsdatum"
ORG_HEADER = "Art;Kürzel;Name;Ressort;Übergeordnet"


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


def org_file(*lines, encoding="utf-8") -> bytes:
    return csv_file(*lines, header=ORG_HEADER, encoding=encoding)


def assert_refused(tmp_path, org, data: bytes, line_number: int, message: str) -> None:
    """The command refuses `data` with `message` at `line_number` and changes nothing, not
    even marking an employee missing from the file as left."""
    existing("9999", org["HMdIS-Z"])  # would be marked as left by a full import
    before = snapshot()

    err = fail(tmp_path, data)

    assert f"Line {line_number}: " in err
    problem = next(text for text in err.splitlines() if text.startswith(f"Line {line_number}: "))
    assert message in problem
    assert snapshot() == before
