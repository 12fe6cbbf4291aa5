import secrets

from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider

from .views import SensiOIDCAdapter


class SensiOIDCProvider(OpenIDConnectProvider):
    """allauth's `openid_connect` provider with signature and nonce checks (see package)."""

    # allauth builds the provider URLs from `<package>.urls`: Sensi's views, same URL names.
    package = "accounts.oidc"
    oauth2_adapter_class = SensiOIDCAdapter

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
