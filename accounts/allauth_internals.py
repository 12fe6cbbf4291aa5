"""The one module that uses django-allauth's private API, where allauth offers no public one.

allauth is otherwise customised only through its adapters (accounts/adapter.py). What is used
here may change in any allauth release, so pyproject.toml bounds allauth to the major version
this was written against, and tests/accounts/test_allauth_internals.py fails loudly when an
upgrade changes any of it. On an upgrade: read allauth's changelog for a public replacement,
then adjust this module and that test together.

- `LoginAttemptsByAccountAndAddress`: allauth keys its "login_failed" rate limit by the
  private `DefaultAccountAdapter._get_login_attempts_cache_key`, with no public setting.
- `install_mfa_attempts_by_account_and_address`: allauth.mfa keys its failed-code limit by
  the private `check_rate_limit` of `allauth.mfa.base.internal.flows`, imported by name into
  its form modules, with no setting or adapter method.
- `activate_totp`, `totp_code`, `activate_recovery_codes`: set up a second factor without the
  QR-code dialogue, for tests and the load benchmark (allauth.mfa's `internal` packages).
"""

import time

import allauth.mfa.base.forms
import allauth.mfa.base.internal.flows
import allauth.mfa.totp.forms
import allauth.mfa.webauthn.forms
from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.core import context, ratelimit
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


# The modules of allauth.mfa that count failed codes with `check_rate_limit`.
MFA_RATE_LIMITED_MODULES = (
    allauth.mfa.base.internal.flows,
    allauth.mfa.base.forms,
    allauth.mfa.totp.forms,
    allauth.mfa.webauthn.forms,
)


def check_mfa_rate_limit(user, error_key: str | None = None):
    """allauth.mfa's `check_rate_limit` with the key (account, client address), like
    `LoginAttemptsByAccountAndAddress`: wrong codes from one address lock the second factor
    of that account at that address only, never its owner elsewhere. The "login_failed" limit
    per address still caps guessing across accounts."""
    request = context.request
    adapter = get_account_adapter(request)
    key = f"mfa-auth-user-{user.pk}:{adapter.get_client_ip(request)}"
    if not ratelimit.consume(request, action="login_failed", key=key):
        raise adapter.validation_error(error_key or "too_many_login_attempts")
    return lambda: ratelimit.clear(request, action="login_failed", key=key)


def install_mfa_attempts_by_account_and_address() -> None:
    """Called once from `AccountsConfig.ready`."""
    for module in MFA_RATE_LIMITED_MODULES:
        module.check_rate_limit = check_mfa_rate_limit


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
