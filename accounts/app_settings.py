"""Defaults of the accounts app's settings, each overridable in Django settings and, through
config/settings/base.py, by the environment variable of the same name (listed in
.env.example). Read them through `app_settings.NAME`, never at import time, so that
`override_settings` in tests takes effect (the pattern of courses/app_settings.py, after
allauth's `app_settings`)."""

from django.conf import settings

DEFAULTS = {
    # Public self-signup. Accounts come from the HR import or single sign-on, so it is off
    # unless an operator turns it on.
    "SENSI_OPEN_SIGNUP": False,
    # Members of these groups (and staff, superusers and anybody who may use the Wagtail
    # admin) must have passed a second factor in the current session before a privileged
    # page (accounts.mfa, accounts.middleware). Not from the environment: the roles are
    # Sensi's own.
    "SENSI_PRIVILEGED_GROUPS": [
        "CISO",
        "Datenschutzbeauftragte",
        "Ressort-ISB",
        "Redaktion",
        "Freigabe",
        "Editors",
        "Moderators",
        # Trainers see participants' names and record attendance, which discharges an
        # obligation in the ledger: a stolen trainer password must not forge that evidence.
        "Trainer",
    ],
    # Single sign-on (docs/security.md): match an SSO identity without a verified e-mail to
    # an employee by this claim holding the personnel number of the HR import ("": e-mail
    # only).
    "SENSI_OIDC_PERSONNEL_NUMBER_CLAIM": "",
    # Role mapping: the claim with the person's IdP groups, and {IdP value: Django group}
    # (from "value=group" pairs). Only the groups named here are set or removed on each SSO
    # sign-in.
    "SENSI_OIDC_ROLE_CLAIM": "",
    "SENSI_OIDC_ROLE_MAP": {},
    # Trust the IdP's statement that it did MFA (`amr` contains "mfa", or `acr` is one of
    # SENSI_OIDC_MFA_ACR_VALUES) in place of Sensi's second factor. Off by default.
    "SENSI_OIDC_TRUST_IDP_MFA": False,
    "SENSI_OIDC_MFA_ACR_VALUES": [],
    # Sessions end after this many minutes without a request, and in any case this many hours
    # after sign-in; a warning this many seconds before the idle limit offers to extend.
    # (config/settings/base.py also sets SENSI_SESSION_MAX_HOURS, since Django's
    # SESSION_COOKIE_AGE derives from it.)
    "SENSI_SESSION_IDLE_MINUTES": 30,
    "SENSI_SESSION_MAX_HOURS": 10,
    "SENSI_SESSION_WARNING_SECONDS": 120,
}


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])


def __getattr__(name: str):
    if name not in DEFAULTS:
        raise AttributeError(name)
    return setting(name)
