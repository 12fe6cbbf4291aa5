"""Privileged roles reach privileged pages only with a second factor passed in this session."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission
from django.test import override_settings
from django.urls import reverse

from accounts import app_settings
from accounts.allauth_internals import activate_recovery_codes
from accounts.mfa import is_privileged
from compliance.reports.scopes import Role
from tests.factories import UserFactory, sign_in_with_mfa, totp_code, with_totp

pytestmark = pytest.mark.django_db

PRIVILEGED_PAGES = ["/admin/", "/django-admin/", "/de/compliance/", "/en/compliance/"]


def member_of(name: str):
    user = UserFactory()
    user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


def sign_in(client, email, password):
    """The real login form, as a person uses it."""
    return client.post(reverse("account_login"), {"login": email, "password": password})


@pytest.fixture
def ciso():
    return member_of(Role.CISO)


@pytest.mark.parametrize("path", PRIVILEGED_PAGES)
def test_privileged_user_without_mfa_is_sent_to_set_up_totp(client, ciso, path):
    client.force_login(ciso)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    assert f"next={path.replace('/', '%2F')}" in response["Location"]


@pytest.mark.parametrize(
    "make_user",
    [
        lambda: UserFactory(is_superuser=True, is_staff=True),
        lambda: UserFactory(is_staff=True),
        lambda: member_of("Redaktion"),
        lambda: member_of("Freigabe"),
        lambda: member_of(Role.CISO),
        lambda: member_of(Role.DATA_PROTECTION_OFFICER),
        lambda: member_of(Role.RESSORT_ISB),
    ],
    ids=["superuser", "staff", "redaktion", "freigabe", "ciso", "dsb", "ressort-isb"],
)
def test_every_privileged_role_must_set_up_mfa_before_the_wagtail_admin(client, make_user):
    client.force_login(make_user())
    response = client.get("/admin/")
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


def test_anybody_who_may_open_the_wagtail_admin_counts_as_privileged():
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert is_privileged(editor)
    assert not is_privileged(UserFactory())


def test_the_report_roles_are_all_in_the_privileged_groups():
    report_roles = {role.value for role in Role if role is not Role.OPERATOR}
    assert report_roles <= set(app_settings.SENSI_PRIVILEGED_GROUPS)


def test_privileged_user_with_mfa_but_a_password_only_session_must_pass_the_challenge(client, ciso):
    with_totp(ciso)
    client.force_login(ciso)  # a session that has not passed the second factor
    response = client.get("/de/compliance/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    assert client.get("/django-admin/")["Location"].startswith(reverse("mfa_reauthenticate"))


def test_wrong_totp_code_does_not_open_privileged_pages(client, ciso):
    secret = with_totp(ciso)
    client.force_login(ciso)
    wrong = f"{(int(totp_code(secret)) + 1) % 1_000_000:06d}"
    response = client.post(reverse("mfa_reauthenticate"), {"code": wrong})
    assert response.status_code == 200
    assert client.get("/de/compliance/").status_code == 302


def test_after_totp_verification_privileged_pages_open(client, ciso):
    secret = with_totp(ciso)
    client.force_login(ciso)
    response = client.post(
        reverse("mfa_reauthenticate") + "?next=/de/compliance/", {"code": totp_code(secret)}
    )
    assert response.status_code == 302
    assert response["Location"] == "/de/compliance/"
    assert client.get("/de/compliance/").status_code == 200


def test_login_with_password_and_totp_opens_the_wagtail_admin(client, password):
    admin = UserFactory(email="admin@example.org", is_superuser=True, is_staff=True)
    secret = with_totp(admin)
    response = sign_in(client, "admin@example.org", password)
    # allauth asks for the second factor before anybody is signed in.
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin.pk)
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_passes_the_login_challenge(client, password, ciso):
    with_totp(ciso)
    codes = activate_recovery_codes(ciso)
    sign_in(client, ciso.email, password)
    response = client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert response.status_code == 302
    assert client.get("/de/compliance/").status_code == 200
    # Each code works once.
    client.logout()
    sign_in(client, ciso.email, password)
    client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db(transaction=True)  # allauth announces the new authenticator on commit
def test_setting_up_totp_passes_the_second_factor_for_this_session(client, password, ciso):
    sign_in(client, ciso.email, password)
    assert client.get("/de/compliance/")["Location"].startswith(reverse("mfa_activate_totp"))
    # The sign-in seconds ago counts as reauthentication: no password again.
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=ciso, type=Authenticator.Type.TOTP).exists()
    # Recovery codes come with it.
    assert Authenticator.objects.filter(user=ciso, type=Authenticator.Type.RECOVERY_CODES).exists()
    assert client.get("/de/compliance/").status_code == 200


@override_settings(ACCOUNT_REAUTHENTICATION_TIMEOUT=0)
def test_adding_an_authenticator_long_after_sign_in_asks_for_the_password(client, password, ciso):
    sign_in(client, ciso.email, password)
    response = client.get(reverse("mfa_activate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(response["Location"], {"password": password})
    with override_settings(ACCOUNT_REAUTHENTICATION_TIMEOUT=300):
        assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_employees_are_not_asked_for_mfa_but_may_set_it_up(learner_client):
    assert learner_client.get(reverse("courses:my_training")).status_code == 200
    assert learner_client.get(reverse("mfa_index")).status_code == 200


def test_employee_without_a_role_gets_no_mfa_detour_on_privileged_pages(learner_client):
    response = learner_client.get("/de/compliance/")
    assert not response.get("Location", "").startswith(reverse("mfa_activate_totp"))


def test_webauthn_setup_page_renders_for_a_privileged_user(client, ciso):
    sign_in_with_mfa(client, ciso)
    response = client.get(reverse("mfa_add_webauthn"))
    assert response.status_code == 200
    assert "credential" in response.content.decode().lower()


def test_privileged_pages_stay_closed_to_anonymous_visitors(client):
    for path in PRIVILEGED_PAGES:
        response = client.get(path, follow=True)
        assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
        assert "_auth_user_id" not in client.session
