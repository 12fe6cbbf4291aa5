"""The rows of an HR export and what is wrong with them on their own
(compliance.imports.employee_rows)."""

import pytest

from compliance.imports.employees import import_employees
from compliance.imports.reports import Outcome
from compliance.models import Employee
from tests.compliance.imports.hr_data import (
    HEADER,
    assert_refused,
    csv_file,
    line,
)

pytestmark = pytest.mark.django_db

ROW_ERRORS = {
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


@pytest.mark.parametrize("data,line_number,message", ROW_ERRORS.values(), ids=ROW_ERRORS.keys())
def test_a_bad_row_is_refused_with_line_and_reason_and_nothing_written(
    tmp_path, org, data, line_number, message
):
    assert_refused(tmp_path, org, data, line_number, message)


def test_every_bad_row_of_a_file_is_reported_at_once(org):
    data = csv_file(line("1001", entry="x"), line("1002", email="y", office="Q"), line("1003"))
    report = import_employees(data)
    assert report.outcome == Outcome.REJECTED
    assert [(e.line, e.message[:20]) for e in report.errors] == [
        (2, "“Eintrittsdatum”: “x"),
        (3, "“y” is not a valid e"),
    ]
    assert not Employee.objects.exists()
