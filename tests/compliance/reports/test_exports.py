"""CSV and PDF exports, from the dashboard and from `manage.py compliance_report`."""

import csv
import datetime
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.http import StreamingHttpResponse
from django.urls import reverse
from django.utils import timezone, translation

from compliance.models import ObligationVersion, ReportAccess
from compliance.reports.csv_export import FIGURE_HEADER, OVERDUE_HEADER
from compliance.reports.scopes import Role
from compliance.services import sync_statuses
from tests.compliance.reports.org import build_org, staff, user_with
from tests.factories import sign_in_with_mfa
from tests.pdf_checks import TaggedPdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(home):
    return build_org(home)


@pytest.fixture
def ciso_client(client, org):
    sign_in_with_mfa(client, user_with(Role.CISO))
    return client


def read_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def pdf_text(data: bytes) -> str:
    return TaggedPdf(data).text


def test_machine_figures_csv_is_streamed_and_parses(ciso_client, org):
    response = ciso_client.get(reverse("compliance:reports_csv"), {"format": "csv-machine"})
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="sensi-compliance-')
    rows = read_csv(b"".join(response.streaming_content).decode())
    assert list(rows[0]) == FIGURE_HEADER
    total = rows[0]
    assert (total["level"], total["employees"], total["current"]) == ("total", "20", "6")
    assert total["share_current_percent"] == "30.0"
    by_office = {row["dienststelle_code"]: row for row in rows if row["level"] == "dienststelle"}
    assert by_office["A1"]["employees"] == "9"
    assert by_office["A12"]["employees"] == "" and by_office["A12"]["withheld"] == "small_group"
    assert by_office["A11"]["withheld"] == "complementary"
    assert by_office["A2"]["overdue_acknowledgements"] == "0"


def test_machine_figures_csv_follows_the_filters(ciso_client, org):
    url = reverse("compliance:reports_csv")
    query = {"obligation": org.it_security.pk, "format": "csv-machine"}
    rows = read_csv(b"".join(ciso_client.get(url, query).streaming_content).decode())
    ressorts = {row["ressort_code"]: row for row in rows if row["level"] == "ressort"}
    assert ressorts["RA"]["current"] == "9"


def test_machine_named_csv_lists_overdue_acknowledgements_without_scores_and_defuses_formulas(
    ciso_client, org
):
    (tricky,) = staff(org.offices["B1"], "x", 1)
    tricky.user.last_name = "=HYPERLINK(1)"
    tricky.user.save()
    sync_statuses(org.it_security)  # as the HR import does for newcomers
    sync_statuses(org.data_protection)
    response = ciso_client.get(
        reverse("compliance:reports_overdue_csv"), {"ressort": "RB", "format": "csv-machine"}
    )
    assert isinstance(response, StreamingHttpResponse)
    rows = read_csv(b"".join(response.streaming_content).decode())
    assert list(rows[0]) == OVERDUE_HEADER
    # Five people of B1 had not acknowledged IT security, nor has the newcomer; the
    # Datenschutz deadline has not passed yet.
    assert len(rows) == 6
    assert {row["obligation"] for row in rows} == {"IT-Sicherheit"}
    assert "'=HYPERLINK(1)" in {row["last_name"] for row in rows}


def test_pdf_report_has_metadata_and_prints_the_hash_of_its_content(ciso_client, org):
    response = ciso_client.get(reverse("compliance:reports_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    data = response.content
    assert data.startswith(b"%PDF")
    assert b"/Lang (de)" in data
    access = ReportAccess.objects.get(report="pdf")
    assert re.fullmatch(r"[0-9a-f]{64}", access.content_hash)
    text = pdf_text(data)
    assert access.content_hash in text
    assert "Nachweisbuch intakt" in text  # the ledger verification, in the page's language
    assert "RA – Ressort A" in text


def test_pdf_in_english_says_so(client, org):
    sign_in_with_mfa(client, user_with(Role.CISO))
    with translation.override("en"):
        url = reverse("compliance:reports_pdf")
    response = client.get(url)
    assert b"/Lang (en)" in response.content


def test_command_writes_pdf_and_logs_the_operator(org, tmp_path):
    out = tmp_path / "report.pdf"
    call_command("compliance_report", format="pdf", out=str(out), verbosity=0)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    access = ReportAccess.objects.get()
    assert access.user is None and access.actor.startswith("manage.py (")
    assert access.content_hash in pdf_text(data)


def test_command_writes_csv_for_all_ressorts(org, tmp_path):
    out = tmp_path / "report.csv"
    call_command("compliance_report", format="csv", out=str(out), verbosity=0)
    rows = read_csv(out.read_text(encoding="utf-8"))
    assert {row["ressort_code"] for row in rows} == {"", "RA", "RB"}


def test_command_with_ressort_reports_that_ressort_only(org, tmp_path):
    out_csv, out_pdf = tmp_path / "ra.csv", tmp_path / "ra.pdf"
    call_command("compliance_report", format="csv", out=str(out_csv), ressort="RA", verbosity=0)
    call_command("compliance_report", format="pdf", out=str(out_pdf), ressort="RA", verbosity=0)
    rows = read_csv(out_csv.read_text(encoding="utf-8"))
    assert {row["ressort_code"] for row in rows} == {"", "RA"}
    assert rows[0]["employees"] == "14"
    text = pdf_text(out_pdf.read_bytes())
    assert "RA – Ressort A" in text and "RB – Ressort B" not in text
    assert [a.parameters["ressort"] for a in ReportAccess.objects.order_by("at")] == ["RA", "RA"]


def test_command_refuses_an_unknown_ressort(org, tmp_path):
    with pytest.raises(CommandError, match="Unknown Ressort"):
        call_command("compliance_report", format="csv", out=str(tmp_path / "x.csv"), ressort="XX")
    assert not ReportAccess.objects.exists()
    assert not (tmp_path / "x.csv").exists()


def test_pdf_report_is_tagged_with_headings_tables_and_described_charts(ciso_client, org):
    # In force for a while, so that the trend has months to draw.
    ObligationVersion.objects.update(valid_from=timezone.now() - datetime.timedelta(days=100))
    pdf = TaggedPdf(ciso_client.get(reverse("compliance:reports_pdf")).content)
    assert (pdf.lang, pdf.title, pdf.xmp_title) == ("de", *["Sensi – Compliance-Bericht"] * 2)
    assert pdf.display_doc_title and pdf.marked
    assert all(pdf.pages_with_tab_order_and_struct_parents)
    types = pdf.structure_types
    assert types[:3] == ["Document", "H1", "Table"]
    assert types.count("H1") == 1 and types.count("H2") == 5 and types.count("Table") == 4
    assert types.count("Figure") == 2 and "P" in types
    bars, line = pdf.elements_of_type("Figure")
    assert bars["/Alt"].startswith("Anteil der Beschäftigten je Gruppe")
    assert "RA: 14 Beschäftigte" in bars["/Alt"]
    assert line["/Alt"].startswith("Liniendiagramm")
    summary_header = pdf.elements_of_type("Table")[1]["/K"][0]["/K"]
    assert [(str(th["/S"]), str(th["/A"]["/Scope"])) for th in summary_header] == [
        ("/TH", "/Column")
    ] * 8  # seven figures and the current acknowledgements by attending a session


def test_pdf_report_has_no_untagged_content_and_only_embedded_fonts(ciso_client, org):
    pdf = TaggedPdf(ciso_client.get(reverse("compliance:reports_pdf")).content)
    assert pdf.untagged_painting == []
    assert pdf.nested_mcids == [] and pdf.duplicate_mcids == []
    assert pdf.structure_mcids == pdf.content_mcids
    assert pdf.parent_tree_mismatches == []
    assert pdf.fonts == {"DejaVuSans": True, "DejaVuSans-Bold": True}
    assert {"Überfällige", "Kenntnisnahmen"} <= set(pdf.text.split())  # the header wraps
    assert "Nach Ressort" in pdf.text


def test_pdf_report_in_english_is_tagged_en(client, org):
    sign_in_with_mfa(client, user_with(Role.CISO))
    with translation.override("en"):
        url = reverse("compliance:reports_pdf")
    pdf = TaggedPdf(client.get(url).content)
    assert (pdf.lang, pdf.title) == ("en", "Sensi – Compliance report")
    assert pdf.elements_of_type("Figure")[0]["/Alt"].startswith("Share of employees per group")
    assert {"Overdue", "acknowledgements"} <= set(pdf.text.split())
