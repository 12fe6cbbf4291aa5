"""From the identity provider's claims to a Sensi user, their roles and their second factor.

Claims are taken from the signed ID token, then from the userinfo response (allauth stores
both in `SocialAccount.extra_data`).
"""

from collections.abc import Mapping

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from accounts import app_settings


def claims_of(extra_data: Mapping) -> dict:
    return {**(extra_data.get("userinfo") or {}), **(extra_data.get("id_token") or {})}


def _is_true(value) -> bool:
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def find_user_for_claims(claims: Mapping):
    """The active user these claims belong to, or None.

    1. A verified e-mail address (`email_verified` true) equal to a user's e-mail address,
       upper and lower case ignored.
    2. Otherwise, when `SENSI_OIDC_PERSONNEL_NUMBER_CLAIM` is set, an active employee of the
       HR import with that personnel number.
    Nobody is created: people without an account have none after SSO either.
    """
    users = get_user_model().objects.filter(is_active=True)
    email = claims.get("email")
    if isinstance(email, str) and email.strip() and _is_true(claims.get("email_verified")):
        user = users.filter(email__iexact=email.strip()).first()
        if user is not None:
            return user
    claim = app_settings.SENSI_OIDC_PERSONNEL_NUMBER_CLAIM
    number = claims.get(claim) if claim else None
    if isinstance(number, str | int) and str(number).strip():
        return users.filter(
            employee__personnel_number=str(number).strip(), employee__active=True
        ).first()
    return None


def _claim_values(value) -> set[str]:
    if isinstance(value, str):
        return set(value.replace(",", " ").split())
    if isinstance(value, list | tuple):
        return {str(item) for item in value}
    return set()


@transaction.atomic
def apply_role_map(*, user, claims: Mapping) -> None:
    """Set the Django groups named in `SENSI_OIDC_ROLE_MAP` from `SENSI_OIDC_ROLE_CLAIM`:
    a mapped group is added when the claim has its value and removed when it has not. Groups
    not named in the map are left alone. Without both settings nothing changes."""
    claim, role_map = app_settings.SENSI_OIDC_ROLE_CLAIM, app_settings.SENSI_OIDC_ROLE_MAP
    if not claim or not role_map:
        return
    values = _claim_values(claims.get(claim))
    wanted = {group for value, group in role_map.items() if value in values}
    managed = set(role_map.values())
    user.groups.remove(*Group.objects.filter(name__in=managed - wanted))
    user.groups.add(*(Group.objects.get_or_create(name=name)[0] for name in sorted(wanted)))


def idp_did_mfa(claims: Mapping) -> bool:
    """Whether the IdP says it used several factors, and Sensi is told to trust that
    (`SENSI_OIDC_TRUST_IDP_MFA`): `amr` contains "mfa" (RFC 8176) or `acr` is one of
    `SENSI_OIDC_MFA_ACR_VALUES`."""
    if not app_settings.SENSI_OIDC_TRUST_IDP_MFA:
        return False
    if "mfa" in _claim_values(claims.get("amr")):
        return True
    return claims.get("acr") in app_settings.SENSI_OIDC_MFA_ACR_VALUES
