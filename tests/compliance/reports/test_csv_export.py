"""CSV exports in both variants: "CSV für Excel" (the default) and "CSV (maschinenlesbar)"."""

import datetime

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone, translation

from compliance.models import ReportAccess
from compliance.reports.csv_export import FIGURE_HEADER, OVERDUE_HEADER
from compliance.reports.scopes import Role
from compliance.services import sync_statuses
from tests.compliance.reports.org import attend, build_org, staff, user_with
from tests.compliance.reports.spreadsheets import body, german_csv, machine_csv
from tests.factories import sign_in_with_mfa

pytestmark = pytest.mark.django_db

FIGURE_COLUMNS_DE = [
    "Ebene",
    "Ressort (Kürzel)",
    "Ressort",
    "Dienststelle (Kürzel)",
    "Dienststelle",
    "Tiefe",
    "Beschäftigte",
    "Alle Kenntnisnahmen aktuell",
    "Anteil aktuell (%)",
    "Beschäftigte mit überfälligen Kenntnisnahmen",
    "Überfällige Kenntnisnahmen",
    "Aktuelle Kenntnisnahmen durch Teilnahme an einem Termin",
    "Ausgeblendet",
]
OVERDUE_COLUMNS_DE = [
    "Nachname",
    "Vorname",
    "Personalnummer",
    "Ressort (Kürzel)",
    "Dienststelle (Kürzel)",
    "Dienststelle",
    "Pflichtschulung",
    "Fällig seit",
    "Letzter Nachweis",
]


@pytest.fixture
def org(home):
    return build_org(home)


@pytest.fixture
def ciso_client(client, org):
    sign_in_with_mfa(client, user_with(Role.CISO))
    return client


def german_number(text: str) -> float:
    return float(text.replace(",", "."))


def test_figures_csv_for_excel_is_streamed_with_bom_semicolons_and_german_columns(ciso_client, org):
    response = ciso_client.get(reverse("compliance:reports_csv"))
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="sensi-compliance-')
    rows = german_csv(response)
    assert list(rows[0]) == FIGURE_COLUMNS_DE
    total = rows[0]
    assert (total["Ebene"], total["Beschäftigte"], total["Alle Kenntnisnahmen aktuell"]) == (
        "Gesamt",
        "20",
        "6",
    )
    assert total["Anteil aktuell (%)"] == "30,0"
    assert german_number(total["Anteil aktuell (%)"]) == 30.0
    offices = {row["Dienststelle (Kürzel)"]: row for row in rows if row["Ebene"] == "Dienststelle"}
    assert offices["A1"]["Beschäftigte"] == "9"
    assert offices["A12"]["Beschäftigte"] == ""
    assert offices["A12"]["Ausgeblendet"] == "weniger als die Mindestgruppengröße"
    assert offices["A11"]["Ausgeblendet"].startswith("ausgeblendet, damit")
    assert {row["Ebene"] for row in rows} == {"Gesamt", "Ressort", "Dienststelle"}


def test_a_share_with_a_fraction_has_a_decimal_comma(ciso_client, org):
    rows = german_csv(ciso_client.get(reverse("compliance:reports_csv")))
    shares = [row["Anteil aktuell (%)"] for row in rows if row["Anteil aktuell (%)"]]
    assert shares and all("." not in share for share in shares)
    ressort_a = next(row for row in rows if row["Ressort (Kürzel)"] == "RA")
    assert ressort_a["Anteil aktuell (%)"] == "35,7"  # 5 of 14


def test_overdue_csv_for_excel_has_german_dates_and_defuses_formulas(ciso_client, org):
    (tricky,) = staff(org.offices["B1"], "x", 1)
    tricky.user.last_name = "=HYPERLINK(1)"
    tricky.user.save()
    sync_statuses(org.it_security)
    response = ciso_client.get(reverse("compliance:reports_overdue_csv"), {"ressort": "RB"})
    rows = german_csv(response)
    assert list(rows[0]) == OVERDUE_COLUMNS_DE
    assert len(rows) == 6
    assert "'=HYPERLINK(1)" in {row["Nachname"] for row in rows}
    for row in rows:
        due = datetime.datetime.strptime(row["Fällig seit"], "%d.%m.%Y").date()
        assert due < timezone.localdate()


def test_csv_for_excel_quotes_a_semicolon_inside_a_cell(ciso_client, org):
    (person,) = staff(org.offices["B1"], "y", 1)
    person.user.last_name = "Müller; Lüdenscheid"
    person.user.save()
    sync_statuses(org.it_security)
    response = ciso_client.get(reverse("compliance:reports_overdue_csv"), {"ressort": "RB"})
    assert "Müller; Lüdenscheid" in {row["Nachname"] for row in german_csv(response)}


def test_machine_csv_is_plain_utf8_with_commas_english_keys_and_iso_dates(ciso_client, org):
    url = reverse("compliance:reports_overdue_csv")
    response = ciso_client.get(url, {"format": "csv-machine"})
    rows = machine_csv(response)
    assert list(rows[0]) == OVERDUE_HEADER
    assert all(datetime.date.fromisoformat(row["due_on"]) for row in rows)
    figures = machine_csv(
        ciso_client.get(reverse("compliance:reports_csv"), {"format": "csv-machine"})
    )
    assert list(figures[0]) == FIGURE_HEADER
    assert figures[0]["share_current_percent"] == "30.0"
    assert {row["level"] for row in figures} == {"total", "ressort", "dienststelle"}


def test_machine_csv_does_not_depend_on_the_interface_language(ciso_client, org):
    with translation.override("en"):
        url = reverse("compliance:reports_csv")
    english = body(ciso_client.get(url, {"format": "csv-machine"}))
    german = body(ciso_client.get(reverse("compliance:reports_csv"), {"format": "csv-machine"}))
    assert english == german


def test_csv_for_people_speaks_the_interface_language(ciso_client, org):
    with translation.override("en"):
        url = reverse("compliance:reports_csv")
    rows = german_csv(ciso_client.get(url))
    assert list(rows[0])[:2] == ["Level", "Ressort (code)"]
    assert rows[0]["Share current (%)"] == "30,0"  # still for Excel: decimal comma


def test_the_access_log_says_which_format_was_delivered(ciso_client, org):
    ciso_client.get(reverse("compliance:reports_csv"))
    ciso_client.get(reverse("compliance:reports_csv"), {"format": "csv-machine"})
    ciso_client.get(reverse("compliance:reports_overdue_csv"), {"format": "csv-machine"})
    entries = ReportAccess.objects.order_by("pk")
    assert [(e.report, e.parameters["format"]) for e in entries] == [
        ("csv", "csv"),
        ("csv", "csv-machine"),
        ("overdue_csv", "csv-machine"),
    ]


@pytest.mark.parametrize("name", ["compliance:reports_csv", "compliance:reports_overdue_csv"])
def test_an_unknown_format_is_refused_and_logs_nothing(ciso_client, org, name):
    response = ciso_client.get(reverse(name), {"format": "xls"})
    assert response.status_code == 400
    assert "Format" in response.content.decode()
    assert not ReportAccess.objects.exists()


@pytest.mark.parametrize("variant", ["csv", "csv-machine"])
def test_figures_csv_query_budget_does_not_grow_with_the_organisation(
    ciso_client, org, variant, django_assert_max_num_queries
):
    url = reverse("compliance:reports_csv")
    with django_assert_max_num_queries(FIGURES_QUERIES):
        body(ciso_client.get(url, {"format": variant}))
    for office in ("A11", "A2", "B1"):
        staff(org.offices[office], f"more-{office}", 10)
    with django_assert_max_num_queries(FIGURES_QUERIES):
        body(ciso_client.get(url, {"format": variant}))


@pytest.mark.parametrize("variant", ["csv", "csv-machine"])
def test_overdue_csv_query_budget_does_not_grow_with_the_list(
    ciso_client, org, variant, django_assert_max_num_queries
):
    url = reverse("compliance:reports_overdue_csv")
    for office in ("A11", "B1"):
        staff(org.offices[office], f"more-{office}", 10)
    sync_statuses(org.it_security)
    with django_assert_max_num_queries(OVERDUE_QUERIES):
        rows = body(ciso_client.get(url, {"format": variant})).decode("utf-8-sig").splitlines()
    assert len(rows) == 1 + 2 + 3 + 5 + 20  # header, A11, A12, B1, newcomers


# sign-in, scope, the size check (inline or a job), access log and the aggregates; not per
# row, and no site structure (content.site_cache reads it only for a page that needs it)
FIGURES_QUERIES = 10
OVERDUE_QUERIES = 7  # the same with one query for the list


ATTENDED_DE = "Aktuelle Kenntnisnahmen durch Teilnahme an einem Termin"


def test_figures_csv_counts_current_acknowledgements_by_attending_a_session(ciso_client, org):
    attend(org.people["A2"][0], org.data_protection)  # already current: left alone
    for person in org.people["B1"][1:3] + org.people["A12"][:1]:
        attend(person, org.it_security)
    rows = german_csv(ciso_client.get(reverse("compliance:reports_csv")))
    total = rows[0]
    assert total[ATTENDED_DE] == "3"
    ressorts = {row["Ressort (Kürzel)"]: row for row in rows if row["Ebene"] == "Ressort"}
    assert (ressorts["RA"][ATTENDED_DE], ressorts["RB"][ATTENDED_DE]) == ("1", "2")
    offices = {row["Dienststelle (Kürzel)"]: row for row in rows if row["Ebene"] == "Dienststelle"}
    assert offices["A1"][ATTENDED_DE] == "1"
    assert offices["A12"][ATTENDED_DE] == ""  # withheld with the group's other figures
    machine = machine_csv(
        ciso_client.get(reverse("compliance:reports_csv"), {"format": "csv-machine"})
    )
    assert machine[0]["attended_acknowledgements"] == "3"


def test_overdue_csv_says_how_the_latest_acknowledgement_was_made(ciso_client, org):
    """An acknowledgement by attending that has run out shows as "Teilnahme an Termin", one
    entered by an administrator as "Kenntnisnahme", none as empty."""
    attended, corrected = org.people["B1"][1], org.people["B1"][0]
    attend(attended, org.it_security)
    today = timezone.localdate()
    yesterday = today - datetime.timedelta(days=1)
    org.it_security.statuses.filter(employee__in=[attended, corrected]).update(
        current_until=yesterday, due_on=yesterday
    )
    rows = german_csv(ciso_client.get(reverse("compliance:reports_overdue_csv"), {"ressort": "RB"}))
    evidence = {row["Personalnummer"]: row["Letzter Nachweis"] for row in rows}
    assert evidence[attended.personnel_number] == "Teilnahme an Termin"
    assert evidence[corrected.personnel_number] == "Kenntnisnahme"
    assert evidence[org.people["B1"][2].personnel_number] == ""
    machine = machine_csv(
        ciso_client.get(
            reverse("compliance:reports_overdue_csv"), {"ressort": "RB", "format": "csv-machine"}
        )
    )
    by_number = {row["personnel_number"]: row["last_evidence"] for row in machine}
    assert by_number[attended.personnel_number] == "attendance"
    assert by_number[corrected.personnel_number] == "acknowledgement"
    assert by_number[org.people["B1"][2].personnel_number] == ""
