"""Security headers on every kind of response: the learner site's strict Content-Security-Policy,
the admin areas' own policy, and the headers, cookies and caching rules around them.
See docs/security-headers.md."""

import base64
import re
from pathlib import Path

import allauth
import pytest
from django.conf import settings
from django.http import HttpResponse
from django.template import Context, Template
from django.test import override_settings
from django.urls import reverse

from config.middleware import SensiCSPMiddleware
from tests.factories import employee, lessons_of, obligation, quiz_of
from xapi.models import LRSClient

pytestmark = pytest.mark.django_db

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
# Inline event handlers (onclick=…) and style attributes are blocked by the learner policy.
INLINE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\s(on[a-z]+|style)\s*=", re.IGNORECASE)


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parts = (part.split() for part in policy.split(";") if part.strip())
    return {name: values for name, *values in parts}


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "microphone=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    policy = directives(response)
    assert policy["object-src"] == ["'none'"]
    assert "base-uri" in policy
    assert "frame-ancestors" in policy


def assert_strict_learner_policy(response):
    assert_common_headers(response)
    assert response["X-Frame-Options"] == "DENY"
    policy = directives(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["default-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["script-src"][0] == "'self'"
    nonces = [value for value in policy["script-src"] if value.startswith("'nonce-")]
    html = response.content.decode()
    for attributes in SCRIPT_TAG.findall(html):
        if "src=" in attributes or "application/json" in attributes:
            continue  # a script file from 'self', or data that is never executed
        nonce = re.search(r'nonce="([^"]+)"', attributes)
        assert nonce, f"inline script without a nonce: <script{attributes}>"
        assert nonces == [f"'nonce-{nonce.group(1)}'"]
    assert not INLINE_ATTRIBUTE.search(html), INLINE_ATTRIBUTE.search(html).group(0)


@pytest.fixture
def duty(user, module):
    employee(user=user)
    return obligation(module=module)


@pytest.fixture
def superuser_client(admin_client):
    return admin_client  # signed in past the second factor (tests/conftest.py)


def test_anonymous_learner_pages_have_the_strict_policy(client, home):
    for url in (home.url, reverse("account_login"), reverse("account_reset_password")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict_learner_policy(response)
    assert "no-store" not in client.get(home.url).get("Cache-Control", "")


def test_signed_in_learner_pages_have_the_strict_policy_and_are_not_stored(
    learner_client, module, duty
):
    lesson = lessons_of(module)[0]
    urls = [
        reverse("courses:my_training"),
        module.url,
        lesson.url,
        quiz_of(module).url,
        reverse("compliance:confirm", args=[duty.pk]),
        reverse("account_change_password"),
    ]
    for url in urls:
        response = learner_client.get(url)
        assert response.status_code in (200, 302), url
        assert_strict_learner_policy(response)
        assert "no-store" in response["Cache-Control"], url


def test_an_inline_script_with_the_request_nonce_is_named_in_the_policy(rf):
    template = Template('<script nonce="{{ request.csp_nonce }}">let a = 1;</script>')
    middleware = SensiCSPMiddleware(
        lambda request: HttpResponse(template.render(Context({"request": request})))
    )
    response = middleware(rf.get("/de/"))
    nonce = re.search(r'nonce="([^"]+)"', response.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in directives(response)["script-src"]


def test_pages_without_an_inline_script_name_no_nonce(client, home):
    response = client.get(home.url)
    assert not [v for v in directives(response)["script-src"] if v.startswith("'nonce-")]


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/django-admin/"])
def test_admin_areas_have_their_own_policy_with_inline_scripts_and_styles(superuser_client, url):
    response = superuser_client.get(url)
    assert response.status_code == 200
    assert_common_headers(response)
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["frame-ancestors"] == ["'self'"]  # Wagtail's preview panel
    assert "no-store" in response["Cache-Control"]


def test_wagtail_previews_keep_the_learner_policy_but_may_be_framed_by_the_admin(
    rf, superuser_client, module
):
    # Wagtail passes a dummy request for the page's URL, with the editor's cookies, through
    # the middleware.
    session = superuser_client.cookies[settings.SESSION_COOKIE_NAME].value
    admin_request = rf.get(
        f"/admin/pages/{module.pk}/edit/preview/",
        HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}={session}",
    )
    response = module.make_preview_request(
        admin_request, extra_request_attrs={"in_preview_panel": True}
    )
    assert response.status_code == 200
    assert b"<h1" in response.content
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]


def test_xapi_answers_carry_the_headers_and_are_not_stored(client):
    response = client.get("/xapi/statements", HTTP_AUTHORIZATION="Basic Zm9vOmJhcg==")
    assert response.status_code == 401
    assert_common_headers(response)
    assert "no-store" in response["Cache-Control"]
    # JSON that a browser shown it may load nothing from (a fixed policy, not the learner's)
    assert directives(response)["default-src"] == ["'none'"]
    assert directives(response)["frame-ancestors"] == ["'none'"]


def test_static_files_are_cacheable(client, user):
    client.force_login(user)
    response = client.get("/static/css/sensi.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    assert response["X-Content-Type-Options"] == "nosniff"


HTTPS_ONLY = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 31536000,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SESSION_COOKIE_NAME": "__Host-sessionid",
    "CSRF_COOKIE_NAME": "__Host-csrftoken",
}


@override_settings(**HTTPS_ONLY)
def test_over_https_cookies_are_host_prefixed_and_hsts_is_sent(client, user, password):
    login = reverse("account_login")
    page = client.get(login, secure=True)
    assert page["Strict-Transport-Security"].startswith("max-age=31536000")
    csrf = page.cookies["__Host-csrftoken"]
    response = client.post(
        login,
        {"login": user.email, "password": password, "csrfmiddlewaretoken": csrf.value},
        secure=True,
    )
    assert response.status_code == 302
    for cookie in (csrf, response.cookies["__Host-sessionid"]):
        assert cookie["secure"] is True
        assert cookie["path"] == "/"
        assert not cookie["domain"]
    assert client.get(reverse("courses:my_training"), secure=True).status_code == 200


@override_settings(**HTTPS_ONLY)
def test_over_plain_http_the_site_redirects_but_xapi_answers(client):
    assert client.get(reverse("account_login")).status_code == 301
    for url in ("/xapi/statements", "/xapi/statements/", "/xapi", "/xapi/about/"):
        response = client.get(url, HTTP_X_EXPERIENCE_API_VERSION="1.0.3")
        assert response.status_code in (401, 404), url
    assert client.get("/xapi/statements").status_code == 401


@override_settings(**HTTPS_ONLY)
def test_lrs_credentials_over_plain_http_are_refused_not_redirected(client):
    lrs_client, secret = LRSClient.create(name="moodle", can_read=True, can_write=False)
    credentials = base64.b64encode(f"{lrs_client.key}:{secret}".encode()).decode()
    headers = {
        "HTTP_AUTHORIZATION": f"Basic {credentials}",
        "HTTP_X_EXPERIENCE_API_VERSION": "1.0.3",
    }
    plain = client.get("/xapi/statements", **headers)
    assert plain.status_code == 403
    assert "HTTPS" in plain.json()["error"]
    assert client.get("/xapi/statements", secure=True, **headers).status_code == 200


def learner_templates() -> list[Path]:
    """Sensi's own templates outside the admin areas, and allauth's login, account and MFA
    templates, which Sensi uses as they are (django-allauth 65 keeps its JavaScript in static
    files and passes data in <script type="application/json">, which is never executed)."""
    own = [
        path
        for app in ("accounts", "compliance", "content", "courses", "quizzes")
        for path in (settings.BASE_DIR / app / "templates").rglob("*.html")
        if "/admin/" not in str(path)
    ]
    allauth_dir = Path(allauth.__file__).parent / "templates"
    theirs = [
        path
        for part in ("account", "mfa", "allauth")
        for path in (allauth_dir / part).rglob("*.html")
    ]
    return own + theirs


# allauth's forms for changing the e-mail address or phone number hide a form with a style
# attribute. Sensi does not offer either (ACCOUNT_CHANGE_EMAIL is off, no phone login); a
# project template must replace them before they are turned on.
UNUSED_WITH_STYLE_ATTRIBUTE = {"account/email_change.html", "account/phone_change.html"}


def test_learner_templates_have_no_inline_script_handler_or_style_attribute():
    for path in learner_templates():
        source = path.read_text()
        for attributes in SCRIPT_TAG.findall(source):
            executable = "src=" not in attributes and "application/json" not in attributes
            assert not executable or "csp_nonce" in attributes, f"{path}: <script{attributes}>"
        if path.relative_to(path.parents[1]).as_posix() not in UNUSED_WITH_STYLE_ATTRIBUTE:
            assert not INLINE_ATTRIBUTE.search(source), f"{path}: {INLINE_ATTRIBUTE.search(source)}"
        assert "<style" not in source, path
