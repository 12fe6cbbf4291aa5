"""In a real browser: before publishing a module, its editor sees whether the publish will
issue a new obligation version and for how many people (issue 17, defect 3)."""

import os
from pathlib import Path

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.factories import (
    UserFactory,
    dienststelle,
    employee,
    module_page,
    obligation,
    sign_in_with_mfa,
)

SHOTS = Path(os.environ.get("SENSI_SCREENSHOTS", "/tmp/shots"))


@pytest.mark.parametrize("width", [1280, 360])
def test_the_editor_sees_that_publishing_issues_a_version_and_for_how_many(
    transactional_db, browser, live_server, width
):
    module = module_page()
    office = dienststelle()
    for number in range(3):
        employee(office=office, number=f"P{number}")
    obligation(module=module, title="Pflicht: Phishing")
    module.version_label, module.change_is_material = "2.0", True
    module.change_note = "Neu: Passkeys"
    module.save_revision()
    editor = UserFactory(is_superuser=True, is_staff=True)
    client = Client()
    sign_in_with_mfa(client, editor)

    context = browser.new_context(
        viewport={"width": width, "height": 900}, base_url=live_server.url, locale="de-DE"
    )
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(f"/admin/pages/{module.pk}/edit/")
        outlook = page.locator("[data-publish-outlook]")
        expect(outlook).to_contain_text("Version 2 der Pflichtschulung „Pflicht: Phishing“")
        expect(outlook).to_contain_text("3 Personen müssen")
        outlook.scroll_into_view_if_needed()
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SHOTS / f"publish-outlook-{width}.png")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()
