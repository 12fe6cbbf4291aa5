import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_employee_signs_in_with_email_and_lands_on_my_training(client, password, home):
    user = UserFactory(email="erika@example.org")
    response = client.post(
        reverse("account_login"), {"login": "Erika@Example.org", "password": password}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("courses:my_training")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_shows_an_error_and_signs_nobody_in(client, home):
    UserFactory(email="erika@example.org")
    response = client.post(
        reverse("account_login"), {"login": "erika@example.org", "password": "x"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert 'role="alert"' in response.content.decode()


def test_public_signup_is_closed(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "new@example.org",
            "password1": "a-long-password-1",
            "password2": "a-long-password-1",
        },
    )
    assert response.status_code == 200
    assert "account/signup_closed.html" in [t.name for t in response.templates]
    assert not get_user_model().objects.filter(email="new@example.org").exists()


def test_wagtail_admin_sends_people_to_the_one_login_page(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_sign_out_ends_the_session(learner_client):
    response = learner_client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in learner_client.session


def test_user_pseudonym_is_random_and_not_derived_from_identity():
    first, second = UserFactory(), UserFactory()
    assert first.pseudonym != second.pseudonym
    assert first.email.split("@")[0] not in str(first.pseudonym)


def test_a_field_error_is_tied_to_its_field(client, home):
    response = client.post(reverse("account_login"), {"login": "", "password": "x"})

    html = response.content.decode()
    assert 'id="id_login-error"' in html
    assert 'aria-describedby="id_login-error"' in html
