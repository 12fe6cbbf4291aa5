"""XLSX exports: typed cells, German headers, number formats, frozen header, autofilter."""

import datetime

import pytest
from django.http import FileResponse
from django.urls import reverse
from django.utils import timezone, translation

from compliance.models import ReportAccess
from compliance.reports.scopes import Role
from compliance.services import sync_statuses
from tests.compliance.reports.org import attend, build_org, staff, user_with
from tests.compliance.reports.spreadsheets import body, workbook, xlsx_rows
from tests.compliance.reports.test_csv_export import FIGURE_COLUMNS_DE, OVERDUE_COLUMNS_DE
from tests.factories import sign_in_with_mfa

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def org(home):
    return build_org(home)


@pytest.fixture
def ciso_client(client, org):
    sign_in_with_mfa(client, user_with(Role.CISO))
    return client


def test_figures_xlsx_has_german_headers_typed_cells_and_an_autofilter(ciso_client, org):
    response = ciso_client.get(reverse("compliance:reports_xlsx"))
    assert isinstance(response, FileResponse)
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"].startswith('attachment; filename="sensi-compliance-')
    assert response["Cache-Control"] == "no-store"
    book = workbook(response)
    assert book.sheetnames == ["Zahlen", "Info"]
    sheet = book["Zahlen"]
    header = [cell.value for cell in sheet[1]]
    assert header == FIGURE_COLUMNS_DE
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:M{sheet.max_row}"
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["F"].width

    total = sheet[2]
    assert [c.value for c in total[:1]] == ["Gesamt"]
    assert (total[6].value, total[7].value) == (20, 6)  # numbers, not text
    assert total[8].value == pytest.approx(0.3) and total[8].number_format == "0.0%"

    rows = xlsx_rows(response=ciso_client.get(reverse("compliance:reports_xlsx")))
    offices = {row["Dienststelle (Kürzel)"]: row for row in rows if row["Ebene"] == "Dienststelle"}
    assert offices["A1"]["Beschäftigte"] == 9
    assert offices["A12"]["Beschäftigte"] is None
    assert offices["A12"]["Ausgeblendet"] == "weniger als die Mindestgruppengröße"


def test_xlsx_info_tab_has_the_time_in_berlin_and_the_filters(ciso_client, org):
    before = timezone.localtime().replace(tzinfo=None, second=0, microsecond=0)
    response = ciso_client.get(reverse("compliance:reports_xlsx"), {"topic": "it_security"})
    tab = workbook(response)["Info"]
    info = {row[0]: row[1] for row in tab.iter_rows(values_only=True)}
    created = info["Erstellt (Europe/Berlin)"]
    assert isinstance(created, datetime.datetime)
    assert before <= created <= before + datetime.timedelta(minutes=2)
    assert info["Pflichtschulung"] == "Alle Pflichtschulungen"
    assert info["Mindestgruppengröße"] == 5
    assert tab["B1"].number_format == "DD.MM.YYYY HH:MM"


def test_overdue_xlsx_has_dates_and_keeps_formula_text_as_text(ciso_client, org):
    (tricky,) = staff(org.offices["B1"], "x", 1)
    tricky.user.last_name = "=HYPERLINK(1)"
    tricky.user.save()
    sync_statuses(org.it_security)
    response = ciso_client.get(reverse("compliance:reports_overdue_xlsx"), {"ressort": "RB"})
    assert response["Content-Disposition"].startswith('attachment; filename="sensi-overdue-')
    sheet = workbook(response).worksheets[0]
    assert sheet.title == "Überfällig"
    assert [cell.value for cell in sheet[1]] == OVERDUE_COLUMNS_DE
    assert sheet.auto_filter.ref == "A1:I7"
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == 6
    names = {row[0].value: row[0] for row in rows}
    assert names["=HYPERLINK(1)"].data_type == "s"  # a string, never a formula
    for row in rows:
        due = row[7]
        assert isinstance(due.value, datetime.datetime)  # openpyxl reads dates as datetimes
        assert due.value.date() < timezone.localdate() and due.number_format == "DD.MM.YYYY"


def test_xlsx_in_english_has_english_headers(ciso_client, org):
    with translation.override("en"):
        url = reverse("compliance:reports_xlsx")
    book = workbook(ciso_client.get(url))
    assert book.sheetnames == ["Figures", "About"]
    assert [cell.value for cell in book["Figures"][1]][:2] == ["Level", "Ressort (code)"]


def test_xlsx_downloads_are_logged_with_their_format(ciso_client, org):
    body(ciso_client.get(reverse("compliance:reports_xlsx")))
    body(ciso_client.get(reverse("compliance:reports_overdue_xlsx")))
    entries = ReportAccess.objects.order_by("pk")
    assert [(e.report, e.parameters["format"]) for e in entries] == [
        ("csv", "xlsx"),
        ("overdue_csv", "xlsx"),
    ]


def test_xlsx_query_budget_does_not_grow_with_the_list(
    ciso_client, org, django_assert_max_num_queries
):
    for office in ("A11", "B1"):
        staff(org.offices[office], f"more-{office}", 10)
    sync_statuses(org.it_security)
    with django_assert_max_num_queries(7):  # with the size check (no site structure: a file)
        response = ciso_client.get(reverse("compliance:reports_overdue_xlsx"))
    assert len(xlsx_rows(response)) == 30
    with django_assert_max_num_queries(10):
        ciso_client.get(reverse("compliance:reports_xlsx"))


def test_xlsx_counts_attendance_as_a_number_and_names_it_in_the_named_list(ciso_client, org):
    for person in org.people["B1"][1:3] + org.people["A12"][:1]:
        attend(person, org.it_security)
    rows = xlsx_rows(ciso_client.get(reverse("compliance:reports_xlsx")))
    attended = "Aktuelle Kenntnisnahmen durch Teilnahme an einem Termin"
    assert rows[0]["Ebene"] == "Gesamt" and rows[0][attended] == 3
    offices = {row["Dienststelle (Kürzel)"]: row for row in rows if row["Ebene"] == "Dienststelle"}
    assert offices["B1"][attended] == 2
    assert offices["A12"][attended] is None  # withheld with the group

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    person = org.people["B1"][1]
    org.it_security.statuses.filter(employee=person).update(
        current_until=yesterday, due_on=yesterday
    )
    named = xlsx_rows(
        ciso_client.get(reverse("compliance:reports_overdue_xlsx"), {"ressort": "RB"})
    )
    evidence = {row["Personalnummer"]: row["Letzter Nachweis"] for row in named}
    assert evidence[person.personnel_number] == "Teilnahme an Termin"
    assert evidence[org.people["B1"][3].personnel_number] is None
