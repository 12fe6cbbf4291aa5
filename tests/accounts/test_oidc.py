"""Single sign-on with OpenID Connect against a real provider.

The provider is `oidc_provider_mock` (a Flask app implementing the authorization code flow
with signed ID tokens, discovery and JWKS) served by werkzeug on a free port in a background
thread, once for this module. The Django test client drives Sensi; httpx plays the browser
at the provider (its authorize endpoint takes a form POST with the subject to sign in as).
Sensi itself talks to the provider over HTTP (discovery, token, JWKS, userinfo), as in
production.
"""

import json
import threading
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
import oidc_provider_mock
import pytest
import werkzeug.serving
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from joserfc.jwk import RSAKey
from werkzeug.wrappers import Response

from tests.config.test_settings import run_manage
from tests.factories import UserFactory, employee, with_totp

CLIENT_ID = "sensi-test"
IDP_NAME = "Landes-IdP"


class ForgeableJWKS:
    """WSGI wrapper around the provider: while `forge` is set, `/jwks` publishes another
    RSA key under the provider's key id. The provider still signs with its own key, so every
    ID token then carries a signature that does not verify against the published key set,
    exactly what a token forged or altered by a third party looks like to Sensi."""

    def __init__(self, app):
        self.app = app
        self.forge = False
        self.other_key = RSAKey.generate_key(2048).as_dict(private=False)

    def __call__(self, environ, start_response):
        if not (self.forge and environ.get("PATH_INFO") == "/jwks"):
            return self.app(environ, start_response)
        real = Response.from_app(self.app, environ).get_json()
        keys = [{**key, "n": self.other_key["n"], "e": self.other_key["e"]} for key in real["keys"]]
        forged = Response(json.dumps({"keys": keys}), content_type="application/json")
        return forged(environ, start_response)


@pytest.fixture(scope="module")
def provider():
    app = ForgeableJWKS(oidc_provider_mock.app())
    server = werkzeug.serving.make_server("localhost", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    app.url = f"http://localhost:{server.server_port}"
    try:
        yield app
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


@pytest.fixture
def sso(settings, provider):
    """SSO configured as the environment variables of .env.example would."""
    settings.SOCIALACCOUNT_PROVIDERS = {
        **settings.SOCIALACCOUNT_PROVIDERS,
        "openid_connect": {
            **settings.SOCIALACCOUNT_PROVIDERS["openid_connect"],
            "APPS": [
                {
                    "provider_id": "sso",
                    "name": IDP_NAME,
                    "client_id": CLIENT_ID,
                    "secret": "client-secret",
                    "settings": {"server_url": provider.url},
                }
            ],
        },
    }
    settings.SENSI_OIDC_PERSONNEL_NUMBER_CLAIM = "personnel_number"
    settings.SENSI_OIDC_ROLE_CLAIM = "groups"
    settings.SENSI_OIDC_ROLE_MAP = {"sensi-ciso": "CISO", "sensi-dsb": "Datenschutzbeauftragte"}
    provider.forge = False
    yield provider
    provider.forge = False


def idp_user(provider, sub: str, **claims) -> str:
    """Create or replace the person `sub` at the provider with these claims."""
    response = httpx.put(f"{provider.url}/users/{sub}", json=claims)
    assert response.status_code < 300, response.text
    return sub


def start_login(client) -> str:
    """Press the SSO button: Sensi answers with a redirect to the provider."""
    response = client.post(reverse("openid_connect_login", kwargs={"provider_id": "sso"}))
    assert response.status_code == 302
    return response["Location"]


def approve(authorize_url: str, sub: str) -> str:
    """The person signs in at the provider; returns the callback URL it redirects to."""
    response = httpx.post(authorize_url, data={"sub": sub})
    assert response.status_code == 302, response.text
    return response.headers["location"]


def callback(client, callback_url: str):
    parts = urlsplit(callback_url)
    return client.get(f"{parts.path}?{parts.query}", follow=True)


def sign_in(client, sub: str):
    return callback(client, approve(start_login(client), sub))


def signed_in_user(client):
    user_id = client.session.get("_auth_user_id")
    return get_user_model().objects.get(pk=user_id) if user_id else None


def assert_refused(response, client) -> None:
    """allauth's "sign-in failed" page, and nobody signed in."""
    names = [template.name for template in response.templates]
    assert "socialaccount/authentication_error.html" in names
    assert signed_in_user(client) is None


def page_text(response) -> str:
    return response.content.decode()


@pytest.mark.django_db
def test_login_page_offers_sso_button_as_post_form(client, sso):
    response = client.get(reverse("account_login"))
    login_url = reverse("openid_connect_login", kwargs={"provider_id": "sso"})
    html = page_text(response)
    assert f'<form method="post" action="{login_url}"' in html
    assert f"Mit {IDP_NAME} anmelden" in html
    assert "style=" not in html


@pytest.mark.django_db
def test_verified_email_signs_in_the_existing_user(client, sso):
    user = UserFactory(email="erika.muster@land.example")
    sub = idp_user(sso, "idp-1", email="Erika.Muster@land.example", email_verified=True)

    response = sign_in(client, sub)

    assert response.status_code == 200
    assert signed_in_user(client) == user
    assert SocialAccount.objects.get(user=user).uid == sub


@pytest.mark.django_db
def test_only_the_claims_sensi_uses_are_stored(client, sso):
    user = UserFactory(email="minimal@land.example")
    sub = idp_user(
        sso,
        "idp-min",
        email="minimal@land.example",
        email_verified=True,
        name="Erika Muster",
        phone_number="+49 611 0",
        groups=["sensi-ciso"],
    )

    sign_in(client, sub)

    stored = SocialAccount.objects.get(user=user).extra_data
    claims = {name for part in stored.values() for name in part}
    assert claims <= {"iss", "sub", "email", "email_verified", "groups", "auth_time"}
    assert stored["id_token"]["sub"] == sub


@pytest.mark.django_db
def test_the_link_appears_under_my_data_and_in_the_record_of_processing(client, sso):
    UserFactory(email="art15@land.example")
    sub = idp_user(sso, "idp-art15", email="art15@land.example", email_verified=True)

    sign_in(client, sub)
    page = page_text(client.get(reverse("privacy:my_data")))
    exported = json.loads(b"".join(client.get(reverse("privacy:download")).streaming_content))
    processing = page_text(client.get(reverse("privacy:processing")))

    assert 'id="single-sign-on"' in page and sub in page
    assert [row["uid"] for row in exported["single_sign_on"]] == [sub]
    assert exported["single_sign_on"][0]["extra_data"]["id_token"]["email"] == "art15@land.example"
    assert "Single Sign-on (SSO)" in processing


@pytest.mark.django_db
def test_linked_identity_signs_in_by_subject_on_later_logins(client, sso):
    user = UserFactory(email="linked@land.example")
    sub = idp_user(sso, "idp-linked", email="linked@land.example", email_verified=True)
    sign_in(client, sub)
    client.logout()
    idp_user(sso, sub, email="renamed@land.example", email_verified=True)

    sign_in(client, sub)

    assert signed_in_user(client) == user


@pytest.mark.django_db
def test_personnel_number_claim_signs_in_the_employee(client, sso):
    person = employee(number="P-4711")
    sub = idp_user(sso, "idp-2", email="other@land.example", personnel_number="P-4711")

    sign_in(client, sub)

    assert signed_in_user(client) == person.user


@pytest.mark.django_db
def test_unknown_email_is_refused_with_a_message_and_nothing_created(client, sso):
    UserFactory(email="known@land.example")
    users_before = get_user_model().objects.count()
    sub = idp_user(sso, "idp-3", email="stranger@land.example", email_verified=True)

    response = sign_in(client, sub)

    assert signed_in_user(client) is None
    assert response.redirect_chain[-1][0] == reverse("account_login")
    assert "Es gibt kein Sensi-Konto" in page_text(response)
    assert get_user_model().objects.count() == users_before
    assert not SocialAccount.objects.exists()


@pytest.mark.django_db
def test_unverified_email_of_an_existing_user_is_refused(client, sso):
    UserFactory(email="victim@land.example")
    sub = idp_user(sso, "idp-4", email="victim@land.example", email_verified=False)

    sign_in(client, sub)

    assert signed_in_user(client) is None
    assert not SocialAccount.objects.exists()


@pytest.mark.django_db
def test_role_mapping_sets_and_removes_only_mapped_groups(client, sso):
    user = UserFactory(email="roles@land.example")
    editors = Group.objects.create(name="Redaktion")
    dpo = Group.objects.create(name="Datenschutzbeauftragte")
    user.groups.add(editors, dpo)
    sub = idp_user(
        sso, "idp-5", email="roles@land.example", email_verified=True, groups=["sensi-ciso", "x"]
    )

    sign_in(client, sub)

    assert set(user.groups.values_list("name", flat=True)) == {"CISO", "Redaktion"}

    client.logout()
    idp_user(sso, sub, email="roles@land.example", email_verified=True, groups=["sensi-dsb"])
    sign_in(client, sub)

    assert set(user.groups.values_list("name", flat=True)) == {
        "Datenschutzbeauftragte",
        "Redaktion",
    }


@pytest.mark.django_db
def test_id_token_with_invalid_signature_is_refused(client, sso):
    """The provider keeps signing with its own key while its JWKS publishes another key under
    the same key id (`ForgeableJWKS`). allauth alone would accept such a token, because it
    skips the signature of a token fetched directly from the token endpoint; Sensi's provider
    class always verifies it."""
    user = UserFactory(email="signed@land.example")
    sub = idp_user(sso, "idp-6", email="signed@land.example", email_verified=True)
    sso.forge = True

    response = sign_in(client, sub)

    assert_refused(response, client)
    assert not SocialAccount.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_replayed_callback_url_does_not_sign_in_again(client, sso):
    UserFactory(email="replay@land.example")
    sub = idp_user(sso, "idp-7", email="replay@land.example", email_verified=True)
    callback_url = approve(start_login(client), sub)
    callback(client, callback_url)
    assert signed_in_user(client) is not None
    client.logout()

    response = callback(client, callback_url)

    assert_refused(response, client)


@pytest.mark.django_db
def test_captured_callback_url_does_not_sign_in_another_browser(client, sso):
    from django.test import Client

    UserFactory(email="captured@land.example")
    sub = idp_user(sso, "idp-8", email="captured@land.example", email_verified=True)
    callback_url = approve(start_login(client), sub)

    attacker = Client()
    response = callback(attacker, callback_url)

    assert_refused(response, attacker)


@pytest.mark.django_db
def test_reused_authorization_code_with_a_fresh_state_is_refused(client, sso):
    UserFactory(email="code@land.example")
    sub = idp_user(sso, "idp-9", email="code@land.example", email_verified=True)
    first = urlsplit(approve(start_login(client), sub))
    callback(client, urlunsplit(first))
    client.logout()

    # A new sign-in gives a valid state (and nonce) in this session; the old code is spent.
    fresh = dict(parse_qsl(urlsplit(approve(start_login(client), sub)).query))
    used_code = dict(parse_qsl(first.query))["code"]
    query = urlencode({"code": used_code, "state": fresh["state"]})
    response = callback(client, urlunsplit(first._replace(query=query)))

    assert_refused(response, client)


@pytest.mark.django_db
def test_id_token_for_another_nonce_is_refused(client, sso):
    """The nonce Sensi sent is replaced on the way to the provider: the ID token then names
    another sign-in, as a token injected from elsewhere would."""
    UserFactory(email="nonce@land.example")
    sub = idp_user(sso, "idp-10", email="nonce@land.example", email_verified=True)
    authorize = urlsplit(start_login(client))
    params = dict(parse_qsl(authorize.query))
    assert params.get("nonce")
    params["nonce"] = "nonce-of-another-sign-in"

    response = callback(
        client, approve(urlunsplit(authorize._replace(query=urlencode(params))), sub)
    )

    assert_refused(response, client)


@pytest.mark.django_db
def test_privileged_sso_user_still_needs_sensis_second_factor(client, sso):
    user = UserFactory(email="ciso@land.example")
    sub = idp_user(
        sso,
        "idp-11",
        email="ciso@land.example",
        email_verified=True,
        groups=["sensi-ciso"],
        amr=["pwd", "mfa"],
    )

    sign_in(client, sub)
    response = client.get(reverse("compliance:reports"))

    assert signed_in_user(client) == user
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


@pytest.mark.django_db
def test_user_with_sensi_mfa_is_asked_for_the_code_after_the_idp(client, sso):
    user = UserFactory(email="totp@land.example")
    with_totp(user)
    sub = idp_user(sso, "idp-14", email="totp@land.example", email_verified=True)

    response = sign_in(client, sub)

    assert response.redirect_chain[-1][0] == reverse("mfa_authenticate")
    assert signed_in_user(client) is None


@pytest.mark.django_db
def test_trusted_idp_mfa_counts_as_second_factor(client, sso, settings):
    settings.SENSI_OIDC_TRUST_IDP_MFA = True
    UserFactory(email="ciso2@land.example")
    sub = idp_user(
        sso,
        "idp-12",
        email="ciso2@land.example",
        email_verified=True,
        groups=["sensi-ciso"],
        amr=["pwd", "mfa"],
    )

    sign_in(client, sub)
    response = client.get(reverse("compliance:reports"))

    assert response.status_code == 200


@pytest.mark.django_db
def test_trusted_idp_without_mfa_claim_still_needs_second_factor(client, sso, settings):
    settings.SENSI_OIDC_TRUST_IDP_MFA = True
    UserFactory(email="ciso3@land.example")
    sub = idp_user(
        sso,
        "idp-13",
        email="ciso3@land.example",
        email_verified=True,
        groups=["sensi-ciso"],
        amr=["pwd"],
    )

    sign_in(client, sub)
    response = client.get(reverse("compliance:reports"))

    assert response.status_code == 302


@pytest.mark.django_db
def test_without_settings_there_is_no_button_and_the_sso_urls_are_404(client):
    html = page_text(client.get(reverse("account_login")))
    login_url = reverse("openid_connect_login", kwargs={"provider_id": "sso"})
    callback_url = reverse("openid_connect_callback", kwargs={"provider_id": "sso"})

    assert login_url not in html
    assert "/oidc/" not in html
    assert "Single Sign-on" not in page_text(client.get(reverse("privacy:processing")))
    assert client.post(login_url).status_code == 404
    assert client.get(f"{callback_url}?code=x&state=y").status_code == 404


SHOW_SSO_SETTINGS = """
from django.conf import settings
app = settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"][0]
print(app["name"], app["client_id"], app["settings"]["server_url"], sep="|")
print(*settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"], sep="|")
print(*sorted(settings.SENSI_OIDC_ROLE_MAP.items()), sep="|")
"""


def test_environment_variables_configure_sso_and_let_the_form_reach_the_idp():
    """Browsers apply the policy's form-action to the redirect after the SSO button's POST:
    the IdP's origin must be allowed, or the button does nothing."""
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        SHOW_SSO_SETTINGS,
        env_overrides={
            "SENSI_OIDC_SERVER_URL": "https://idp.land.example/realms/land",
            "SENSI_OIDC_CLIENT_ID": "sensi",
            "SENSI_OIDC_CLIENT_SECRET": "secret",
            "SENSI_OIDC_NAME": "Landes-IdP",
            "SENSI_OIDC_ROLE_MAP": "sensi-ciso=CISO, sensi-dsb = Datenschutzbeauftragte,broken",
        },
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Landes-IdP|sensi|https://idp.land.example/realms/land",
        "'self'|https://idp.land.example",
        "('sensi-ciso', 'CISO')|('sensi-dsb', 'Datenschutzbeauftragte')",
    ]
