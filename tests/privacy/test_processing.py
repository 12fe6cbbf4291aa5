"""The record of processing is generated from the settings the code uses."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from xapi.models import LRSClient

pytestmark = pytest.mark.django_db

PAGE = "/de/datenschutz/verarbeitung/"

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)")


def page(client, url=PAGE) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_is_public_and_linked_from_every_footer(client, home):
    assert reverse("privacy:processing") == PAGE
    text = page(client)
    assert f'href="{PAGE}"' in text
    assert "<caption>" in text and '<th scope="row">' in text
    assert "style=" not in text and not INLINE_SCRIPT.search(text)


@override_settings(
    SENSI_RETENTION_LEARNING_DAYS=123,
    SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS=4567,
    SENSI_RETENTION_REMINDER_DAYS=89,
    SESSION_COOKIE_AGE=8 * 3600,
)
def test_changing_a_setting_changes_the_page(client, home):
    text = page(client)
    assert "123 Tage" in text and "4567 Tage" in text and "89 Tage" in text
    assert "8 Stunden" in text
    with override_settings(
        SESSION_COOKIE_AGE=14 * 86400, SENSI_COMPLIANCE_REMINDER_INTERVAL_DAYS=3
    ):
        text = page(client)
    assert "14 Tage" in text and "höchstens einmal in 3 Tagen" in text
    assert "365 Tage" not in text


def test_the_page_names_the_xapi_actor_setting(client, home):
    assert "Pseudonym" in page(client)
    with override_settings(SENSI_XAPI_ACTOR="email"):
        assert "E-Mail-Adresse" in page(client)


def test_the_page_names_the_systems_that_read_learning_records(client, home):
    LRSClient.create(name="moodle", can_read=True, can_write=True)
    LRSClient.create(name="nur-schreiben", can_read=False, can_write=True)
    text = page(client)
    assert "moodle" in text and "nur-schreiben" not in text


def test_the_page_is_in_english_too(client, home):
    with translation.override("en"):
        url = reverse("privacy:processing")
    assert url == "/en/privacy/processing/"
    text = page(client, url)
    assert "Retention periods" in text and "365 days" in text
