"""Session lifetime on the server: new key at sign-in, idle and absolute timeouts, the
extension behind the warning, and sign-out that ends the server session."""

import re
import time
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from accounts import app_settings
from tests.factories import UserFactory, sign_in_with_mfa

pytestmark = pytest.mark.django_db

MINUTE = 60
HOUR = 60 * MINUTE


class Clock:
    """Time as the session middleware sees it, moved forward by the test."""

    def __init__(self):
        self.now = time.time()

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock():
    clock = Clock()
    with mock.patch("accounts.sessions._now", lambda: clock.now):
        yield clock


def signed_in(client) -> bool:
    response = client.get(reverse("courses:my_training"))
    return response.status_code == 200


def test_session_key_changes_at_sign_in(client, password, home):
    user = UserFactory()
    session = client.session  # an anonymous session before sign-in
    session["seen"] = True
    session.save()
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.session["_auth_user_id"] == str(user.pk)
    assert after != before


def test_idle_session_ends_after_the_idle_limit(learner_client, clock, home):
    clock.advance(app_settings.SENSI_SESSION_IDLE_MINUTES * MINUTE - MINUTE)
    assert signed_in(learner_client)
    clock.advance(app_settings.SENSI_SESSION_IDLE_MINUTES * MINUTE + 1)
    response = learner_client.get(reverse("courses:my_training"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in learner_client.session
    login_page = learner_client.get(response["Location"]).content.decode()
    assert "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an." in login_page


def test_activity_keeps_the_session_alive_until_the_absolute_limit(learner_client, clock, home):
    step = app_settings.SENSI_SESSION_IDLE_MINUTES * MINUTE - 5 * MINUTE
    elapsed = 0
    while elapsed + step < settings.SENSI_SESSION_MAX_HOURS * HOUR:
        clock.advance(step)
        elapsed += step
        assert signed_in(learner_client), f"signed out after {elapsed / HOUR:.1f} h"
    clock.advance(step)  # past the absolute limit, though never idle for long
    assert not signed_in(learner_client)


def test_extending_restarts_the_idle_timer(learner_client, clock, home):
    idle = app_settings.SENSI_SESSION_IDLE_MINUTES * MINUTE
    clock.advance(idle - MINUTE)
    response = learner_client.post(
        reverse("accounts:extend_session"), HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    assert response.json() == {"signed_in": True, "expires_in": idle, "idle_seconds": idle}
    clock.advance(idle - MINUTE)  # idle twice as long in all, but extended in between
    assert signed_in(learner_client)


def test_extension_cannot_go_past_the_absolute_limit(learner_client, clock):
    for _ in range(settings.SENSI_SESSION_MAX_HOURS * 3 - 1):  # 20 minutes short of the limit
        clock.advance(20 * MINUTE)
        learner_client.post(reverse("accounts:extend_session"), HTTP_ACCEPT="application/json")
    clock.advance(10 * MINUTE)  # 10 minutes before the absolute limit
    response = learner_client.post(
        reverse("accounts:extend_session"), HTTP_ACCEPT="application/json"
    )
    assert 10 * MINUTE - 1 <= response.json()["expires_in"] <= 10 * MINUTE


def test_extending_a_timed_out_session_is_refused(learner_client, clock):
    clock.advance(app_settings.SENSI_SESSION_IDLE_MINUTES * MINUTE + 1)
    response = learner_client.post(
        reverse("accounts:extend_session"), HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 401
    assert response.json()["signed_in"] is False
    assert "_auth_user_id" not in learner_client.session


def test_extension_needs_a_csrf_token(user, clock):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = client.post(reverse("accounts:extend_session"), HTTP_ACCEPT="application/json")
    assert response.status_code == 403


def test_extension_without_script_returns_to_the_page(learner_client):
    response = learner_client.post(reverse("accounts:extend_session"), {"next": "/de/some-page/"})
    assert response["Location"] == "/de/some-page/"
    response = learner_client.post(
        reverse("accounts:extend_session"), {"next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("courses:my_training")


def test_extension_is_only_a_post(learner_client):
    assert learner_client.get(reverse("accounts:extend_session")).status_code == 405


def test_pages_carry_the_warning_script_with_its_timing(learner_client, home):
    page = learner_client.get(reverse("courses:my_training")).content.decode()
    assert 'src="/static/js/session-timeout.js"' in page
    expires_in = int(re.search(r'data-expires-in="(\d+)"', page).group(1))
    idle = app_settings.SENSI_SESSION_IDLE_MINUTES * MINUTE
    assert idle - MINUTE <= expires_in <= idle
    assert f'data-warning-seconds="{app_settings.SENSI_SESSION_WARNING_SECONDS}"' in page
    assert f'data-extend-url="{reverse("accounts:extend_session")}"' in page
    assert 'data-text-extend="Sitzung verlängern"' in page


def test_the_wagtail_admin_carries_the_warning_script_too(client):
    sign_in_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))
    page = client.get("/admin/").content.decode()
    assert 'src="/static/js/session-timeout.js"' in page
    # No request in Wagtail's hook: the script takes the CSRF token from the admin's config.
    assert "data-csrf-token" not in page
    assert 'id="wagtail-config"' in page


def test_anonymous_pages_have_no_warning_script(client, home):
    page = client.get(reverse("account_login")).content.decode()
    assert "session-timeout.js" not in page


def test_sign_out_ends_the_server_session(learner_client, home):
    cookie = learner_client.cookies[settings.SESSION_COOKIE_NAME].value
    learner_client.post(reverse("account_logout"))
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = cookie
    assert not signed_in(replay)
