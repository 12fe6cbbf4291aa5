"""Where "Resume" and "Review" lead: the next unfinished step, or the module's overview."""

import pytest
from django.urls import reverse

from courses.selectors import module_outline
from tests.factories import correct_answers, lessons_of, module_page, quiz_of
from tests.lesson_client import read_lesson
from tests.quiz_client import post_answers

pytestmark = pytest.mark.django_db


def card_of(client, title):
    response = client.get(reverse("courses:my_training"))
    return next(card for card in response.context["cards"] if card.module.title == title)


def test_resume_goes_to_the_first_unread_lesson(learner_client, home):
    module = module_page(home=home, title="Lücke")
    first, second, _third = lessons_of(module)
    read_lesson(learner_client, second)
    assert card_of(learner_client, "Lücke").resume_url == first.url


def test_resume_goes_to_the_quiz_when_every_lesson_is_read(learner_client, home, user):
    module = module_page(home=home, title="Gelesen")
    for lesson in lessons_of(module):
        read_lesson(learner_client, lesson)
    quiz = quiz_of(module)
    assert card_of(learner_client, "Gelesen").resume_url == quiz.url
    outline = module_outline(module=module, user=user)
    assert outline.resume_url == quiz.url


def test_review_of_a_finished_module_opens_its_overview(learner_client, home):
    module = module_page(home=home, title="Fertig")
    for lesson in lessons_of(module):
        read_lesson(learner_client, lesson)
    quiz = quiz_of(module)
    post_answers(learner_client, quiz, correct_answers(quiz))
    card = card_of(learner_client, "Fertig")
    assert card.status == "completed"
    assert card.resume_url == module.url
