"""Sicherheitsimpulse in a real browser: the screensaver at 1920×1080 and 4K (rotation, no
request to anyone after loading, offline, reduced motion), and axe on every impulse page."""

import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django.urls import reverse

from tests.e2e.test_accessibility_audit import AXE_OPTIONS, readable
from tests.factories import UserFactory, home_page
from tests.impulses.conftest import impulse_page, index_page

pytestmark = pytest.mark.django_db(transaction=True)
FULL_HD = {"width": 1920, "height": 1080}
UHD = {"width": 3840, "height": 2160}


@pytest.fixture
def impulses(transactional_db):
    home = home_page("de")
    return [
        impulse_page(home, title="Erster Impuls", weeks_ago=1),
        impulse_page(home, title="Zweiter Impuls"),
        impulse_page(home, title="Nur für ein Ressort", everyone=False),
    ]


def open_page(browser, live_server, viewport, *, bypass_csp=False, **options):
    context = browser.new_context(
        viewport=viewport,
        base_url=live_server.url,
        locale="de-DE",
        bypass_csp=bypass_csp,
        **options,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def visible_titles(page) -> list[str]:
    return page.locator(".slide:visible .slide__title").all_inner_texts()


def wait_for_slide(page, title: str, seconds: float = 10) -> None:
    """Poll from Python: Playwright's wait_for_function evaluates a string, which the page's
    Content-Security-Policy (no 'unsafe-eval') forbids."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if visible_titles(page) == [title]:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"{title!r} was not shown; visible: {visible_titles(page)}")


def test_the_screensaver_rotates_at_full_hd_and_keeps_going_offline(
    browser, live_server, impulses, settings
):
    settings.SENSI_IMPULSE_SCREENSAVER_SECONDS = 1
    context, page = open_page(browser, live_server, FULL_HD)
    requests, problems = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    try:
        page.goto(reverse("impulses:screensaver"))
        page.wait_for_load_state("networkidle")
        assert visible_titles(page) == ["Zweiter Impuls"]
        assert "Nur für ein Ressort" not in page.content()
        assert all(url.startswith(live_server.url) for url in requests), requests
        loaded = len(requests)
        context.set_offline(True)
        wait_for_slide(page, "Erster Impuls")
        wait_for_slide(page, "Zweiter Impuls")
        assert len(requests) == loaded  # rotating needs nothing from the network
        assert not problems, problems  # no CSP violation, no script error
        # Nothing reaches beyond the screen: no scrolling on a screensaver.
        assert page.evaluate("document.documentElement.scrollHeight") <= FULL_HD["height"]
        title_px = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('.slide:not([hidden]) "
            ".slide__title')).fontSize)"
        )
        assert title_px >= 48  # readable from a few metres
    finally:
        context.close()


def test_the_screensaver_scales_up_on_a_4k_display(browser, live_server, impulses):
    sizes = {}
    for name, viewport in {"hd": FULL_HD, "uhd": UHD}.items():
        context, page = open_page(browser, live_server, viewport)
        try:
            page.goto(reverse("impulses:screensaver"))
            sizes[name] = page.evaluate(
                "parseFloat(getComputedStyle(document.querySelector('.slide__tip')).fontSize)"
            )
            assert page.evaluate("document.documentElement.scrollHeight") <= viewport["height"]
        finally:
            context.close()
    assert sizes["uhd"] >= 1.8 * sizes["hd"]
    assert sizes["hd"] >= 28


def test_the_screensaver_does_not_animate_with_reduced_motion(browser, live_server, impulses):
    context, page = open_page(browser, live_server, FULL_HD, reduced_motion="reduce")
    try:
        page.goto(reverse("impulses:screensaver"))
        animation = page.evaluate(
            "getComputedStyle(document.querySelector('.slide:not([hidden])')).animationName"
        )
        assert animation == "none"
    finally:
        context.close()


def signed_in_cookie(user, url) -> dict:
    client = Client()
    client.force_login(user)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": url}


@pytest.mark.parametrize("state", ["unanswered", "answered"])
def test_impulse_pages_have_no_wcag_violations(browser, live_server, impulses, state):
    axe = Axe()
    user = UserFactory()
    paths = {
        "screensaver": (reverse("impulses:screensaver"), FULL_HD),
        "widget": (reverse("impulses:widget"), {"width": 360, "height": 400}),
        "index": (index_page(home_page("de")).url, {"width": 1280, "height": 900}),
        "impulse": (impulses[1].url, {"width": 1280, "height": 900}),
        "impulse_360": (impulses[1].url, {"width": 360, "height": 740}),
        "my_training": (reverse("courses:my_training"), {"width": 1280, "height": 900}),
        "my_training_360": (reverse("courses:my_training"), {"width": 360, "height": 740}),
    }
    for name, (path, viewport) in paths.items():
        # Reduced motion: axe measures contrast as painted, and mid-fade a rotating slide
        # is half transparent (CI once caught the screensaver at 2.8:1 while fading in).
        context, page = open_page(
            browser, live_server, viewport, bypass_csp=True, reduced_motion="reduce"
        )
        context.add_cookies([signed_in_cookie(user, live_server.url)])
        try:
            page.goto(path)
            if state == "answered" and name == "my_training":
                page.locator("#impulse input[name=option]").first.check()
                page.get_by_role("button", name="Antwort absenden").click()
                page.wait_for_selector("#impulse-feedback")
            violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
            assert not violations, f"{name} ({state}): " + readable(violations)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"{name} scrolls horizontally: {width}px"
        finally:
            context.close()
