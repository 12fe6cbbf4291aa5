"""xapi.wagtail_hooks: operators list LMS actor bindings, find one by actor or person, and
release a wrong one after a confirmation; the release is logged. Nobody else can."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import UserFactory, sign_in_with_mfa
from xapi.models import ActorBinding

pytestmark = pytest.mark.django_db

INDEX = reverse("lms_actor_bindings:index")


def binding(number: int, user=None) -> ActorBinding:
    actor = {"account": {"homePage": "https://moodle.example.org", "name": f"moodle-{number}"}}
    return ActorBinding.objects.create(
        actor_ifi=f"account:https://moodle.example.org|moodle-{number}",
        actor=actor,
        user=user or UserFactory(email=f"bound{number}@example.org"),
    )


def test_the_list_shows_actor_and_person_in_a_bounded_number_of_queries(
    admin_client, django_assert_max_num_queries
):
    for number in range(60):
        binding(number)
    admin_client.get(INDEX)  # caches warm

    with django_assert_max_num_queries(25):
        response = admin_client.get(INDEX)

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("moodle-") >= 50
    assert "bound59@example.org" in page  # newest first
    assert "?p=2" in page  # 50 a page


def test_searching_finds_a_binding_by_actor_or_by_person(admin_client):
    binding(1)
    binding(2, user=UserFactory(email="erika.muster@example.org", last_name="Muster"))

    by_actor = admin_client.get(INDEX, {"q": "moodle-2"}).content.decode()
    by_person = admin_client.get(INDEX, {"q": "erika.muster"}).content.decode()

    for page in (by_actor, by_person):
        assert "moodle-2" in page and "moodle-1<" not in page
        assert "bound1@example.org" not in page


def test_releasing_asks_first_then_deletes_and_logs_who_did_it(admin_client):
    wrong = binding(7)
    url = reverse("lms_actor_bindings:delete", args=[wrong.pk])

    confirmation = admin_client.get(url)
    assert confirmation.status_code == 200
    assert "moodle-7" in confirmation.content.decode()
    assert ActorBinding.objects.filter(pk=wrong.pk).exists()

    response = admin_client.post(url)

    assert response.status_code == 302
    assert not ActorBinding.objects.filter(pk=wrong.pk).exists()
    entry = ModelLogEntry.objects.get(action="wagtail.delete", object_id=str(wrong.pk))
    assert entry.user.is_superuser
    assert "moodle-7" in entry.label


def test_bindings_cannot_be_added_or_edited_in_the_admin(admin_client):
    item = binding(1)
    page = admin_client.get(INDEX).content.decode()
    assert reverse("lms_actor_bindings:delete", args=[item.pk]) in page
    assert admin_client.get(reverse("lms_actor_bindings:add")).status_code in (302, 403)
    edit = admin_client.get(reverse("lms_actor_bindings:edit", args=[item.pk]))
    assert edit.status_code in (302, 403)


def test_an_editor_without_the_permission_can_neither_list_nor_release(client):
    item = binding(1)
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    sign_in_with_mfa(client, editor)
    url = reverse("lms_actor_bindings:delete", args=[item.pk])

    assert client.get(INDEX).status_code in (302, 403)
    assert client.post(url).status_code in (302, 403)
    assert ActorBinding.objects.filter(pk=item.pk).exists()
    assert INDEX not in client.get(reverse("wagtailadmin_home")).content.decode()

    editor.user_permissions.add(Permission.objects.get(codename="view_actorbinding"))
    assert client.get(INDEX).status_code == 200
    assert client.post(url).status_code in (302, 403)
    assert ActorBinding.objects.filter(pk=item.pk).exists()


def test_an_ordinary_user_cannot_open_the_list(learner_client):
    assert learner_client.get(INDEX).status_code in (302, 403)
