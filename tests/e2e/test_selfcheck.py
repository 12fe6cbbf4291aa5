"""The Heimarbeitsplatz-Check in a real browser: an employee takes it by keyboard only on a
phone-sized screen (360 px), and the CISO's page; axe finds 0 WCAG 2.1 AA violations on every
page and state, and nothing scrolls sideways.

Screenshots of each page at 1280 and 360 px are written to $SENSI_SCREENSHOTS when set.
"""

import os
import uuid

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from compliance.reports.scopes import Role
from demo.selfcheck import seed_steps
from selfcheck.models import SelfCheckRun
from selfcheck.selectors import steps_for
from selfcheck.services import submit_check
from tests.compliance.reports.org import user_with
from tests.e2e.test_accessibility_audit import AXE_OPTIONS, readable
from tests.e2e.test_keyboard_journey import focused, press_tab_until
from tests.factories import (
    PASSWORD,
    UserFactory,
    dienststelle,
    employee,
    ressort,
    sign_in_with_mfa,
)

SHOTS = os.environ.get("SENSI_SCREENSHOTS", "")
WIDER_THAN_VIEWPORT = "() => document.documentElement.scrollWidth > window.innerWidth"


@pytest.fixture
def selfcheck_site(transactional_db):
    """The demo steps; Ressort RA with 5 employees who took the check, RB with 3 (withheld)."""
    steps = seed_steps()
    ra, rb = ressort("RA", "Ressort A"), ressort("RB", "Ressort B")
    for office, count in ((dienststelle("RA-1", of=ra), 5), (dienststelle("RB-1", of=rb), 3)):
        for n in range(count):
            submit_check(
                user=employee(office=office).user,
                steps=steps,
                answers={
                    str(s.translation_key): "done" if (i + n) % 3 else "unknown"
                    for i, s in enumerate(steps)
                },
                submission_id=uuid.uuid4(),
                language="de",
            )
    return steps


def new_page(browser, live_server, width):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, base_url=live_server.url, locale="de-DE"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def audit(page, name):
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"{name}: {len(violations)} violation(s):\n" + readable(violations)
    assert not page.evaluate(WIDER_THAN_VIEWPORT), f"{name} scrolls sideways"


def shoot(page, name, width):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"selfcheck-{name}-{width}.png"), full_page=True)


def sign_in_by_keyboard(page, email):
    page.goto("/de/accounts/login/")
    page.get_by_label("E-Mail").focus()
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def in_step(key):
    return lambda element: element["tag"] == "input" and element["id"].startswith(f"step-{key}")


@pytest.mark.parametrize("width", [360, 1280])
def test_an_employee_takes_the_check_by_keyboard(browser, live_server, selfcheck_site, width):
    steps = steps_for("de")
    user = UserFactory()
    context, page = new_page(browser, live_server, width)
    try:
        sign_in_by_keyboard(page, user.email)
        shoot(page, "my-training", width)
        # From "Meine Schulungen" to the check by keyboard.
        with translation.override("de"):
            check_url = reverse("selfcheck:check")
        press_tab_until(
            page, lambda el: el["tag"] == "a" and el["href"].split("?")[0].endswith(check_url)
        )
        page.keyboard.press("Enter")
        page.wait_for_url(f"**{check_url}")
        audit(page, f"check at {width}")
        shoot(page, "check", width)

        for number, step in enumerate(steps):
            press_tab_until(page, in_step(step.translation_key))
            if number == 0:
                # "weiß nicht": the instruction opens right at the step.
                page.keyboard.press("ArrowDown")
                page.keyboard.press("ArrowDown")
                help_box = page.locator(f"#step-{step.translation_key} details").first
                expect(help_box).to_have_attribute("open", "")
                assert focused(page)["id"].endswith("-unknown")
            elif number == 1:
                page.keyboard.press("ArrowDown")  # "nicht möglich"
                assert focused(page)["id"].endswith("-not_possible")
            else:
                page.keyboard.press("Space")  # the first answer: "erledigt"
                assert focused(page)["id"].endswith("-done")
        audit(page, f"check with an instruction open at {width}")
        shoot(page, "check-answered", width)

        press_tab_until(page, lambda el: el["tag"] == "button" and "speichern" in el["text"])
        page.keyboard.press("Enter")
        page.wait_for_url("**/ergebnis/")
        run = SelfCheckRun.objects.get(user=user)
        assert (run.done, run.total) == (len(steps) - 2, len(steps))
        expect(page.locator("h1")).to_contain_text("Heimarbeitsplatz-Check")
        expect(page.locator(".result__verdict")).to_contain_text(
            f"{len(steps) - 2} von {len(steps)}"
        )
        audit(page, f"result at {width}")
        shoot(page, "result", width)
    finally:
        context.close()


def test_an_unanswered_step_is_announced_and_marked(browser, live_server, selfcheck_site):
    user = UserFactory()
    context, page = new_page(browser, live_server, 360)
    try:
        sign_in_by_keyboard(page, user.email)
        with translation.override("de"):
            page.goto(reverse("selfcheck:check"))
        page.get_by_role("button", name="Ergebnis speichern").click()
        expect(page.get_by_role("alert")).to_contain_text("noch nicht beantwortet")
        audit(page, "check with errors at 360")
        shoot(page, "check-errors", 360)
        assert not SelfCheckRun.objects.filter(user=user).exists()
    finally:
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_ciso_page_shows_shares_and_withholds_small_groups(
    browser, live_server, selfcheck_site, width
):
    client = Client()
    sign_in_with_mfa(client, user_with(Role.CISO))
    context, page = new_page(browser, live_server, width)
    try:
        context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": client.cookies["sessionid"].value,
                    "url": live_server.url,
                }
            ]
        )
        with translation.override("de"):
            page.goto(reverse("compliance:reports"))
        page.get_by_role("link", name="Heimarbeitsplatz-Check").click()
        expect(page.locator("h1")).to_have_text("Heimarbeitsplatz-Check")
        expect(
            page.get_by_text("nicht ausgewiesen: weniger als 5 Beschäftigte").first
        ).to_be_visible()
        audit(page, f"CISO page at {width}")
        shoot(page, "ciso", width)
    finally:
        context.close()
