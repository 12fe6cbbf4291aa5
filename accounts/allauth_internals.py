"""The one module that uses django-allauth's private API, where allauth offers no public one.

allauth is otherwise customised only through its adapters (accounts/adapter.py). What is used
here may change in any allauth release, so pyproject.toml bounds allauth to the major version
this was written against, and tests/accounts/test_allauth_internals.py fails loudly when an
upgrade changes any of it. On an upgrade: read allauth's changelog for a public replacement,
then adjust this module and that test together.

- `LoginAttemptsByAccountAndAddress`: allauth keys its "login_failed" rate limit by the
  private `DefaultAccountAdapter._get_login_attempts_cache_key`, with no public setting.
- `activate_totp`, `totp_code`, `activate_recovery_codes`: set up a second factor without the
  QR-code dialogue, for tests and the load benchmark (allauth.mfa's `internal` packages).
"""

import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)


class LoginAttemptsByAccountAndAddress:
    """Adapter mixin: the `key` of the "login_failed" rate limit is the account *and* the
    client address.

    allauth's default key is the account alone, so anybody could lock the CISO out by failing
    to sign in as them five times. With the address in the key, failed attempts from one
    address block further attempts for that account from that address only; the per-address
    limit caps guessing across accounts. allauth uses this key both to count failures
    (`pre_authenticate`) and to clear them after a password reset.
    """

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        account_key = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account_key}:{self.get_client_ip(request)}"


def activate_totp(user) -> str:
    """Set up TOTP for the user, as if they had scanned the QR code; returns the secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def totp_code(secret: str) -> str:
    """The current code of an authenticator app with this secret."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


def activate_recovery_codes(user) -> list[str]:
    """Generate the user's recovery codes; returns the unused ones."""
    return RecoveryCodes.activate(user).get_unused_codes()
