"""In a real browser: the editors' dashboard at 1280 and 360 px, and the rich-text editor of
a lesson, each without axe violations (issue 14, editors)."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from accessibility.models import AccessibilityFeedback
from courses.models import ModulePage
from demo.seed import seed_editorial_groups
from tests.e2e.test_accessibility_audit import AXE_OPTIONS, TOO_WIDE, readable
from tests.factories import (
    UserFactory,
    home_page,
    lessons_of,
    module_page,
    obligation,
    sign_in_with_mfa,
)

SHOTS = Path(os.environ.get("SENSI_SCREENSHOTS", "/tmp/shots"))


@pytest.fixture
def editor_session(transactional_db):
    """A member of Redaktion and Freigabe with a bit of everything on their dashboard."""
    home = home_page()
    seed_editorial_groups({"de": home})
    editor = UserFactory(first_name="Rainer", last_name="Redlich")
    editor.groups.add(*Group.objects.filter(name__in=["Redaktion", "Freigabe"]))
    author = UserFactory(first_name="Anna", last_name="Autorin")
    author.groups.add(Group.objects.get(name="Redaktion"))
    module = module_page(home=home, title="Phishing erkennen")
    ModulePage.objects.filter(pk=module.pk).update(
        review_by=timezone.localdate() - timedelta(days=3)
    )
    first, second, _third = lessons_of(module)
    first.title = "Lektion 1 mit neuem Beispiel"
    first.save_revision(user=editor)
    second.title = "Lektion 2, überarbeitet"
    second.save_revision(user=author)
    module.get_workflow().start(second, author)
    obligation(module=module, title="Pflichtschulung Phishing 2026", due_in_days=40)
    AccessibilityFeedback.objects.create(
        message="Die Videos haben keine Untertitel.", page="/de/phishing/", language="de"
    )
    client = Client()
    sign_in_with_mfa(client, editor)
    return client.cookies["sessionid"].value, module


def open_page(browser, live_server, session, width):
    context = browser.new_context(
        viewport={"width": width, "height": 900},
        base_url=live_server.url,
        locale="de-DE",
        bypass_csp=True,
    )
    context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


@pytest.mark.parametrize("width", [1280, 360])
def test_the_editors_dashboard_has_its_panels_and_no_axe_violations(
    editor_session, browser, live_server, width
):
    session, _module = editor_session
    context, page = open_page(browser, live_server, session, width)
    try:
        page.goto("/admin/")
        for heading in (
            "Wartet auf Ihre Freigabe",
            "Meine Entwürfe",
            "Module mit fälliger inhaltlicher Prüfung",
            "Laufende Pflichtschulungen",
            "Eingegangene Rückmeldungen zur Barrierefreiheit",
        ):
            assert page.get_by_role("heading", name=heading).is_visible()
        assert page.get_by_role("link", name="Lektion 2, überarbeitet", exact=True).is_visible()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / f"editors-dashboard-{width}.png", full_page=True)
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, readable(violations)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, page.evaluate(TOO_WIDE)
    finally:
        context.close()


@pytest.mark.parametrize("which", ["lesson", "home"])
def test_every_rich_text_editor_has_a_name(editor_session, browser, live_server, which):
    """A StreamField rich-text block (lesson body) and a rich-text field (home page intro)."""
    session, module = editor_session
    page_id = lessons_of(module)[2].pk if which == "lesson" else module.get_parent().pk
    context, page = open_page(browser, live_server, session, 1280)
    try:
        page.goto(f"/admin/pages/{page_id}/edit/")
        page.locator(".public-DraftEditor-content[aria-labelledby]").first.wait_for()
        names = page.evaluate(
            """() => [...document.querySelectorAll('.public-DraftEditor-content')].map(e =>
                document.getElementById(e.getAttribute('aria-labelledby'))?.textContent.trim())"""
        )
        assert names and all(names), names
        violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, readable(violations)
    finally:
        context.close()
