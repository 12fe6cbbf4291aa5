"""The compliance report PDF can be read: header cells wrap inside their columns, a table too
wide for portrait goes landscape, times are Europe/Berlin in German format (finding 7)."""

import io
import re
from datetime import UTC, date, datetime

import pdfplumber
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from compliance.dates import local_date, local_datetime
from compliance.models import ReportAccess
from compliance.reports import pdf_report
from compliance.reports.access import Report, open_report
from compliance.reports.scopes import Role, operator_scope
from compliance.reports.selectors import available_obligations, select
from tests.compliance.reports.org import attend, build_org, user_with
from tests.factories import sign_in_with_mfa
from tests.pdf_checks import TaggedPdf

pytestmark = pytest.mark.django_db

TOLERANCE = 0.5  # points: glyph boxes of neighbouring letters touch, they must not overlap


@pytest.fixture
def org(home):
    return build_org(home)


def report_pdf(client, language: str = "de") -> bytes:
    sign_in_with_mfa(client, user_with(Role.CISO))
    with translation.override(language):
        url = reverse("compliance:reports_pdf")
    response = client.get(url)
    assert response.status_code == 200
    return response.content


def overlapping_characters(page) -> list[str]:
    """Pairs of printed characters whose boxes overlap: text printed on top of text."""
    chars = [c for c in page.chars if c["text"].strip()]
    found = []
    for i, a in enumerate(chars):
        for b in chars[i + 1 :]:
            if b["top"] > a["bottom"]:
                continue  # pdfplumber sorts roughly by line; cheap pre-filter below
            width = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
            height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if width > TOLERANCE and height > TOLERANCE:
                found.append(f"{a['text']!r}@{a['x0']:.0f},{a['top']:.0f} / {b['text']!r}")
    return found


def header_rows(page) -> list[list[dict]]:
    """The words of each table's header row: bold words in body size on one band of lines."""
    words = page.extract_words(extra_attrs=["fontname", "size"])
    header = [w for w in words if "Bold" in w["fontname"] and w["size"] <= 10]
    rows: list[list[dict]] = []
    for word in sorted(header, key=lambda w: w["top"]):
        if rows and word["top"] - rows[-1][0]["top"] < 30:
            rows[-1].append(word)
        else:
            rows.append([word])
    return rows


@pytest.mark.parametrize("language", ["de", "en"])
def test_no_two_text_boxes_of_a_header_row_overlap(client, org, language):
    with pdfplumber.open(io.BytesIO(report_pdf(client, language))) as pdf:
        rows = [row for page in pdf.pages for row in header_rows(page)]
        assert len(rows) >= 2  # the summary and the table per Ressort
        for row in rows:
            for i, a in enumerate(row):
                for b in row[i + 1 :]:
                    width = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                    height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                    assert not (width > TOLERANCE and height > TOLERANCE), (a["text"], b["text"])
        for number, page in enumerate(pdf.pages):
            assert overlapping_characters(page) == [], f"page {number + 1}"
            assert all(c["x0"] >= 0 and c["x1"] <= page.width for c in page.chars)


def test_long_header_words_wrap_by_word_not_inside_a_word(client, org):
    with pdfplumber.open(io.BytesIO(report_pdf(client))) as pdf:
        words = {w["text"] for w in pdf.pages[0].extract_words()}
    # Each word of "Überfällige Kenntnisnahmen" and "Beschäftigte überfällig" whole.
    assert {"Überfällige", "Kenntnisnahmen", "Beschäftigte", "überfällig"} <= words


def test_generated_at_is_printed_in_berlin_time_in_german_format(client, org):
    with pdfplumber.open(io.BytesIO(report_pdf(client))) as pdf:
        text = pdf.pages[0].extract_text()
    generated = timezone.localtime(ReportAccess.objects.get(report="pdf").at)
    assert f"Erstellt am {generated:%d.%m.%Y, %H:%M} Uhr" in text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)  # no ISO dates or times left
    assert re.search(r"Stand der Zahlen \d{2}\.\d{2}\.\d{4}", text)


@pytest.mark.parametrize(
    ("moment", "language", "printed"),
    [
        (datetime(2026, 12, 6, 16, 5, 7, tzinfo=UTC), "de", "06.12.2026, 17:05 Uhr"),
        (datetime(2026, 7, 1, 22, 30, tzinfo=UTC), "de", "02.07.2026, 00:30 Uhr"),  # CEST
        (datetime(2026, 7, 1, 22, 30, tzinfo=UTC), "en", "2 July 2026, 00:30"),
    ],
)
def test_times_are_europe_berlin_in_the_format_of_the_language(moment, language, printed):
    assert local_datetime(moment, language) == printed


def test_dates_are_german_or_english():
    assert local_date(date(2027, 3, 1), "de") == "01.03.2027"
    assert local_date(date(2027, 3, 1), "en") == "1 March 2027"


def test_a_table_too_wide_for_portrait_goes_landscape(client, org, monkeypatch):
    many = [f"Spalte{n} mit Überschrift" for n in range(9)]
    monkeypatch.setattr(pdf_report, "_figure_header", lambda: many[:5])
    narrow = report_pdf(client)
    with pdfplumber.open(io.BytesIO(narrow)) as pdf:
        assert pdf.pages[0].width < pdf.pages[0].height
    monkeypatch.setattr(pdf_report, "_figure_header", lambda: [w * 3 for w in many[:5]])
    with pdfplumber.open(io.BytesIO(report_pdf(client))) as pdf:
        page = pdf.pages[0]
        assert page.width > page.height
        assert overlapping_characters(page) == []


def test_the_pdf_counts_acknowledgements_by_attending_a_session(client, org):
    for person in org.people["B1"][1:3]:
        attend(person, org.it_security)
    text = TaggedPdf(report_pdf(client)).flat_text
    # the column header (wrapped between words) and the sentence on how it is counted
    for word in ("Aktuelle", "Kenntnisnahmen", "Teilnahme", "Termin"):
        assert word in text
    assert "Ebenso aktuelle Kenntnisnahmen durch Teilnahme an einem Termin" in text


def test_the_report_content_holds_the_attendance_count_and_withholds_it_with_its_group(
    org, settings
):
    for person in org.people["B1"][1:3]:
        attend(person, org.it_security)
    scope = operator_scope()
    opened = open_report(scope=scope, report=Report.PDF, parameters={}, actor="test")
    content = pdf_report.report_content(select(opened, available_obligations(scope)))
    assert content["format"] == 3
    assert content["total"]["attended_acknowledgements"] == 2
    per_ressort = {r["code"]: r for r in content["per_ressort"]}
    assert per_ressort["RB"]["attended_acknowledgements"] == 2
    settings.SENSI_COMPLIANCE_MIN_GROUP_SIZE = 7  # RB (6 employees) is withheld
    opened = open_report(scope=scope, report=Report.PDF, parameters={}, actor="test")
    content = pdf_report.report_content(select(opened, available_obligations(scope)))
    rb = {r["code"]: r for r in content["per_ressort"]}["RB"]
    assert rb == {"code": "RB", "name": "Ressort B", "withheld": "small_group"}
