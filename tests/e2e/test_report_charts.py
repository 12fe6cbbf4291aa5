"""In a real browser, on the demo organisation: the CISO's dashboard, a Ressort and a
Dienststelle show their figures as an SVG chart with a title, a description and the table
right after it, and the trend as a line; axe finds nothing at 1280 and 360 px, and nothing
scrolls sideways at 360 px.

Set SENSI_SCREENSHOTS=/some/dir to keep a screenshot of each page and width."""

import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from compliance.models import Dienststelle
from demo.seed import DEMO_PASSWORD
from tests.e2e.test_accessibility_audit import AXE_OPTIONS, readable
from tests.factories import totp_code, with_totp

WIDTHS = (1280, 360)


@pytest.fixture
def ciso_secret(demo_site):
    return with_totp(get_user_model().objects.get(email="ciso@sensi.example"))


def signed_in(browser, live_server, secret: str, width: int):
    context = browser.new_context(
        base_url=live_server.url,
        locale="de-DE",
        viewport={"width": width, "height": 900},
        bypass_csp=True,  # axe is injected as a script
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto("/de/accounts/login/")
    page.get_by_label("E-Mail").fill("ciso@sensi.example")
    page.get_by_label("Passwort").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/2fa/authenticate/"))
    page.locator("input[name=code]").fill(totp_code(secret))
    page.locator("main button[type=submit]").first.click()
    expect(page).not_to_have_url(re.compile(r"/2fa/authenticate/"))
    return context, page


def keep(page, name: str) -> None:
    folder = os.environ.get("SENSI_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=Path(folder) / f"{name}.png", full_page=True)


def check_chart_beside_its_table(page, *, bars: int | None = None) -> None:
    chart = page.locator("figure.report-chart svg[role=img]")
    expect(chart).to_have_count(1)
    labelledby = chart.get_attribute("aria-labelledby").split()
    assert [page.locator(f"#{key}").count() for key in labelledby] == [1, 1]
    # The chart's name is its title; the table (in its scroll region) follows right after the
    # figure.
    assert page.evaluate(
        "document.querySelector('figure.report-chart').nextElementSibling.tagName"
    ) in ("TABLE", "P", "DIV")
    if bars is not None:
        expect(chart.locator("g.report-chart__bar")).to_have_count(bars)


@pytest.mark.parametrize("width", WIDTHS)
def test_ciso_sees_charts_with_their_tables_and_axe_finds_nothing(
    width, ciso_secret, browser, live_server
):
    context, page = signed_in(browser, live_server, ciso_secret, width)
    axe = Axe()
    hzd = Dienststelle.objects.get(code="HZD")
    with translation.override("de"):
        pages = {
            "dashboard": reverse("compliance:reports"),
            "ressort": reverse("compliance:reports_ressort", args=["HMdF"]),
            "dienststelle": reverse("compliance:reports_dienststelle", args=["HMdF", hzd.pk]),
            "trend": reverse("compliance:reports_trend"),
        }
    try:
        for name, path in pages.items():
            page.goto(path)
            if name == "trend":
                chart = page.locator("figure.report-chart svg[role=img]")
                expect(chart).to_have_count(1)
                expect(page.locator("#trend-table tbody tr")).to_have_count(12)
            else:
                check_chart_beside_its_table(page, bars=None)
            if name == "dashboard":
                rows = page.locator("#figures-table tbody tr").count()
                expect(page.locator("g.report-chart__bar")).to_have_count(rows)
                expect(page.locator(".report-headline")).to_contain_text(re.compile(r"\d,\d %"))
            if name == "dienststelle":
                # HZD-HU is below the minimum group size: drawn without figures.
                expect(page.locator("figure.report-chart svg[role=img]")).to_contain_text(
                    "nicht ausgewiesen"
                )
            keep(page, f"{name}-{width}")
            violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
            assert not violations, f"{name} at {width}px:\n" + readable(violations)
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width, f"{name} scrolls sideways at {width}px ({scroll}px)"
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 800])
def test_the_figures_table_scrolls_in_its_own_named_region_never_the_page(
    width, ciso_secret, browser, live_server
):
    """Nine figure columns beside the Ressorts' full names: at 1280 px they fit the page's text
    column; narrower, the table scrolls inside a region that the keyboard reaches and a screen
    reader names by the caption, and the page itself never scrolls sideways."""
    context, page = signed_in(browser, live_server, ciso_secret, width)
    try:
        with translation.override("de"):
            page.goto(reverse("compliance:reports"))
        region = page.get_by_role("region", name=re.compile("Beschäftigte|Ressort"))
        expect(region).to_have_count(1)
        expect(region.locator("#figures-table")).to_have_count(1)
        assert region.get_attribute("tabindex") == "0"
        page_scroll = page.evaluate("document.documentElement.scrollWidth")
        assert page_scroll <= width, f"the page scrolls sideways at {width}px ({page_scroll}px)"
        region.focus()
        expect(region).to_be_focused()
        before = region.evaluate("element => element.scrollLeft")
        page.keyboard.press("ArrowRight")
        page.keyboard.press("End")
        overflow = region.evaluate("element => element.scrollWidth - element.clientWidth")
        if width == 1280:
            assert overflow <= 0, f"the table does not fit at 1280 px ({overflow}px)"
        if overflow > 0:
            expect(region).not_to_have_js_property("scrollLeft", before)
        keep(page, f"dashboard-region-{width}")
    finally:
        context.close()
