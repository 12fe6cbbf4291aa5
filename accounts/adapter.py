import logging

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import app_settings
from .allauth_internals import LoginAttemptsByAccountAndAddress
from .mfa import signed_in_recently
from .oidc.mapping import apply_role_map, claims_of, find_user_for_claims

logger = logging.getLogger(__name__)


class AccountAdapter(LoginAttemptsByAccountAndAddress, DefaultAccountAdapter):
    """The one seam where Sensi customises allauth (its one use of allauth's private API, the
    key of the "login_failed" rate limit, is isolated in accounts/allauth_internals.py)."""

    def is_open_for_signup(self, request) -> bool:
        # Accounts come from the HR import or single sign-on, not from self-signup.
        return app_settings.SENSI_OPEN_SIGNUP

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        # Setting up a second factor seconds after signing in must not ask for the password
        # again: a fresh sign-in counts as a recent reauthentication (accounts.mfa).
        if app == "allauth.mfa" and signed_in_recently(context.request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Single sign-on (OpenID Connect) signs in people Sensi already knows, never new ones.

    An SSO identity is linked to a user on its first sign-in by `find_user_for_claims`
    (verified e-mail address, or personnel number of the HR import); after that by its
    subject (`sub`). On every SSO sign-in the mapped roles are set from the claims.
    """

    def is_open_for_signup(self, request, sociallogin) -> bool:
        return False

    def pre_social_login(self, request, sociallogin) -> None:
        claims = claims_of(sociallogin.account.extra_data)
        if not sociallogin.is_existing:
            user = find_user_for_claims(claims)
            if user is None:
                logger.info(
                    "SSO sign-in refused: no Sensi account for subject %s", sociallogin.account.uid
                )
                self._refuse(
                    request,
                    _(
                        "There is no Sensi account for the person you signed in as with "
                        "%(provider)s. Sensi accounts are created from the HR data; please "
                        "contact your Sensi administrator."
                    )
                    % {"provider": sociallogin.provider.name},
                )
            if sociallogin.state.get("process") == "connect":
                if user != request.user:
                    self._refuse(
                        request,
                        _("This %(provider)s sign-in belongs to another person.")
                        % {"provider": sociallogin.provider.name},
                    )
                return  # allauth connects the account to the signed-in user
            sociallogin.connect(request, user)
        apply_role_map(user=sociallogin.user, claims=claims)

    @staticmethod
    def _refuse(request, message: str):
        messages.error(request, message)
        raise ImmediateHttpResponse(HttpResponseRedirect(reverse("account_login")))
