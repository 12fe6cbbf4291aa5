"""xapi.wagtail_hooks in a real browser: the LMS actor bindings list and the release
confirmation at 1280 and 360 px with no WCAG violations (axe) and no horizontal scrolling;
releasing goes through the confirmation. SENSI_SCREENSHOTS=/some/dir keeps screenshots."""

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from tests.factories import UserFactory, sign_in_with_mfa
from xapi.models import ActorBinding

from .test_jobs_admin import VIEWPORTS, audit, open_page


@pytest.fixture
def bindings_site(transactional_db, live_server):
    admin = UserFactory(is_superuser=True, is_staff=True, first_name="Anna", last_name="Admin")
    client = Client()
    sign_in_with_mfa(client, admin)
    for number in range(3):
        person = UserFactory(
            email=f"bound{number}@example.org", first_name="Erika", last_name=f"Muster{number}"
        )
        ActorBinding.objects.create(
            actor_ifi=f"account:https://moodle.example.org|moodle-user-{number}",
            actor={"account": {"homePage": "https://moodle.example.org", "name": f"m{number}"}},
            user=person,
        )
    return {"cookie": client.cookies["sessionid"].value}


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_the_bindings_list_and_release_confirmation_have_no_wcag_violations(
    browser, live_server, bindings_site, viewport
):
    context, page = open_page(browser, live_server, bindings_site, viewport)
    try:
        page.goto(reverse("lms_actor_bindings:index"))
        expect(page.get_by_text("moodle-user-2")).to_be_visible()
        audit(page, "actor-bindings", viewport)

        binding = ActorBinding.objects.get(actor_ifi__endswith="moodle-user-1")
        page.goto(reverse("lms_actor_bindings:delete", args=[binding.pk]))
        expect(page.locator("main")).to_contain_text("Erika Muster1")
        audit(page, "actor-binding-release", viewport)
        page.locator("main form button[type=submit], main form input[type=submit]").first.click()
        expect(page.locator("table").get_by_text("moodle-user-1")).to_have_count(0)
        expect(page.locator("table").get_by_text("moodle-user-2")).to_be_visible()
        assert not ActorBinding.objects.filter(pk=binding.pk).exists()
    finally:
        context.close()
