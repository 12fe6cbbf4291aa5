"""The site's job page (jobs.views.site_job) in a real browser, as a CISO sees it after asking
for a large report: a finished report with its download, and a running one with its progress
bar, at 1280 and 360 px with no WCAG violations (axe) and no horizontal scrolling."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from compliance.reports.exports import REPORT_EXPORT
from compliance.reports.scopes import Role, scope_for
from jobs.models import Job
from tests.compliance.reports.org import build_org, user_with
from tests.factories import home_page, sign_in_with_mfa

from .test_jobs_admin import VIEWPORTS, audit, open_page


@pytest.fixture
def report_jobs(transactional_db, live_server):
    build_org(home_page("de"))
    ciso = user_with(Role.CISO, first_name="Carla", last_name="Ciso")
    client = Client()
    sign_in_with_mfa(client, ciso)
    with override_settings(SENSI_REPORT_INLINE_MAX_EMPLOYEES=1):
        # Tests run tasks at once: the request makes the job, and the job the PDF.
        response = client.get(reverse("compliance:reports_pdf"))
    finished = Job.objects.get(kind=REPORT_EXPORT)
    assert response["Location"] == reverse("jobs:job", args=[finished.pk])
    running = Job.objects.create(
        kind=REPORT_EXPORT,
        function="compliance.reports.exports.report_export_job",
        arguments={"user_id": ciso.pk, "scope": scope_for(ciso).describe()},
        started_by=ciso,
        state=Job.State.RUNNING,
        started_at=timezone.now(),
        heartbeat_at=timezone.now(),
        stage="Zeilen schreiben",
        done=61_500,
        total=148_000,
    )
    return {"cookie": client.cookies["sessionid"].value, "finished": finished, "running": running}


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_finished_and_a_running_report_job(viewport, browser, live_server, report_jobs):
    context, page = open_page(browser, live_server, report_jobs, viewport)
    try:
        page.goto(reverse("jobs:job", args=[report_jobs["finished"].pk]))
        download = page.get_by_role("link", name="Datei herunterladen")
        expect(download).to_be_visible()
        audit(page, "site-finished-report", viewport)
        with page.expect_download() as info:
            download.click()
        assert info.value.suggested_filename.startswith("sensi-compliance-")

        page.goto(reverse("jobs:job", args=[report_jobs["running"].pk]))
        expect(page.get_by_text("Zeilen schreiben: 61.500 von 148.000 (41 %)")).to_be_visible()
        expect(page.locator("progress")).to_have_count(1)
        audit(page, "site-running-report", viewport)
    finally:
        context.close()
