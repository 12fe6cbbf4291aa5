"""Sessions in a real browser: an employee registers and cancels on the session page reached
from the module, and a trainer takes attendance on a 360 px phone. axe finds 0 violations on
each page at 1280 and 360 px. Screenshots go to SENSI_SCREENSHOT_DIR when it is set."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from seminars.models import Attendance, Registration
from tests.e2e.test_accessibility_audit import AXE_OPTIONS, readable
from tests.factories import PASSWORD, UserFactory, home_page, module_page, sign_in_with_mfa
from tests.seminars.conftest import make_session, trainer_group

WIDTHS = {"1280": {"width": 1280, "height": 900}, "360": {"width": 360, "height": 740}}


def sign_in(page, email):
    page.goto("/de/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


def sign_in_trainer(context, trainer, live_server) -> None:
    """Trainers are privileged: their session has passed the second factor."""
    client = Client()
    sign_in_with_mfa(client, trainer)
    session = client.cookies["sessionid"].value
    context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])


def check(page, name: str, width: str) -> None:
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"{name} at {width} px:\n" + readable(violations)
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= int(width), f"{name} scrolls horizontally at {width} px"
    if directory := os.environ.get("SENSI_SCREENSHOT_DIR"):
        Path(directory).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{directory}/{name}-{width}.png", full_page=True)


@pytest.fixture
def setting(transactional_db):
    home_page("de")
    module = module_page(title="Phishing erkennen", lessons=1)
    trainer = UserFactory(email="trainer@example.org", first_name="Tina", last_name="Lehmann")
    trainer.groups.add(trainer_group())
    session = make_session(module=module, trainer=trainer, capacity=1)
    learner = UserFactory(email="erika@example.org", first_name="Erika", last_name="Muster")
    return module, session, trainer, learner


@pytest.mark.parametrize("width", WIDTHS)
def test_employee_registers_and_cancels(setting, browser, live_server, width):
    module, session, _trainer, learner = setting
    context = browser.new_context(
        viewport=WIDTHS[width], base_url=live_server.url, locale="de-DE", bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        sign_in(page, learner.email)
        page.goto(module.url)
        check(page, "module-sessions", width)
        page.locator(f"a[href='{reverse('seminars:session', args=[session.pk])}']").click()
        page.wait_for_load_state()
        check(page, "session", width)
        with page.expect_navigation():
            page.locator("form[action*='anmelden'] button").click()
        assert Registration.objects.get(user=learner).status == "confirmed"
        assert page.locator(".message--success").count() >= 1
        check(page, "session-registered", width)
        page.goto(reverse("courses:my_training"))
        check(page, "my-training-sessions", width)
        page.goto(reverse("seminars:session", args=[session.pk]))
        with page.expect_navigation():
            page.locator("form[action*='abmelden'] button").click()
        assert Registration.objects.get(user=learner).status == "cancelled"
    finally:
        context.close()


def test_trainer_takes_attendance_on_a_phone(setting, browser, live_server):
    _module, session, trainer, learner = setting
    Registration.objects.create(session=session, user=learner, status="confirmed")
    session.starts_at = timezone.now() - timedelta(minutes=10)
    session.registration_deadline = session.starts_at - timedelta(days=1)
    session.save()
    context = browser.new_context(
        viewport=WIDTHS["360"],
        base_url=live_server.url,
        locale="de-DE",
        bypass_csp=True,
        has_touch=True,
        is_mobile=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        sign_in_trainer(context, trainer, live_server)
        page.goto(reverse("seminars:trainer"))
        check(page, "trainer-sessions", "360")
        page.locator(f"a[href='{reverse('seminars:attendance', args=[session.pk])}']").click()
        page.wait_for_load_state()
        check(page, "attendance", "360")
        box = page.locator(f"#present-{learner.pk}")
        size = page.locator(".attendance__item").first.bounding_box()
        assert size["height"] >= 44  # a touch target of at least 44 CSS px (WCAG 2.5.5)
        page.get_by_text("Muster, Erika").tap()
        assert box.is_checked()
        with page.expect_navigation():
            page.locator(".attendance__save").tap()
        assert Attendance.objects.filter(session=session, user=learner).exists()
        check(page, "attendance-saved", "360")
    finally:
        context.close()


def test_trainer_pages_at_desktop_width(setting, browser, live_server):
    _module, session, trainer, learner = setting
    Registration.objects.create(session=session, user=learner, status="confirmed")
    context = browser.new_context(
        viewport=WIDTHS["1280"], base_url=live_server.url, locale="de-DE", bypass_csp=True
    )
    page = context.new_page()
    try:
        sign_in_trainer(context, trainer, live_server)
        page.goto(reverse("seminars:trainer"))
        check(page, "trainer-sessions", "1280")
        page.goto(reverse("seminars:attendance", args=[session.pk]))
        check(page, "attendance", "1280")
    finally:
        context.close()
