"""Login rate limits: counted in the shared database cache, keyed per client address and per
(account, address), so that nobody can lock another person out from elsewhere."""

import pytest
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

# The production limits of config/settings/base.py (tests run with rate limits off).
LIMITS = {"login": "300/m/ip", "login_failed": "30/m/ip,5/5m/key"}

rate_limited = override_settings(ACCOUNT_RATE_LIMITS=LIMITS)


def attempt(client, email, password, ip):
    client.post(reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR=ip)
    signed_in = "_auth_user_id" in client.session
    client.logout()
    return signed_in


@pytest.fixture
def ciso(db):
    return UserFactory(email="ciso@example.org")


@rate_limited
def test_failed_attempts_from_one_address_do_not_lock_out_the_real_user(
    client, ciso, password, home
):
    for _ in range(6):
        assert not attempt(client, "ciso@example.org", "wrong-guess", ip="203.0.113.9")
    # The attacker's address is blocked for this account, even with the right password ...
    assert not attempt(client, "ciso@example.org", password, ip="203.0.113.9")
    # ... but the CISO signs in from their own address.
    assert attempt(client, "ciso@example.org", password, ip="198.51.100.20")


@rate_limited
def test_too_many_failures_for_one_account_from_one_address_are_refused(
    client, ciso, password, home
):
    for _ in range(5):
        attempt(client, "ciso@example.org", "wrong-guess", ip="203.0.113.9")
    response = client.post(
        reverse("account_login"),
        {"login": "ciso@example.org", "password": password},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Zu viele" in response.content.decode() or "Too many" in response.content.decode()


@rate_limited
def test_one_address_guessing_across_many_accounts_is_stopped(client, password, home):
    victim = UserFactory()
    for n in range(30):
        attempt(client, f"nobody{n}@example.org", "wrong-guess", ip="203.0.113.9")
    assert not attempt(client, victim.email, password, ip="203.0.113.9")
    assert attempt(client, victim.email, password, ip="198.51.100.20")


@rate_limited
def test_successful_logins_do_not_count_as_failures(client, ciso, password, home):
    for _ in range(8):
        assert attempt(client, "ciso@example.org", password, ip="198.51.100.20")


@rate_limited
def test_attempts_are_counted_in_the_shared_database_cache(client, ciso, home):
    attempt(client, "ciso@example.org", "wrong-guess", ip="203.0.113.9")
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM sensi_cache")
        (rows,) = cursor.fetchone()
    # Every app process sees the same rows: the count holds across gunicorn workers.
    assert rows >= 1
    assert isinstance(caches["default"], DatabaseCache)
