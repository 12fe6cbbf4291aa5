from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from courses.models import LessonRead, ModuleProgress
from tests.factories import correct_answers, home_page, lessons_of, module_page, quiz_of
from tests.lesson_client import read_lesson
from tests.quiz_client import post_answers

pytestmark = pytest.mark.django_db


def test_lessons_require_login(client, module):
    response = client.get(lessons_of(module)[0].url)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_reading_a_lesson_twice_keeps_one_row(learner_client, user, module):
    lesson = lessons_of(module)[1]
    read_lesson(learner_client, lesson)
    # read_lesson backdates the opening; move the first read further back so that the
    # second visit starts after it, as it does in real time.
    LessonRead.objects.update(read_at=timezone.now() - timedelta(days=1))
    read_lesson(learner_client, lesson)
    assert LessonRead.objects.filter(user=user, lesson_key=lesson.translation_key).count() == 1
    progress = ModuleProgress.objects.get(user=user)
    assert progress.last_page_key == lesson.translation_key
    assert progress.completed_at is None


def test_lesson_shows_its_position_and_neighbours(learner_client, module):
    first, second, third = lessons_of(module)
    content = learner_client.get(second.url).content.decode()
    assert "Lektion 2 von 3" in content
    assert f'href="{first.url}"' in content
    assert f'Nächste Lektion<span class="visually-hidden">: {third.title}' in content
    assert read_lesson(learner_client, second)["Location"] == third.url
    last = learner_client.get(third.url).content.decode()
    assert "Zum Wissenstest" in last
    assert read_lesson(learner_client, third)["Location"] == quiz_of(module).url


def test_module_without_quiz_completes_when_all_lessons_are_read(learner_client, user, home):
    module = module_page(home=home, questions=[])
    for lesson in lessons_of(module):
        read_lesson(learner_client, lesson)
    assert ModuleProgress.objects.get(user=user).completed_at is not None


def test_completion_needs_every_lesson_and_a_passed_quiz(learner_client, user, module):
    lessons = lessons_of(module)
    for lesson in lessons[:-1]:
        read_lesson(learner_client, lesson)
    quiz = quiz_of(module)
    post_answers(learner_client, quiz, correct_answers(quiz))
    assert ModuleProgress.objects.get(user=user).completed_at is None
    learner_client.get(lessons[-1].url)
    assert ModuleProgress.objects.get(user=user).completed_at is None
    read_lesson(learner_client, lessons[-1])
    assert ModuleProgress.objects.get(user=user).completed_at is not None


def test_lesson_of_an_unpublished_module_is_not_found(learner_client, module):
    lesson = lessons_of(module)[0]
    module.unpublish()
    assert learner_client.get(lesson.url).status_code == 404
    assert learner_client.get(quiz_of(module).url).status_code == 404
    assert not LessonRead.objects.exists()


def test_unpublished_lesson_is_not_found(learner_client, module):
    lesson = lessons_of(module)[0]
    lesson.unpublish()
    assert learner_client.get(lesson.url).status_code == 404


def test_page_of_another_locale_is_not_served_under_the_other_prefix(learner_client, module):
    """It redirects to the page in its own language, with a note (content.languages)."""
    german_lesson = lessons_of(module)[0]
    home_page("en")
    english_path = "/en/" + german_lesson.url.split("/", 2)[2]
    response = learner_client.get(english_path)
    assert response.status_code == 302
    assert response["Location"] == f"{german_lesson.url}?unavailable_in=en"


def test_progress_is_shared_between_language_versions(learner_client, user, module):
    english_home = home_page("en")
    with translation.override("en"):
        english = module.copy_for_translation(english_home.locale)
        english.save_revision().publish()
        lesson = lessons_of(module)[0].copy_for_translation(english_home.locale)
        lesson.save_revision().publish()
        lesson.refresh_from_db()
        read_lesson(learner_client, lesson)
    german_lesson = lessons_of(module)[0]
    assert LessonRead.objects.get(user=user).lesson_key == german_lesson.translation_key
