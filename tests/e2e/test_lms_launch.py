"""Finding 10 in Chromium: Moodle's launch window opens Sensi's launch URL with window.open from
its own origin and polls `closed` on it. The launched pages must keep the opener link
(`Cross-Origin-Opener-Policy: unsafe-none`); every other page keeps `same-origin`."""

import uuid

import pytest
from playwright.sync_api import expect

from tests import moodle_plugin
from tests.factories import PASSWORD, UserFactory, module_page
from xapi.activities import page_iri
from xapi.models import ActorBinding, LRSClient

pytestmark = pytest.mark.django_db(transaction=True)

LMS = "http://lms.test/"
# What mod_tincanlaunch's launch page does, reduced: open the module, keep the window handle.
LMS_PAGE = """<!doctype html><html lang="de"><head><title>LMS</title></head><body>
<script>function launch(url) { window.launched = window.open(url, "_blank"); }</script>
</body></html>"""


@pytest.fixture
def lms(browser, live_server):
    """A tab on the LMS's origin, which is not Sensi's."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    context.route(f"{LMS}**", lambda route: route.fulfill(content_type="text/html", body=LMS_PAGE))
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(LMS)
    yield page
    context.close()


def open_from_lms(lms, url):
    with lms.expect_popup() as popup:
        lms.evaluate("url => launch(url)", url)
    return popup.value


def launch_url(live_server, module, email):
    master, master_secret = LRSClient.create(name="moodle", can_read=True, can_write=True)
    endpoint = live_server.url + "/xapi/"
    actor = moodle_plugin.moodle_actor(email)
    registration = uuid.uuid4()
    response = moodle_plugin.request_credentials(
        endpoint,
        (master.key, master_secret),
        actor=actor,
        activity_id=page_iri(module),
        registration=registration,
    )
    assert response.status_code == 200, response.text
    creds = response.json()
    return moodle_plugin.launch_url(
        live_server.url + module.url,
        endpoint=endpoint,
        auth=moodle_plugin.basic(creds["key"], creds["secret"]),
        actor=actor,
        registration=registration,
        activity_id=page_iri(module),
    )


def test_the_launch_window_keeps_its_opener(lms, live_server):
    module = module_page()
    user = UserFactory(email="erika@example.org")
    popup = open_from_lms(lms, launch_url(live_server, module, user.email))

    # Not signed in: the launch goes through the login page and the binding confirmation.
    popup.get_by_label("E-Mail").fill(user.email)
    popup.get_by_label("Passwort").fill(PASSWORD)
    popup.get_by_role("button", name="Anmelden").click()
    popup.get_by_role("button", name="Ja, das ist mein Konto: verknüpfen").click()
    expect(popup).to_have_url(live_server.url + module.url)
    expect(popup.get_by_role("heading", level=1, name=module.title)).to_be_visible()
    assert ActorBinding.objects.get().user == user

    # The LMS still sees its window open, and the module still sees the LMS.
    lms.wait_for_timeout(1_000)  # Moodle polls every second
    assert lms.evaluate("window.launched.closed") is False
    assert popup.evaluate("window.opener !== null") is True


def test_a_normal_page_still_cuts_the_opener(lms, live_server):
    """The negative control: without a launch, Sensi's pages send `same-origin`, and the
    LMS's handle on the window reads as closed."""
    popup = open_from_lms(lms, live_server.url + "/de/accounts/login/")
    expect(popup.get_by_label("E-Mail")).to_be_visible()
    response = popup.request.get(live_server.url + "/de/accounts/login/")
    assert response.headers["cross-origin-opener-policy"] == "same-origin"
    assert lms.evaluate("window.launched.closed") is True
    assert popup.evaluate("window.opener") is None
