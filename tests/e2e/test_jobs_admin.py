"""The admin's background jobs in a real browser (jobs.views): the list and a running job's
page at 1280 and 360 px with no WCAG violations (axe) and no horizontal scrolling, and the
progress bar following the job while it runs, until the page shows its result."""

import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

import jobs
from jobs.models import Job
from tests.factories import UserFactory, sign_in_with_mfa
from tests.jobs.job_functions import KIND

from .test_accessibility_audit import AXE_OPTIONS, readable

VIEWPORTS = {"1280": {"width": 1280, "height": 900}, "360": {"width": 360, "height": 740}}
# Screenshots for review, when asked for: SENSI_SCREENSHOTS=/some/dir
SCREENSHOTS = os.environ.get("SENSI_SCREENSHOTS")


@pytest.fixture
def jobs_site(transactional_db, live_server):
    admin = UserFactory(is_superuser=True, is_staff=True, first_name="Anna", last_name="Admin")
    client = Client()
    sign_in_with_mfa(client, admin)
    jobs.start(KIND, "tests.jobs.job_functions.count", user=admin, to=250_000)
    jobs.start(KIND, "tests.jobs.job_functions.create_ressort", user=admin, code="A", needs="B")
    running = Job.objects.create(
        kind="compliance.import_employees",
        function="compliance.jobs.import_employees_job",
        started_by=admin,
        state=Job.State.RUNNING,
        started_at=timezone.now(),
        stage="Zeilen prüfen",
        done=120_000,
        total=250_000,
    )
    return {"cookie": client.cookies["sessionid"].value, "running": running}


def open_page(browser, live_server, jobs_site, viewport):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], base_url=live_server.url, locale="de-DE", bypass_csp=True
    )
    context.add_cookies(
        [{"name": "sessionid", "value": jobs_site["cookie"], "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def audit(page, name: str, viewport: str) -> None:
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"{name} at {viewport} px:\n" + readable(violations)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[viewport]["width"], f"{name} scrolls sideways at {viewport} px"
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SCREENSHOTS}/jobs-{name}-{viewport}.png", full_page=True)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_job_list_and_a_running_job_have_no_wcag_violations(
    viewport, browser, live_server, jobs_site
):
    context, page = open_page(browser, live_server, jobs_site, viewport)
    try:
        page.goto("/admin/jobs/")
        expect(page.get_by_role("heading", name="Hintergrundaufträge")).to_be_visible()
        expect(page.locator("progress")).to_have_count(3)
        expect(page.get_by_text("120.000 von 250.000 (48 %)")).to_be_visible()
        audit(page, "list", viewport)

        page.goto(f"/admin/jobs/{jobs_site['running'].pk}/")
        expect(page.locator("progress")).to_have_attribute("value", "120000")
        audit(page, "running", viewport)

        failed = Job.objects.get(state=Job.State.FAILED)
        page.goto(f"/admin/jobs/{failed.pk}/")
        expect(page.get_by_role("button", name="Erneut versuchen")).to_be_visible()
        audit(page, "failed", viewport)
    finally:
        context.close()


def test_the_progress_bar_follows_the_job_and_the_page_shows_its_result(
    browser, live_server, jobs_site
):
    running = jobs_site["running"]
    context, page = open_page(browser, live_server, jobs_site, "1280")
    try:
        page.goto(f"/admin/jobs/{running.pk}/")
        text = page.locator("[data-job-progress-text]")
        expect(text).to_contain_text("120.000 von 250.000")

        Job.objects.filter(pk=running.pk).update(done=200_000, stage="Speichern")
        expect(text).to_have_text(re.compile(r"Speichern: 200\.000 von 250\.000 \(80 %\)"))
        expect(page.locator("progress")).to_have_attribute("value", "200000")

        Job.objects.filter(pk=running.pk).update(
            state=Job.State.SUCCEEDED,
            done=250_000,
            summary="Die Datei wurde importiert.",
            finished_at=timezone.now(),
        )
        expect(page.get_by_text("Die Datei wurde importiert.")).to_be_visible()
        expect(page.locator("[data-job-state]")).to_have_text("Erfolgreich")
    finally:
        context.close()
