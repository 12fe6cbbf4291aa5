import jwt
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.contrib.auth.decorators import login_not_required
from django.http import Http404

# Public-key signatures only: no "none" and no HMAC with the client secret, whatever the token's
# header says.
SIGNING_ALGORITHMS = frozenset(
    {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"}
)


class SensiOIDCAdapter(OpenIDConnectOAuth2Adapter):
    #: The nonce sent with this sign-in, from the state the callback popped from the session.
    expected_nonce: str | None = None

    def _decode_id_token(self, app: SocialApp, id_token: str) -> dict:
        """Always verify the signature (allauth skips it after a direct token request), then
        issuer, audience, expiry and the nonce."""
        try:
            header = jwt.get_unverified_header(id_token)
            if header.get("alg") not in SIGNING_ALGORITHMS:
                raise OAuth2Error("ID token not signed with a public-key algorithm")
            key = self._signing_key(header.get("kid"))
            claims = jwt.decode(
                id_token,
                key=key,
                algorithms=[header.get("alg")],
                issuer=self.openid_config["issuer"],
                audience=app.client_id,
                options={"require": ["iss", "aud", "exp", "iat"]},
            )
        except jwt.PyJWTError as error:
            raise OAuth2Error("Invalid ID token") from error
        if not self.expected_nonce or claims.get("nonce") != self.expected_nonce:
            raise OAuth2Error("ID token nonce does not match this sign-in")
        jwtkit.verify_jti(claims)
        return claims

    def _signing_key(self, kid: str | None):
        """The provider's published key with this key id. A token without `kid` is accepted
        only when the key set has exactly one key (OpenID Connect Core 1.0, 10.1)."""
        with get_adapter().get_requests_session() as session:
            response = session.get(self.openid_config["jwks_uri"])
            response.raise_for_status()
            keys = response.json().get("keys", [])
        if kid is None and len(keys) == 1:
            kid = keys[0].get("kid")
            keys = [{**keys[0], "kid": kid}]
        key = jwtkit.lookup_kid_jwk({"keys": keys}, kid)
        if key is None:
            raise OAuth2Error("No published key for the ID token")
        return key

    def complete_login(self, request, app, token, **kwargs):
        if not kwargs["response"].get("id_token"):
            # Without an ID token there is nothing signed to check the nonce against.
            raise OAuth2Error("No ID token")
        return super().complete_login(request, app, token, **kwargs)


class SensiOIDCCallbackView(OAuth2CallbackView):
    def _get_state(self, request, provider):
        state, response = super()._get_state(request, provider)
        if state:
            self.adapter.expected_nonce = state.get("nonce")
        return state, response


@login_not_required
def login(request, provider_id):
    try:
        return OAuth2LoginView.adapter_view(SensiOIDCAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist as error:
        raise Http404 from error


@login_not_required
def callback(request, provider_id):
    try:
        return SensiOIDCCallbackView.adapter_view(SensiOIDCAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist as error:
        raise Http404 from error
