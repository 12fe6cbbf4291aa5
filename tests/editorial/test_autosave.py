"""Abandoned autosaved attempts do not block the next attempt (editorial.autosave), and a
taken slug is reported on the tab the editor is looking at."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import LessonPage
from editorial.models import AutosavedAttempt
from tests.factories import UserFactory, sign_in_with_mfa

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def editor(client):
    person = UserFactory(is_superuser=True, is_staff=True)
    sign_in_with_mfa(client, person)
    return person


def lesson_form(title="Sichere Passwörter", slug="sichere-passwoerter", **extra) -> dict:
    body = streamfield([("text", rich_text("<p>Text</p>"))])
    return {**nested_form_data({"title": title, "slug": slug, "intro": "", "body": body}), **extra}


def add_url(module) -> str:
    return reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])


def autosave_new_lesson(client, module, **form) -> LessonPage:
    response = client.post(add_url(module), lesson_form(**form), **JSON)
    assert response.status_code == 200 and response.json()["success"], response.content
    return LessonPage.objects.get(pk=response.json()["pk"])


def test_the_first_autosave_of_a_new_page_is_remembered_as_an_attempt(client, editor, module):
    lesson = autosave_new_lesson(client, module)
    assert not lesson.live
    assert AutosavedAttempt.objects.filter(page=lesson, user=editor).exists()


def test_a_new_attempt_replaces_an_abandoned_one_with_the_same_slug(client, editor, module):
    abandoned = autosave_new_lesson(client, module)
    again = autosave_new_lesson(client, module)
    assert again.slug == "sichere-passwoerter"
    assert not Page.objects.filter(pk=abandoned.pk).exists()
    assert LessonPage.objects.child_of(module).filter(slug="sichere-passwoerter").count() == 1


def test_saving_on_purpose_keeps_the_page(client, editor, module):
    lesson = autosave_new_lesson(client, module)
    edit_url = reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    assert client.post(edit_url, lesson_form()).status_code == 302  # "Save draft"
    assert not AutosavedAttempt.objects.filter(page=lesson).exists()

    response = client.post(add_url(module), lesson_form())
    assert Page.objects.filter(pk=lesson.pk).exists()
    assert response.status_code == 200  # the form again, with the error


def test_a_taken_slug_is_reported_on_the_content_tab(client, editor, module):
    response = client.post(add_url(module), lesson_form(slug="lektion-1"))
    content = response.content.decode()
    error = content.index("lektion-1&#x27; wird innerhalb der übergeordneten Seite bereits")
    content_tab, promote_tab, *_rest = [m.start() for m in re.finditer('role="tabpanel"', content)]
    assert content_tab < error < promote_tab


def test_attempts_idle_for_a_day_go_when_their_author_starts_a_new_page(client, editor, module):
    old = autosave_new_lesson(client, module, title="Alt", slug="alt")
    recent = autosave_new_lesson(client, module, title="Neu", slug="neu")
    other_author = UserFactory()
    stranger = LessonPage(title="Fremd", slug="fremd", body=[], owner=other_author, live=False)
    module.add_child(instance=stranger)
    stranger.save_revision(user=other_author)
    AutosavedAttempt.objects.create(page=stranger, user=other_author)
    day_ago = timezone.now() - timedelta(hours=25)
    Page.objects.filter(pk__in=[old.pk, stranger.pk]).update(latest_revision_created_at=day_ago)

    assert client.get(add_url(module)).status_code == 200
    assert not Page.objects.filter(pk=old.pk).exists()
    assert Page.objects.filter(pk__in=[recent.pk, stranger.pk]).count() == 2


def test_a_published_attempt_is_never_discarded(client, editor, module):
    lesson = autosave_new_lesson(client, module)
    lesson.save_revision(user=editor).publish()
    Page.objects.filter(pk=lesson.pk).update(
        latest_revision_created_at=timezone.now() - timedelta(days=3)
    )
    client.get(add_url(module))
    autosave_new_lesson(client, module, title="Andere", slug="andere")
    assert Page.objects.filter(pk=lesson.pk).exists()
