"""The private allauth API that accounts/allauth_internals.py relies on. These tests fail on
an allauth upgrade that changes it: then look for a public replacement in allauth's changelog
and adjust that module, this test and the bound in pyproject.toml together."""

import inspect
import re
from importlib.metadata import version
from pathlib import Path

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.mfa.models import Authenticator
from django.test import RequestFactory

from accounts import allauth_internals
from accounts.allauth_internals import (
    activate_recovery_codes,
    activate_totp,
    format_hotp_value,
    hotp_value,
)
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]


def test_the_installed_allauth_is_within_the_bound_of_pyproject():
    bound = re.search(
        r'"django-allauth\[[^\]]*\]>=(\d+)[^,]*,<(\d+)"', (ROOT / "pyproject.toml").read_text()
    )
    assert bound, "pyproject.toml must bound django-allauth's major version"
    major = int(version("django-allauth").split(".")[0])
    assert int(bound[1]) <= major < int(bound[2])


def test_allauth_still_keys_login_failures_by_the_private_cache_key_method():
    private = DefaultAccountAdapter._get_login_attempts_cache_key
    assert list(inspect.signature(private).parameters) == ["self", "request", "credentials"]
    # Both the counting and the clearing after a password reset must go through it, or the
    # override would count under one key and clear another.
    for user in (
        DefaultAccountAdapter.pre_authenticate,
        DefaultAccountAdapter._delete_login_attempts_cached_email,
    ):
        assert "self._get_login_attempts_cache_key(" in inspect.getsource(user), user.__name__


@pytest.mark.django_db
def test_the_adapter_keys_login_failures_by_account_and_address():
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
    adapter = get_account_adapter(request)
    assert isinstance(adapter, allauth_internals.LoginAttemptsByAccountAndAddress)

    key = adapter._get_login_attempts_cache_key(request, email="CISO@example.org")

    assert key.endswith(":ciso@example.org:203.0.113.9")


def test_hotp_codes_match_the_test_vectors_of_rfc_4226():
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # base32 of "12345678901234567890"
    codes = [format_hotp_value(hotp_value(secret, counter)) for counter in range(3)]
    assert codes == ["755224", "287082", "359152"]


@pytest.mark.django_db
def test_totp_and_recovery_codes_are_stored_as_allauth_reads_them():
    user = UserFactory()
    activate_totp(user)
    codes = activate_recovery_codes(user)

    assert set(Authenticator.objects.filter(user=user).values_list("type", flat=True)) == {
        Authenticator.Type.TOTP,
        Authenticator.Type.RECOVERY_CODES,
    }
    assert len(codes) > 0 and all(code.isalnum() for code in codes)


def test_allauth_mfa_counts_failed_codes_with_sensis_key():
    """allauth.mfa still imports `check_rate_limit` by name into these modules, and Sensi's
    account-and-address version is the one they call (installed in AccountsConfig.ready)."""
    import inspect

    from accounts.allauth_internals import MFA_RATE_LIMITED_MODULES, check_mfa_rate_limit

    for module in MFA_RATE_LIMITED_MODULES:
        assert module.check_rate_limit is check_mfa_rate_limit, module.__name__
    original = inspect.getsource(inspect.getmodule(MFA_RATE_LIMITED_MODULES[0]))
    assert 'key = f"mfa-auth-user-{str(user.pk)}"' in original
