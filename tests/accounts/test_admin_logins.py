"""The Django admin and the Wagtail admin have no login of their own: allauth's is the only
one (rate limits, the MFA challenge)."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory, with_totp

pytestmark = pytest.mark.django_db

ADMIN_LOGINS = {"/admin/login/": "/admin/", "/django-admin/login/": "/django-admin/"}


@pytest.fixture
def admin_user():
    user = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    with_totp(user)
    return user


@pytest.mark.parametrize("login_url", sorted(ADMIN_LOGINS))
def test_posting_valid_credentials_to_an_admin_login_signs_nobody_in(
    client, admin_user, password, login_url
):
    response = client.post(
        login_url,
        {"username": "admin@example.org", "password": password, "next": "/admin/"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert client.get(ADMIN_LOGINS[login_url]).status_code == 302  # still signed out


@pytest.mark.parametrize("login_url, area", sorted(ADMIN_LOGINS.items()))
def test_admin_login_pages_redirect_to_allauth_with_next(client, login_url, area):
    response = client.get(login_url, {"next": f"{area}pages/"})
    assert response.status_code == 302
    assert (
        response["Location"]
        == f"{reverse('account_login')}?next={area.replace('/', '%2F')}pages%2F"
    )


def test_admin_login_does_not_forward_to_other_sites(client):
    response = client.get("/django-admin/login/", {"next": "https://evil.example/"})
    assert response["Location"] == f"{reverse('account_login')}?next=%2Fdjango-admin%2F"


def test_django_admin_sends_anonymous_visitors_to_allauth(client):
    response = client.get("/django-admin/")
    assert response.status_code == 302
    # Django admin redirects to its own login URL, which forwards to allauth.
    response = client.get(response["Location"])
    assert response["Location"].startswith(reverse("account_login"))


def test_wagtail_has_no_password_reset_of_its_own(client, admin_user, mailoutbox):
    response = client.post("/admin/password_reset/", {"email": "admin@example.org"}, follow=True)
    assert response.status_code == 404
    assert mailoutbox == []
