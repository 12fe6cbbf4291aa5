"""content.templatetags.sensi_tags in a browser: "English" on a module that exists only in
German stays on the German page with an English note, never a 404, and axe finds nothing."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import expect

from tests.e2e.test_accessibility_audit import AXE_OPTIONS, readable
from tests.factories import UserFactory, home_page, module_page

pytestmark = pytest.mark.django_db(transaction=True)

SCREENSHOTS = os.environ.get("SENSI_SCREENSHOTS", "")


@pytest.mark.parametrize("width", [1280, 360])
def test_english_on_a_german_only_module_shows_the_note(browser, live_server, width):
    home_page("de")
    home_page("en")
    module = module_page(home=home_page("de"), title="Nur auf Deutsch")
    client = Client()
    client.force_login(UserFactory())
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        base_url=live_server.url,
        locale="de-DE",
        bypass_csp=True,  # axe is injected as a script
    )
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(module.url)
        english = page.get_by_role("navigation", name="Sprache").get_by_role("link", name="English")
        with page.expect_navigation() as navigation:
            english.click()
        assert navigation.value.status == 200
        expect(page.get_by_role("heading", level=1)).to_contain_text("Nur auf Deutsch")
        note = page.get_by_role("status").filter(has_text="available in German only")
        expect(note).to_be_visible()
        assert note.get_attribute("lang") == "en"
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, readable(violations)
        if SCREENSHOTS:
            page.screenshot(path=f"{SCREENSHOTS}/language-fallback-{width}.png", full_page=True)
    finally:
        context.close()
