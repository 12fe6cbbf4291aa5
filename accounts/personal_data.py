"""The personal data of `accounts` (see `gdpr`): the user account, its groups, and the
second factors (allauth.mfa) and single sign-on identities (allauth.socialaccount) that
belong to it. Kept as long as the account exists; accounts are deactivated, not purged."""

from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.db.models import QuerySet

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


def groups(user) -> QuerySet:
    return user.groups.values("name")


def roles(user, rows: list[dict]) -> dict:
    return {
        "groups": sorted(row["name"] for row in rows),
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
    }


def authenticators(user) -> QuerySet:
    """Metadata of second factors (allauth.mfa), never their secrets."""
    return (
        Authenticator.objects.filter(user=user)
        .order_by("pk")
        .values("type", "created_at", "last_used_at")
    )


def single_sign_on(user) -> QuerySet:
    """Links to identities at the identity provider (allauth.socialaccount) with the claims
    Sensi kept from the last sign-in."""
    return (
        SocialAccount.objects.filter(user=user)
        .order_by("pk")
        .values("provider", "uid", "date_joined", "last_login", "extra_data")
    )


DECLARATION = Declaration(
    models=(User, Authenticator, SocialAccount),
    sections=(
        Section("account", account),
        Section("roles", groups, shape=roles),
        Section("authenticators", authenticators),
        Section("single_sign_on", single_sign_on),
    ),
)
