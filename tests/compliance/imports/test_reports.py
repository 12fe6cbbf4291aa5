"""The import reports and their counters (compliance.imports.reports)."""

import pytest

from compliance.imports.reports import Change, EmployeeReport, OrganisationReport


def test_an_employee_report_counts_each_change_and_names_who_leaves_and_returns():
    report = EmployeeReport()
    for change, number in [
        (Change.CREATED, "1"),
        (Change.UPDATED, "2"),
        (Change.UNCHANGED, "3"),
        (Change.LEFT, "4"),
        (Change.LEFT, "5"),
        (Change.REACTIVATED, "6"),
    ]:
        report.add(change, number)

    assert {key: number for key, _label, number in report.counts()} == {
        "created": 1,
        "updated": 1,
        "unchanged": 1,
        "left": 2,
        "reactivated": 1,
        "skipped": 0,
    }
    assert report.left_personnel_numbers == ["4", "5"]
    assert report.reactivated_personnel_numbers == ["6"]


def test_an_organisation_report_counts_only_what_an_organisation_import_does():
    report = OrganisationReport()
    report.add(Change.CREATED)
    report.add(Change.UNCHANGED)

    assert [(key, number) for key, _label, number in report.counts()] == [
        ("created", 1),
        ("updated", 0),
        ("unchanged", 1),
    ]
    with pytest.raises(ValueError):
        report.add(Change.LEFT)
