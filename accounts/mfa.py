"""Who must use a second factor, and whether this session has passed one.

Privileged people (see `is_privileged`) must have set up MFA and passed it in the current
session before any privileged page; `accounts.middleware.PrivilegedMFAMiddleware` enforces
this. Employees may use MFA too; allauth then asks for it at every sign-in.
"""

import time
from enum import Enum

from allauth.account import app_settings as account_settings
from allauth.account.authentication import get_authentication_records
from allauth.mfa.utils import is_mfa_enabled

from . import app_settings
from .oidc.mapping import claims_of, idp_did_mfa

# Set when the user adds an authenticator in this session: entering a valid code for the new
# TOTP secret (or completing the WebAuthn ceremony) proves the second factor, just as the
# challenge at sign-in does.
ENROLLED_SESSION_KEY = "sensi_mfa_enrolled_user"
# Set at an SSO sign-in whose ID token says the identity provider did MFA, when Sensi is told
# to trust that (`SENSI_OIDC_TRUST_IDP_MFA`, off by default; accounts.oidc.mapping).
IDP_MFA_SESSION_KEY = "sensi_mfa_idp_user"


class MFAState(Enum):
    NOT_REQUIRED = "not_required"
    NOT_SET_UP = "not_set_up"
    NOT_PASSED = "not_passed"
    PASSED = "passed"


def is_privileged(user) -> bool:
    """Redaktion and Freigabe (Wagtail editors and moderators), CISO, Datenschutzbeauftragte,
    Ressort-ISB, staff and superusers: the groups are `app_settings.SENSI_PRIVILEGED_GROUPS`;
    anybody else who may open the Wagtail admin counts too."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.is_staff:
        return True
    if user.groups.filter(name__in=app_settings.SENSI_PRIVILEGED_GROUPS).exists():
        return True
    return user.has_perm("wagtailadmin.access_admin")


def session_passed_mfa(request) -> bool:
    """Whether the signed-in user passed a second factor in this session: at sign-in, on
    reauthentication, by setting one up, or (if trusted) at the identity provider."""
    user = request.user
    records = get_authentication_records(request, user)
    if any(record.get("method") == "mfa" for record in records):
        return True
    return str(user.pk) in (
        request.session.get(ENROLLED_SESSION_KEY),
        request.session.get(IDP_MFA_SESSION_KEY),
    )


def signed_in_recently(request) -> bool:
    """Whether the user signed in (or reauthenticated) in this session less than
    `ACCOUNT_REAUTHENTICATION_TIMEOUT` seconds ago. allauth counts only reauthentications for
    its sensitive operations; Sensi counts a fresh sign-in too, so that setting up TOTP right
    after signing in does not ask for the password again."""
    if request is None or not request.user.is_authenticated:
        return False
    records = get_authentication_records(request, request.user)
    if not records:
        return False
    return time.time() - records[-1]["at"] < account_settings.REAUTHENTICATION_TIMEOUT


def mfa_state(request) -> MFAState:
    """Asks the session first: a session that has passed MFA costs no query."""
    user = request.user
    if session_passed_mfa(request):
        return MFAState.PASSED
    if not is_privileged(user):
        return MFAState.NOT_REQUIRED
    if not is_mfa_enabled(user):
        return MFAState.NOT_SET_UP
    return MFAState.NOT_PASSED


def mark_idp_mfa(request, user, sociallogin) -> None:
    """Receiver of allauth's `user_logged_in` for SSO sign-ins."""
    if idp_did_mfa(claims_of(sociallogin.account.extra_data)):
        request.session[IDP_MFA_SESSION_KEY] = str(user.pk)


def mark_enrolled(request, user) -> None:
    """Receiver of allauth's `authenticator_added`."""
    if request is not None and getattr(request, "session", None) is not None:
        request.session[ENROLLED_SESSION_KEY] = str(user.pk)
