from allauth.account.models import EmailAddress
from allauth.account.signals import user_logged_in as allauth_user_logged_in
from allauth.mfa.signals import authenticator_added
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.core.management import call_command
from django.db import connections
from django.db.models.signals import pre_save
from django.dispatch import receiver

from . import app_settings
from .mfa import mark_enrolled, mark_idp_mfa
from .sessions import start_session


def create_cache_table(*, using: str = "default", verbosity: int = 1, **kwargs) -> None:
    """The table of the database cache (`CACHES`): login rate limits are shared by all app
    processes through it. Does nothing for other cache backends.

    On PostgreSQL the table is UNLOGGED: a sign-in updates its rate-limit counters in about a
    dozen transactions, and each COMMIT of a logged table waits for the WAL to reach the disk
    (about 5 ms here); an unlogged table's commits do not wait. Its rows survive a restart but
    not a crash, and are not streamed to a replica: cache entries are disposable (a crash resets
    the rate limits), and the router reads the cache from the primary only (dbrouting)."""
    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))
    connection = connections[using]
    if connection.vendor != "postgresql":
        return
    for cache in settings.CACHES.values():
        if cache["BACKEND"] != "django.core.cache.backends.db.DatabaseCache":
            continue
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT relpersistence FROM pg_class WHERE oid = to_regclass(%s)",
                [cache["LOCATION"]],
            )
            if cursor.fetchone() == ("p",):  # permanent (logged)
                table = connection.ops.quote_name(cache["LOCATION"])
                cursor.execute(f"ALTER TABLE {table} SET UNLOGGED")


@receiver(user_logged_in, dispatch_uid="sensi_start_session")
def start_session_on_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        start_session(request.session)


@receiver(authenticator_added, dispatch_uid="sensi_mark_mfa_enrolled")
def mark_mfa_enrolled(sender, request, user, **kwargs):
    mark_enrolled(request, user)


@receiver(allauth_user_logged_in, dispatch_uid="sensi_mark_idp_mfa")
def mark_idp_mfa_on_sso_login(sender, request, user, sociallogin=None, **kwargs):
    if sociallogin is not None and request is not None:
        mark_idp_mfa(request, user, sociallogin)


def is_vouched_address(address) -> bool:
    """Whether Sensi vouches for this address of the account: while self-signup is closed
    (`SENSI_OPEN_SIGNUP`), an account and its address come only from the HR import, an
    administrator or single sign-on, never from the person who signs in."""
    if app_settings.SENSI_OPEN_SIGNUP:
        return False
    return (address.email or "").lower() == (address.user.email or "").lower()


@receiver(pre_save, sender=EmailAddress, dispatch_uid="sensi_verify_vouched_address")
def verify_vouched_address(sender, instance, **kwargs):
    """allauth adds the account's address as *unverified* (at a password reset, at SSO
    sign-up, on the e-mail page) although `ACCOUNT_EMAIL_VERIFICATION` is "none", and
    allauth.mfa then refuses to set up a second factor. The account's own address is marked
    verified where Sensi vouches for it; addresses a person adds themself are not."""
    if not instance.verified and is_vouched_address(instance):
        instance.verified = True
