""" "Meine Daten" as CSV for German Excel and as a tagged PDF (privacy.csv_export,
privacy.pdf_export): the page's text, the learner's own data only, activities by name."""

import csv
import io

import pdfplumber
import pytest
from django.urls import reverse
from pypdf import PdfReader

from compliance.models import LedgerEntry
from privacy.csv_export import plain

pytestmark = pytest.mark.django_db


def body(response) -> bytes:
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    content = response.streaming_content if response.streaming else [response.content]
    return b"".join(content)


def csv_rows(client) -> list[list[str]]:
    response = client.get(reverse("privacy:download_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    data = body(response)
    assert data.startswith("\ufeff".encode())  # German Excel reads UTF-8 only with a BOM
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def pdf_text(client) -> tuple[str, PdfReader]:
    data = body(client.get(reverse("privacy:download_pdf")))
    reader = PdfReader(io.BytesIO(data))
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    return text, reader


def test_both_downloads_need_a_sign_in(client):
    for name in ("privacy:download_csv", "privacy:download_pdf"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_the_csv_has_every_table_of_the_page_in_german_and_only_the_learners_data(learners):
    anna, bernd = learners
    rows = csv_rows(anna.client)
    cells = {cell for row in rows for cell in row}
    assert rows[0] == ["Meine Daten"]
    assert ["E-Mail-Adresse", anna.user.email] in rows
    assert ["Personalnummer", anna.employee.personnel_number] in rows
    assert "Von Ihnen begonnene Module" in cells
    assert ["Modul", "Begonnen", "Letzte Aktivität", "Abgeschlossen"] in rows
    assert f"#{LedgerEntry.objects.get(employee=anna.employee).seq}" in cells
    for foreign in (bernd.user.email, str(bernd.user.pseudonym), bernd.employee.personnel_number):
        assert foreign not in cells


def test_learning_records_name_their_activity_not_its_address(learners, module):
    anna, _bernd = learners
    page = anna.client.get(reverse("privacy:my_data")).content.decode()
    rows = csv_rows(anna.client)
    records = rows[rows.index(["Wann", "Was", "Aktivität"]) + 1 :]
    activities = {row[2] for row in records if len(row) == 3}
    assert module.title in activities and "Wissenstest" in activities
    assert not any("/xapi/activities/" in activity for activity in activities)
    assert "/xapi/activities/" not in page.split('id="xapi"')[1].split("</table>")[0]


def test_csv_cells_cannot_run_as_a_spreadsheet_formula(learners):
    anna, _bernd = learners
    anna.user.first_name = "=HYPERLINK(1)"
    anna.user.save()
    rows = csv_rows(anna.client)
    assert ["Name", "'=HYPERLINK(1) Annasen"] in rows


def test_the_pdf_is_tagged_and_holds_the_page_in_the_readers_language(learners):
    anna, bernd = learners
    text, reader = pdf_text(anna.client)
    assert "Meine Daten" in text and anna.user.email in text
    assert anna.employee.personnel_number in text and "Wissenstest" in text
    assert bernd.user.email not in text
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "de" and "/StructTreeRoot" in catalog
    assert reader.metadata.title == "Meine Daten"


def test_the_english_pdf_is_in_english(learners):
    anna, _bernd = learners
    anna.client.cookies.load({"django_language": "en"})
    response = anna.client.get("/en/my-data/download.pdf")
    text = "\n".join(
        page.extract_text() for page in pdfplumber.open(io.BytesIO(body(response))).pages
    )
    assert "My data" in text and "Modules you started" in text


def test_plain_text_drops_the_markup_of_a_cell():
    assert plain("<code>https://x.example/a?b=1&amp;c=2</code>") == "https://x.example/a?b=1&c=2"
