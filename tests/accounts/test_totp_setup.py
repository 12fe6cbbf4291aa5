"""Privileged sign-in: from the real login form to TOTP set up, and the TOTP lockout."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse

from accounts.allauth_internals import activate_recovery_codes, totp_code
from compliance.reports.scopes import Role
from tests.factories import PASSWORD, UserFactory, with_totp

pytestmark = pytest.mark.django_db

# The production limits of config/settings/base.py (tests run with rate limits off).
LIMITS = {"login": "300/m/ip", "login_failed": "30/m/ip,5/5m/key"}


@pytest.fixture
def ciso():
    user = UserFactory()
    user.groups.add(Group.objects.get_or_create(name=Role.CISO)[0])
    return user


def sign_in(client, user, **extra):
    return client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}, **extra
    )


def secret_of(html: str) -> str:
    match = re.search(r'id="totp-secret"[^>]*>([A-Z2-7 ]+)<', html)
    assert match, "the setup page shows the secret"
    return match.group(1).replace(" ", "")


@pytest.mark.django_db(transaction=True)  # allauth reports the new authenticator on commit
def test_a_privileged_person_signing_in_without_totp_can_set_it_up(client, ciso):
    # The address rows of a real account: set up by a password reset, as a new account
    # from the HR import does.
    client.post(reverse("account_reset_password"), {"email": ciso.email})
    assert EmailAddress.objects.filter(user=ciso).exists()
    sign_in(client, ciso)
    response = client.get("/de/compliance/")
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    page = client.get(response["Location"])
    assert page.status_code == 200, page.get("Location")  # no refusal, no password again
    html = page.content.decode()
    assert 'inputmode="numeric"' in html
    assert 'autocomplete="one-time-code"' in html
    secret = secret_of(html)
    activated = client.post(response["Location"], {"code": totp_code(secret)})
    assert Authenticator.objects.filter(user=ciso, type=Authenticator.Type.TOTP).exists()
    assert activated.status_code == 302
    codes_url = activated["Location"]
    assert codes_url.startswith(reverse("mfa_view_recovery_codes"))
    codes = client.get(codes_url).content.decode()
    assert 'href="/de/compliance/"' in codes
    assert client.get("/de/compliance/").status_code == 200


def test_the_account_address_counts_as_verified(client, ciso):
    # A new account from the HR import sets its password through "Forgotten your
    # password?": allauth then adds the account's address, unverified by default.
    client.post(reverse("account_reset_password"), {"email": ciso.email})
    assert EmailAddress.objects.get(user=ciso, email=ciso.email).verified


@override_settings(SENSI_OPEN_SIGNUP=True)
def test_with_open_signup_sensi_does_not_vouch_for_addresses(client, ciso):
    client.post(reverse("account_reset_password"), {"email": ciso.email})
    assert not EmailAddress.objects.get(user=ciso, email=ciso.email).verified


def test_an_address_the_person_adds_is_not_verified(ciso):
    address = EmailAddress.objects.create(user=ciso, email="private@example.net")
    assert not address.verified


def test_the_continue_link_never_leaves_the_site(client, ciso):
    sign_in(client, ciso)
    with_totp(ciso)
    activate_recovery_codes(ciso)
    html = client.get(reverse("mfa_view_recovery_codes") + "?next=https://evil.example/")
    assert 'href="https://evil.example/"' not in html.content.decode()
    html = client.get(reverse("mfa_view_recovery_codes") + "?next=/de/compliance/")
    assert 'href="/de/compliance/"' in html.content.decode()


@override_settings(ACCOUNT_RATE_LIMITS=LIMITS)
def test_wrong_codes_from_one_address_do_not_lock_the_owner_elsewhere(client, ciso):
    secret = with_totp(ciso)
    attacker = {"REMOTE_ADDR": "198.51.100.7"}
    owner = {"REMOTE_ADDR": "203.0.113.9"}
    from django.test import Client

    attacker_client = Client()
    sign_in(attacker_client, ciso, **attacker)
    for _ in range(6):
        attacker_client.post(reverse("mfa_authenticate"), {"code": "000000"}, **attacker)
    response = attacker_client.post(
        reverse("mfa_authenticate"), {"code": totp_code(secret)}, **attacker
    )
    assert response.status_code == 200  # still locked at the attacker's address
    sign_in(client, ciso, **owner)
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)}, **owner)
    assert response.status_code == 302


def test_the_migration_verifies_existing_account_addresses(ciso):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("accounts.migrations.0002_verify_account_addresses")
    address = EmailAddress.objects.create(user=ciso, email="private@example.net")
    EmailAddress.objects.filter(pk=address.pk).update(email=ciso.email.upper())
    other = EmailAddress.objects.create(user=UserFactory(), email="someone@example.net")
    migration.verify_account_addresses(apps, None)
    assert EmailAddress.objects.get(pk=address.pk).verified
    assert not EmailAddress.objects.get(pk=other.pk).verified
