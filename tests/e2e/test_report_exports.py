"""In a real browser: the report pages offer the figures and the named list as "CSV für
Excel", "CSV (maschinenlesbar)" and "Excel (XLSX)", and each download opens in a parser."""

import csv
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from compliance.reports.scopes import Role
from tests.compliance.reports.org import build_org, user_with
from tests.factories import PASSWORD, home_page, totp_code, with_totp

LINKS = ("CSV für Excel", "CSV (maschinenlesbar)", "Excel (XLSX)")


@pytest.fixture
def ciso_page(transactional_db, browser, live_server):
    build_org(home_page("de"))
    ciso = user_with(Role.CISO, email="ciso@example.org")
    secret = with_totp(ciso)
    context = browser.new_context(
        base_url=live_server.url,
        locale="de-DE",
        viewport={"width": 1280, "height": 900},
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto("/de/accounts/login/")
    page.get_by_label("E-Mail").fill("ciso@example.org")
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(re.compile(r"/2fa/authenticate/"))
    page.locator("input[name=code]").fill(totp_code(secret))
    page.locator("main button[type=submit]").first.click()
    expect(page).not_to_have_url(re.compile(r"/2fa/authenticate/"))
    yield page
    context.close()


def download(page, region, name: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        region.get_by_role("link", name=name, exact=True).click()
    item = info.value
    return item.suggested_filename, Path(item.path()).read_bytes()


def parse(filename: str, data: bytes) -> list[list]:
    """The rows as German Excel, a script and a spreadsheet library read them."""
    if filename.endswith(".xlsx"):
        sheet = load_workbook(io.BytesIO(data)).worksheets[0]
        assert sheet.auto_filter.ref and sheet.freeze_panes == "A2"
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    if data.startswith(b"\xef\xbb\xbf"):
        return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def fits_the_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_dashboard_offers_three_downloads_of_the_figures_and_each_parses(ciso_page, tmp_path):
    page = ciso_page
    page.goto("/de/compliance/")
    nav = page.get_by_role("navigation", name="Compliance-Berichte")
    for name in LINKS:
        expect(nav.get_by_role("link", name=name, exact=True)).to_be_visible()
    page.screenshot(path=tmp_path / "dashboard-1280.png", full_page=True)

    german_name, german = download(page, nav, "CSV für Excel")
    machine_name, machine = download(page, nav, "CSV (maschinenlesbar)")
    xlsx_name, xlsx = download(page, nav, "Excel (XLSX)")
    assert re.fullmatch(r"sensi-compliance-\d{4}-\d{2}-\d{2}\.csv", german_name)
    assert machine_name == german_name and xlsx_name == german_name.replace(".csv", ".xlsx")

    german_rows, machine_rows, xlsx_rows = (
        parse(german_name, german),
        parse(machine_name, machine),
        parse(xlsx_name, xlsx),
    )
    assert german_rows[0][:2] == ["Ebene", "Ressort (Kürzel)"] == xlsx_rows[0][:2]
    assert machine_rows[0][:2] == ["level", "ressort_code"]
    assert german_rows[1][8] == "30,0" and machine_rows[1][8] == "30.0"
    assert xlsx_rows[1][8] == pytest.approx(0.3)
    assert len(german_rows) == len(machine_rows) == len(xlsx_rows)

    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/de/compliance/")
    expect(nav.get_by_role("link", name="Excel (XLSX)", exact=True)).to_be_visible()
    assert fits_the_width(page)
    page.screenshot(path=tmp_path / "dashboard-360.png", full_page=True)


def test_named_list_offers_three_downloads_and_each_parses(ciso_page, tmp_path):
    page = ciso_page
    page.goto("/de/compliance/ueberfaellig/?ressort=RB")
    page.screenshot(path=tmp_path / "overdue-1280.png", full_page=True)
    downloads = page.get_by_role("list", name="Diese Liste herunterladen:")
    lists = [parse(*download(page, downloads, name)) for name in LINKS]
    german, machine, xlsx = lists
    assert german[0][0] == "Nachname" == xlsx[0][0] and machine[0][0] == "last_name"
    assert len(german) == len(machine) == len(xlsx) == 1 + 5  # B1: five overdue
    assert re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", german[1][7])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", machine[1][7])
    assert german[1][7] == xlsx[1][7].strftime("%d.%m.%Y")

    page.set_viewport_size({"width": 360, "height": 740})
    page.reload()
    assert fits_the_width(page)
    page.screenshot(path=tmp_path / "overdue-360.png", full_page=True)
