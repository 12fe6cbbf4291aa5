"""Gamification in a real browser: axe on "Meine Schulungen" with every element switched on
and a running challenge (1280 and 360 px), and the opt-out by keyboard."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from gamification.models import PersonalProgressOptOut
from tests.e2e.test_accessibility_audit import AXE_OPTIONS, readable
from tests.e2e.test_impulses import open_page, signed_in_cookie
from tests.factories import dienststelle, employee, home_page, module_page, ressort
from tests.gamification.conftest import answer_on, challenge, complete, switch_on, team

pytestmark = pytest.mark.django_db(transaction=True)
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}


@pytest.fixture
def learner(transactional_db):
    switch_on()
    home = home_page("de")
    modules = [module_page(home=home, lessons=1, questions=[]) for _ in range(2)]
    mine = dienststelle("HMdIS-Z", of=ressort("HMdIS", "Ministerium des Innern und für Sport"))
    other = dienststelle("HMdF-Z", of=ressort("HMdF", "Ministerium der Finanzen"))
    small = dienststelle("StK-Z", of=ressort("StK", "Staatskanzlei"))
    me = employee(office=mine)
    colleagues = team(mine, 5) + team(other, 6) + team(small, 2)
    for person in (me, *colleagues[::2]):
        answer_on(person.user, timezone.now())
    complete(me.user, modules[0])
    challenge()
    return me.user


def tab_to(page, name: str, presses: int = 120) -> None:
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == name:
            return
    raise AssertionError(f"{name!r} cannot be reached with Tab")


@override_settings(SENSI_COMPLIANCE_MIN_GROUP_SIZE=5)
def test_my_training_with_gamification_has_no_wcag_violations(browser, live_server, learner):
    axe = Axe()
    for name, viewport in VIEWPORTS.items():
        context, page = open_page(
            browser, live_server, viewport, bypass_csp=True, reduced_motion="reduce"
        )
        context.add_cookies([signed_in_cookie(learner, live_server.url)])
        try:
            page.goto(reverse("courses:my_training"))
            section = page.locator("#gamification")
            assert "1 von 2 Modulen abgeschlossen (50\u00a0%)" in section.inner_text()
            assert "zu klein für eine Auswertung" in section.inner_text()
            violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
            assert not violations, f"{name}: " + readable(violations)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"{name} scrolls horizontally: {width}px"
            if name == "phone":
                tab_to(page, "Meinen persönlichen Fortschritt ausschalten")
                page.keyboard.press("Enter")
                page.wait_for_url("**#gamification")
                assert PersonalProgressOptOut.objects.filter(user=learner).exists()
                text = page.locator("#gamification").inner_text()
                assert "Modulen abgeschlossen" not in text
                violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
                assert not violations, "switched off: " + readable(violations)
        finally:
            context.close()
