"""selfcheck.wagtail_hooks: editors create, order and translate the steps in the admin."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from selfcheck.models import SelfCheckStep

pytestmark = pytest.mark.django_db

URLS = "wagtailsnippets_selfcheck_selfcheckstep"


def test_an_editor_creates_a_step_with_a_router_variant(admin_client):
    Locale.objects.get_or_create(language_code="de")
    data = nested_form_data(
        {
            "area": "router",
            "question": "Ist das Administratorkennwort Ihres Routers geändert?",
            "instruction": rich_text("<p>Vergeben Sie ein eigenes Kennwort.</p>"),
            "router_instructions": streamfield(
                [
                    (
                        "router_instruction",
                        {
                            "router": "fritzbox",
                            "instruction": rich_text("<p>System > FRITZ!Box-Benutzer</p>"),
                        },
                    )
                ]
            ),
            "active": "on",
        }
    )
    response = admin_client.post(reverse(f"{URLS}:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    step = SelfCheckStep.objects.get()
    assert step.router_variants[0][0] == "AVM FRITZ!Box"
    assert step.sort_order is not None


def test_the_listing_offers_reordering_and_moving_a_step_changes_the_order(admin_client, steps):
    listing = admin_client.get(reverse(f"{URLS}:list"))
    assert listing.status_code == 200
    last = steps[-1]
    response = admin_client.post(reverse(f"{URLS}:reorder", args=[last.pk]) + "?position=0")
    assert response.status_code == 200
    assert list(SelfCheckStep.objects.all())[0] == last


def test_the_admin_lists_the_steps(admin_client, steps):
    response = admin_client.get(reverse(f"{URLS}:list"))
    assert steps[0].question in response.content.decode()
