"""The report charts: one series function for the site's SVG and the PDF's reportlab charts;
accessible SVG (title, description, one bar per group, withheld groups without figures)."""

import datetime
import io
import re
import xml.etree.ElementTree as ET

import pdfplumber
import pytest
from django.urls import reverse
from django.utils import timezone, translation

from compliance.models import ObligationVersion
from compliance.reports import charts, pdf_report
from compliance.reports.access import Report, open_report
from compliance.reports.figures import Figures, Group, Kind, Withheld
from compliance.reports.scopes import Role, operator_scope
from compliance.reports.selectors import available_obligations, org_figures, select
from compliance.reports.trend import TrendPoint
from tests.compliance.reports.org import build_org, user_with
from tests.factories import sign_in_with_mfa

SVG = "{http://www.w3.org/2000/svg}"


def group(figures: Figures | None = None, withheld: Withheld | None = None) -> Group:
    return Group(Kind.RESSORT, 1, figures=figures or Figures(3), withheld=withheld)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def text_of(element: ET.Element) -> str:
    return " ".join(t.text or "" for t in element.iter(f"{SVG}text"))


# --- the series ------------------------------------------------------------------------------


def test_bar_series_splits_employees_into_four_groups_that_add_up():
    figures = Figures(employees=20, current=8, overdue_employees=4, overdue=7, due_soon_employees=3)
    (bar,) = charts.bars_of([("RA", group(figures))])
    assert bar.label == "RA" and bar.employees == 20
    assert [(s.category.key, s.count) for s in bar.segments] == [
        ("current", 8),
        ("due_soon", 3),
        ("open", 5),
        ("overdue", 4),
    ]
    assert sum(s.share for s in bar.segments) == pytest.approx(1.0)


def test_bar_series_of_a_withheld_group_has_no_figures():
    (bar,) = charts.bars_of([("RB", group(Figures(3, 3), Withheld.SMALL))])
    assert bar.employees is None and bar.segments == () and bar.withheld == Withheld.SMALL


def test_trend_series_keeps_withheld_months_as_gaps():
    points = [
        TrendPoint(datetime.date(2026, 1, 31), 40, 10),
        TrendPoint(datetime.date(2026, 2, 28), 3, 1, withheld=True),
    ]
    assert [(p.month_end.month, p.percent) for p in charts.trend_series(points)] == [
        (1, 25.0),
        (2, None),
    ]


# --- the SVG ---------------------------------------------------------------------------------


def test_bar_chart_svg_has_title_description_and_one_bar_per_group():
    """The English texts; German: "nicht ausgewiesen" (tests/e2e/test_report_charts.py)."""
    bars = charts.bars_of(
        [
            ("RA", group(Figures(10, 6, 2, 2, 1))),
            ("RB", group(Figures(4), Withheld.SMALL)),
            ("RC", group(Figures(9, 9), Withheld.COMPLEMENTARY)),
        ]
    )
    with translation.override("en"):
        root = parse(charts.bar_chart_svg(bars, chart_id="c1", title="Stand je Ressort"))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{SVG}title").text == "Stand je Ressort"
    assert root.find(f"{SVG}title").get("id") == "c1-title"
    desc = root.find(f"{SVG}desc").text
    assert "RA" in desc and "60 %" in desc
    bar_groups = [g for g in root.iter(f"{SVG}g") if g.get("class") == "report-chart__bar"]
    assert len(bar_groups) == 3
    shown, small, complementary = bar_groups
    assert {r.get("data-category") for r in shown.iter(f"{SVG}rect")} >= {
        "current",
        "due_soon",
        "open",
        "overdue",
    }
    for withheld in (small, complementary):
        assert not re.search(r"\d", text_of(withheld)), text_of(withheld)
        assert not [r for r in withheld.iter(f"{SVG}rect") if r.get("data-category")]
        assert "not shown" in text_of(withheld)
    # The description gives no figures of withheld groups either.
    assert "RB: not shown" in desc and "RC: not shown" in desc


def test_segments_differ_by_pattern_not_only_by_colour():
    bars = charts.bars_of([("RA", group(Figures(8, 2, 2, 2, 2)))])
    root = parse(charts.bar_chart_svg(bars, chart_id="c2", title="t"))
    fills = {
        r.get("data-category"): r.get("fill")
        for r in root.iter(f"{SVG}rect")
        if r.get("data-category")
    }
    assert fills["current"].startswith("#")
    patterned = [fills[key] for key in ("due_soon", "open", "overdue")]
    assert patterned == ["url(#c2-due_soon)", "url(#c2-open)", "url(#c2-overdue)"]
    assert {p.get("id") for p in root.iter(f"{SVG}pattern")} == {
        "c2-due_soon",
        "c2-open",
        "c2-overdue",
    }


def test_svg_coordinates_are_not_localised_in_german():
    bars = charts.bars_of([("RA", group(Figures(3, 1, 1, 1)))])
    with translation.override("de"):
        svg = charts.bar_chart_svg(bars, chart_id="c3", title="t")
    root = parse(svg)
    for rect in root.iter(f"{SVG}rect"):
        for attribute in ("x", "width"):
            value = rect.get(attribute)
            assert value is None or "," not in value, svg


def test_line_chart_svg_breaks_the_line_at_a_withheld_month():
    points = [
        charts.LinePoint(datetime.date(2026, m, 28), percent)
        for m, percent in ((1, 20.0), (2, 35.5), (3, None), (4, 50.0))
    ]
    root = parse(charts.line_chart_svg(points, chart_id="t1", title="Verlauf"))
    assert root.get("role") == "img" and root.find(f"{SVG}title").text == "Verlauf"
    assert "01/26" in root.find(f"{SVG}desc").text
    lines = list(root.iter(f"{SVG}polyline"))
    assert [len(line.get("points").split()) for line in lines] == [2, 1]
    assert len(list(root.iter(f"{SVG}circle"))) == 3


# --- on the pages and in the PDF -------------------------------------------------------------

pytestmark = pytest.mark.django_db


@pytest.fixture
def org(home):
    return build_org(home)


@pytest.fixture
def ciso_client(client, org):
    sign_in_with_mfa(client, user_with(Role.CISO))
    return client


def svg_in(html: str) -> ET.Element:
    return parse(re.search(r"<svg.*?</svg>", html, re.S).group(0))


def test_dashboard_draws_a_bar_per_ressort_beside_its_table(
    ciso_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = ciso_client.get(reverse("compliance:reports"))
    html = response.content.decode()
    root = svg_in(html)
    bars = [g for g in root.iter(f"{SVG}g") if g.get("class") == "report-chart__bar"]
    assert [b.find(f"{SVG}text").text for b in bars] == ["RA", "RB"]
    # The table follows the figure directly.
    assert re.search(
        r"</figure>\s*<div class=\"report-table-scroll\"[^>]*>\s*<table[^>]*id=\"figures-table\"",
        html,
    )


def test_drilldown_draws_withheld_dienststellen_without_figures(ciso_client, org):
    a1 = org.offices["A1"]
    html = ciso_client.get(
        reverse("compliance:reports_dienststelle", args=["RA", a1.pk])
    ).content.decode()
    bars = [g for g in svg_in(html).iter(f"{SVG}g") if g.get("class") == "report-chart__bar"]
    assert len(bars) == 2  # A11 (complementary) and A12 (< 5)
    for bar in bars:
        label, *rest = [t.text for t in bar.iter(f"{SVG}text")]
        assert not any(re.search(r"\d", text or "") for text in rest), rest


def test_pdf_and_site_draw_the_same_series(org):
    scope = operator_scope()
    opened = open_report(scope=scope, report=Report.PDF, parameters={}, actor="test")
    selection = select(opened, available_obligations(scope))
    content = pdf_report.report_content(selection)
    result = org_figures(selection)
    site = charts.bars_of(
        [(result.ressorts[g.ressort_id].code, g) for g in result.ressort_groups()]
    )
    assert pdf_report.chart_bars(content) == site


def test_pdf_shows_the_bar_chart_and_the_trend_line(org):
    ObligationVersion.objects.update(valid_from=timezone.now() - datetime.timedelta(days=100))
    scope = operator_scope()
    opened = open_report(scope=scope, report=Report.PDF, parameters={}, actor="test")
    content = pdf_report.report_content(select(opened, available_obligations(scope)))
    out = io.BytesIO()
    pdf_report.write_pdf(content, out, language="en")
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
        assert len(pdf.pages) <= 3
    assert "Open, deadline later" in text  # the legend and the table header
    assert "Share of fulfilled obligations (employees × mandatory trainings), %" in text
    assert "of employees have all their mandatory trainings currently fulfilled" in text
    month = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    assert charts.month_label(month) in text
