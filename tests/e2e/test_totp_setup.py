"""Privileged sign-in in Chromium: sign in without TOTP, set it up from the page's secret,
see the recovery codes and land on the page that asked; axe finds nothing on the setup page."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group

from accounts.allauth_internals import totp_code
from compliance.reports.scopes import Role
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}
# Set SENSI_SCREENSHOTS to a folder to keep screenshots of the setup page.
SCREENSHOTS = os.environ.get("SENSI_SCREENSHOTS")


@pytest.fixture
def ciso():
    user = UserFactory(email="ciso@example.org")
    user.groups.add(Group.objects.get_or_create(name=Role.CISO)[0])
    return user


def sign_in(page, email):
    page.goto("/de/compliance/")  # asks for sign-in first
    page.get_by_label("E-Mail").fill(email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden", exact=True).click()


@pytest.mark.parametrize("width", [1280, 360])
def test_totp_setup_from_sign_in_to_the_page_that_asked(browser, live_server, ciso, width):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, base_url=live_server.url, locale="de-DE"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        sign_in(page, ciso.email)
        page.wait_for_url("**/2fa/totp/activate/**")
        secret_box = page.locator("#totp-secret")
        secret = secret_box.inner_text().replace(" ", "")
        assert len(secret) >= 16
        if SCREENSHOTS:
            page.screenshot(path=f"{SCREENSHOTS}/totp-setup-{width}.png", full_page=True)
        secret_box.scroll_into_view_if_needed()
        # Nothing covers the secret: the element at its centre is the secret itself.
        covered = secret_box.evaluate(
            """el => { const r = el.getBoundingClientRect();
                const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
                if (r.right > window.innerWidth) return "beyond the viewport";
                if (hit === el || el.contains(hit)) return "";
                return hit ? hit.outerHTML.slice(0, 120) : "off screen"; }"""
        )
        assert not covered, covered
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, [v["id"] for v in violations]
        code = page.get_by_label("Sechsstelliger Code aus der App")
        assert code.get_attribute("inputmode") == "numeric"
        assert code.get_attribute("autocomplete") == "one-time-code"
        code.fill(totp_code(secret))
        page.get_by_role("button", name="Aktivieren").click()
        page.wait_for_url("**/2fa/recovery-codes/**")
        assert page.locator(".recovery-codes li").count() > 0
        if SCREENSHOTS:
            page.screenshot(path=f"{SCREENSHOTS}/recovery-codes-{width}.png", full_page=True)
        page.get_by_role("link", name="Ich habe die Codes gesichert – weiter").click()
        page.wait_for_url("**/de/compliance/")
        assert page.locator("h1").count() == 1
    finally:
        context.close()
