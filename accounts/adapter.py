import logging

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .oidc.mapping import apply_role_map, claims_of, find_user_for_claims

logger = logging.getLogger(__name__)


class AccountAdapter(DefaultAccountAdapter):
    """The one seam where Sensi customises allauth."""

    def is_open_for_signup(self, request) -> bool:
        # Accounts come from the HR import or single sign-on, not from self-signup.
        return settings.SENSI_OPEN_SIGNUP

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        """The `key` of the "login_failed" rate limit: the account *and* the client address.

        allauth's default key is the account alone, so anybody could lock the CISO out by
        failing to sign in as them five times. With the address in the key, failed attempts
        from one address block further attempts for that account from that address only;
        the per-address limit caps guessing across accounts. allauth uses this key both to
        count failures (`pre_authenticate`) and to clear them after a password reset.
        """
        account_key = super()._get_login_attempts_cache_key(request, **credentials)
        return f"{account_key}:{self.get_client_ip(request)}"


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
