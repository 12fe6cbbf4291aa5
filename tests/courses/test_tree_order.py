"""A module's lessons come in order and its quiz last, also for lessons added later
(courses.services.keep_quiz_last and its admin hooks)."""

import re

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import LessonPage
from courses.services import keep_quiz_last
from quizzes.models import QuizPage
from tests.factories import lessons_of, quiz_of

pytestmark = pytest.mark.django_db


def children_titles(module) -> list[str]:
    return list(module.get_children().order_by("path").values_list("title", flat=True))


def new_lesson_data(title: str, slug: str, **action) -> dict:
    body = streamfield([("text", rich_text("<p>Worum es geht.</p>"))])
    data = nested_form_data({"title": title, "slug": slug, "intro": "", "body": body})
    return {**data, **action}


@pytest.mark.parametrize("action", [{}, {"action-publish": "1"}])
def test_a_lesson_added_in_the_admin_goes_before_the_quiz(admin_client, module, action):
    url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])
    response = admin_client.post(url, new_lesson_data("Neue Lektion", "neue-lektion", **action))
    assert response.status_code == 302
    titles = children_titles(module)
    assert titles[-2:] == ["Neue Lektion", quiz_of(module).title]


def test_a_lesson_copied_into_a_module_goes_before_its_quiz(admin_client, module):
    lesson = lessons_of(module)[0]
    response = admin_client.post(
        reverse("wagtailadmin_pages:copy", args=[lesson.pk]),
        {
            "new_title": "Kopie",
            "new_slug": "kopie",
            "new_parent_page": module.pk,
            "copy_subpages": False,
            "publish_copies": False,
            "alias": False,
        },
    )
    assert response.status_code == 302
    assert children_titles(module)[-2:] == ["Kopie", quiz_of(module).title]


def test_keep_quiz_last_leaves_a_well_ordered_module_alone(module):
    before = list(module.get_children().order_by("path").values_list("pk", "path"))
    assert keep_quiz_last(module=module) is False
    assert list(module.get_children().order_by("path").values_list("pk", "path")) == before


def test_keep_quiz_last_moves_the_quiz_behind_every_lesson(module):
    module.add_child(instance=LessonPage(title="Nachzügler", slug="nachzuegler", body=[]))
    assert keep_quiz_last(module=module) is True
    last = Page.objects.get(pk=module.pk).get_children().order_by("path").last()
    assert isinstance(last.specific, QuizPage)


def test_the_explorer_lists_a_module_in_tree_order(admin_client, module):
    lessons = lessons_of(module)
    lessons[0].save_revision().publish()  # the most recent edit no longer comes first
    content = admin_client.get(reverse("wagtailadmin_explore", args=[module.pk])).content.decode()
    rows = re.findall(r'="([^"]+)" data-w-orderable-target="item"', content)
    assert rows == [page.title for page in [*lessons, quiz_of(module)]]
