import secrets

from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider

from accounts import app_settings

from .views import SensiOIDCAdapter


class SensiOIDCProvider(OpenIDConnectProvider):
    """allauth's `openid_connect` provider with signature and nonce checks (see package)."""

    # allauth builds the provider URLs from `<package>.urls`: Sensi's views, same URL names.
    package = "accounts.oidc"
    oauth2_adapter_class = SensiOIDCAdapter

    def sociallogin_from_response(self, request, response):
        """Keep only the claims Sensi uses (data minimisation): allauth stores what is kept
        in `SocialAccount.extra_data` and overwrites it at every sign-in."""
        return super().sociallogin_from_response(
            request,
            {part: _used_claims(claims) for part, claims in response.items() if claims},
        )

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None)
        if auth_params is None:
            auth_params = self.get_auth_params()
        auth_params = {**auth_params, "nonce": nonce}
        # The nonce goes into allauth's state (in the session), which the callback pops.
        return super().redirect(
            request, process, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs
        )


# The claims that find the person, map the roles and state the IdP's MFA (accounts.oidc.mapping).
USED_CLAIMS = ("iss", "sub", "email", "email_verified", "amr", "acr", "auth_time")


def _used_claims(claims: dict) -> dict:
    names = {
        *USED_CLAIMS,
        app_settings.SENSI_OIDC_PERSONNEL_NUMBER_CLAIM,
        app_settings.SENSI_OIDC_ROLE_CLAIM,
    }
    return {name: value for name, value in claims.items() if name in names}
