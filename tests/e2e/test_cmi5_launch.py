"""A cmi5 launch in Chromium (courses.cmi5): from the LMS's launch URL through sign-in and the
binding confirmation to the module page, and back to the LMS with "Zurück zur Lernplattform".
Screenshots go to $SENSI_SCREENSHOTS (default /tmp/shots)."""

import os
import uuid
from pathlib import Path

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from courses.learning_records import module_activity
from tests.cmi5_lms import FakeLMS
from tests.factories import PASSWORD, UserFactory, module_page

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path(os.environ.get("SENSI_SCREENSHOTS", "/tmp/shots"))


@pytest.fixture
def lms():
    server = FakeLMS().start()
    with override_settings(SENSI_CMI5_ALLOWED_ORIGINS=[server.origin]):
        yield server
    server.stop()


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 360):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=SHOTS / f"{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_cmi5_launch_signs_in_initializes_and_returns_to_the_lms(desktop, live_server, lms):
    module = module_page()
    user = UserFactory(email="erika@example.org")
    page = desktop
    page.goto(lms.launch_url(live_server.url + module.url, module_activity(module).iri))
    assert "fetch" not in page.url

    page.get_by_label("E-Mail").fill(user.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("button", name="Ja, das ist mein Konto: verknüpfen").click()
    expect(page).to_have_url(live_server.url + module.url)
    expect(page.get_by_role("heading", name="Aus Ihrer Lernplattform geöffnet")).to_be_visible()
    assert lms.verbs() == ["initialized"]
    shoot(page, "cmi5-module-normal")

    page.get_by_role("button", name="Zurück zur Lernplattform").click()
    expect(page).to_have_url(f"{lms.origin}/course/42")
    assert lms.verbs() == ["initialized", "terminated"]


def test_cmi5_error_pages(desktop, live_server, lms):
    module = module_page()
    page = desktop
    url = lms.launch_url(live_server.url + module.url, module_activity(module).iri, fetch_key="k")
    page.goto(url)  # uses the fetch URL
    page.goto(url)
    expect(page.get_by_role("heading", name="Dieser Start wurde abgelehnt")).to_be_visible()
    shoot(page, "cmi5-fetch-used")

    unknown = url.replace("fetch%2Fk", "fetch%2Fk2")
    lms._fetch["k2"] = {"session_id": str(uuid.uuid4()), "used": False}
    lms._launch_data.clear()
    page.goto(unknown)
    expect(page.get_by_role("heading", name="Lernplattform nicht erreichbar")).to_be_visible()
    shoot(page, "cmi5-lms-unreachable")


def test_browse_mode_notice(desktop, live_server, lms):
    module = module_page()
    user = UserFactory(email="erika@example.org")
    page = desktop
    page.goto(
        lms.launch_url(
            live_server.url + module.url, module_activity(module).iri, launch_mode="Browse"
        )
    )
    page.get_by_label("E-Mail").fill(user.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.get_by_role("button", name="Ja, das ist mein Konto: verknüpfen").click()
    expect(page.get_by_text("Modus „Durchsehen“")).to_be_visible()
    shoot(page, "cmi5-module-browse")
