from allauth.account.signals import user_logged_in as allauth_user_logged_in
from allauth.mfa.signals import authenticator_added
from django.contrib.auth.signals import user_logged_in
from django.core.management import call_command
from django.dispatch import receiver

from .mfa import mark_enrolled, mark_idp_mfa
from .sessions import start_session


def create_cache_table(*, using: str = "default", verbosity: int = 1, **kwargs) -> None:
    """The table of the database cache (`CACHES`): login rate limits are shared by all app
    processes through it. Does nothing for other cache backends."""
    call_command("createcachetable", database=using, verbosity=max(verbosity - 1, 0))


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
