import pytest
from django.urls import reverse

from demo.impulses import seed_impulses
from tests.e2e.test_impulses import signed_in_cookie
from tests.factories import UserFactory, home_page

pytestmark = pytest.mark.django_db(transaction=True)


def test_shots(browser, live_server, transactional_db):
    call = __import__("django.core.management", fromlist=["call_command"]).call_command
    home = home_page("de")
    pages = seed_impulses(home)
    user = UserFactory()
    current = [p for p in pages if p.is_public][-1]
    targets = {
        "my_training": reverse("courses:my_training"),
        "impulse": current.url,
        "index": current.get_parent().url,
        "screensaver": reverse("impulses:screensaver"),
        "widget": reverse("impulses:widget"),
    }
    for width in (1280, 360):
        context = browser.new_context(viewport={"width": width, "height": 900}, base_url=live_server.url, locale="de-DE")
        context.add_cookies([signed_in_cookie(user, live_server.url)])
        page = context.new_page()
        for name, path in targets.items():
            page.goto(path)
            page.screenshot(path=f"/tmp/shots/{name}-{width}.png", full_page=name != "screensaver")
        page.goto(targets["my_training"])
        page.locator("#impulse input[name=option]").nth(1).check()
        page.get_by_role("button", name="Antwort absenden").click()
        page.screenshot(path=f"/tmp/shots/answered-{width}.png", full_page=True)
        page.goto(targets["my_training"])
        context.close()
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, base_url=live_server.url)
    page = context.new_page()
    page.goto(targets["screensaver"])
    page.screenshot(path="/tmp/shots/screensaver-1920.png")
    context.close()
    context = browser.new_context(viewport={"width": 3840, "height": 2160}, base_url=live_server.url)
    page = context.new_page()
    page.goto(targets["screensaver"])
    page.screenshot(path="/tmp/shots/screensaver-4k.png")
    context.close()
