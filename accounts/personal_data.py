"""The personal data of `accounts` (see `gdpr`): the user account, its groups, and the
second factors (allauth.mfa) and single sign-on identities (allauth.socialaccount) that
belong to it. Kept as long as the account exists; accounts are deactivated, not purged."""

from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount

from gdpr import Declaration, Section

from .models import User


def account(user) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "pseudonym": str(user.pseudonym),
        "is_active": user.is_active,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


def roles(user) -> dict:
    return {
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
    }


def authenticators(user) -> list[dict]:
    """Metadata of second factors (allauth.mfa), never their secrets."""
    return list(
        Authenticator.objects.filter(user=user)
        .order_by("pk")
        .values("type", "created_at", "last_used_at")
    )


def single_sign_on(user) -> list[dict]:
    """Links to identities at the identity provider (allauth.socialaccount) with the claims
    Sensi kept from the last sign-in."""
    return list(
        SocialAccount.objects.filter(user=user)
        .order_by("pk")
        .values("provider", "uid", "date_joined", "last_login", "extra_data")
    )


DECLARATION = Declaration(
    models=(User, Authenticator, SocialAccount),
    sections=(
        Section("account", account),
        Section("roles", roles),
        Section("authenticators", authenticators),
        Section("single_sign_on", single_sign_on),
    ),
)
