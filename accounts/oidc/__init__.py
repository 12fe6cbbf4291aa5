"""Single sign-on with OpenID Connect: Sensi's subclass of allauth's `openid_connect`
provider (`SOCIALACCOUNT_PROVIDERS["openid_connect"]["provider_class"]`).

allauth's provider skips the ID token's signature when the token came straight from the
token endpoint over TLS (OpenID Connect Core 1.0, 3.1.3.7, item 6 allows that), and sends no
`nonce`. Sensi always verifies the signature against the provider's JWKS and sends a nonce
that must come back in the ID token (3.1.2.1, 3.1.3.7 item 11): a token that was not signed by
the provider's published key, or one issued for another sign-in, is refused.
"""

from django.conf import settings


def is_enabled() -> bool:
    """Whether single sign-on is configured (`SENSI_OIDC_SERVER_URL`)."""
    return bool(settings.SOCIALACCOUNT_PROVIDERS.get("openid_connect", {}).get("APPS"))
