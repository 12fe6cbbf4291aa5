"""PASSWORD_HASHERS of config/settings/base.py: Argon2id first, PBKDF2 hashes upgrade on sign-in.

The test settings hash with MD5 for speed; these tests use the production hashers.
"""

import pytest
from django.contrib.auth.hashers import (
    Argon2PasswordHasher,
    check_password,
    get_hasher,
    make_password,
)
from django.test import override_settings
from django.urls import reverse

from config.settings import base
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

production_hashers = override_settings(PASSWORD_HASHERS=base.PASSWORD_HASHERS)


def _user_with_pbkdf2_hash(password):
    user = UserFactory(email="erika@example.org")
    user.password = make_password(password, hasher="pbkdf2_sha256")  # Django 5.2: 1,000,000
    user.save(update_fields=["password"])
    return user


@production_hashers
def test_argon2id_hashes_new_passwords_and_pbkdf2_hashes_still_verify():
    assert base.PASSWORD_HASHERS[0] == "accounts.hashers.SensiArgon2PasswordHasher"
    assert make_password("a-long-password-1").startswith("argon2$argon2id$")
    old_hash = make_password("a-long-password-1", hasher="pbkdf2_sha256")
    assert check_password("a-long-password-1", old_hash)


@production_hashers
def test_argon2id_parameters_meet_the_owasp_minimum():
    # OWASP Password Storage Cheat Sheet, Argon2id: m=19 MiB, t=2, p=1 or an equivalent
    # (m=46 MiB t=1, m=12 MiB t=3, m=9 MiB t=4, m=7 MiB t=5).
    hasher = get_hasher("argon2")
    owasp_minimum = {1: 47104, 2: 19456, 3: 12288, 4: 9216, 5: 7168}
    time_cost = min(hasher.time_cost, 5)
    assert hasher.time_cost >= 1 and hasher.parallelism >= 1
    assert hasher.memory_cost >= owasp_minimum[time_cost]


@production_hashers
def test_argon2id_uses_one_lane_and_at_least_the_minimum_of_two_passes_and_19_mib():
    # One lane: a hash takes one core, not every core of the server (accounts/hashers.py).
    hasher = get_hasher("argon2")
    assert (hasher.memory_cost, hasher.time_cost, hasher.parallelism) == (47104, 2, 1)
    assert make_password("a-long-password-1").startswith("argon2$argon2id$v=19$m=47104,t=2,p=1$")


@production_hashers
def test_a_hash_with_djangos_default_argon2_parameters_is_rewritten_on_sign_in(
    client, password, home
):
    user = UserFactory(email="erika@example.org")
    user.password = make_password(password, hasher=Argon2PasswordHasher())  # m=102400,t=2,p=8
    user.save(update_fields=["password"])
    assert ",p=8$" in user.password
    response = client.post(
        reverse("account_login"), {"login": "erika@example.org", "password": password}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert "$m=47104,t=2,p=1$" in user.password
    assert user.check_password(password)


@production_hashers
def test_a_pbkdf2_hash_upgrades_to_argon2id_when_the_user_signs_in(client, password, home):
    user = _user_with_pbkdf2_hash(password)
    response = client.post(
        reverse("account_login"), {"login": "erika@example.org", "password": password}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    user.refresh_from_db()
    assert user.password.startswith("argon2$argon2id$")
    assert user.check_password(password)


@production_hashers
def test_a_wrong_password_leaves_the_pbkdf2_hash_alone(client, password, home):
    user = _user_with_pbkdf2_hash(password)
    old_hash = user.password
    response = client.post(
        reverse("account_login"), {"login": "erika@example.org", "password": "wrong-" + password}
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.password == old_hash
