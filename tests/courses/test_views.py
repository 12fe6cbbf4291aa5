import pytest
from django.urls import reverse

from tests.factories import correct_answers, lessons_of, module_page, quiz_of
from tests.lesson_client import read_lesson
from tests.quiz_client import post_answers

pytestmark = pytest.mark.django_db


def cards_by_title(response):
    return {card.module.title: card for card in response.context["cards"]}


def test_my_training_requires_login(client, home):
    response = client.get(reverse("courses:my_training"))
    assert response.status_code == 302


def test_lists_every_module_with_state_progress_and_resume_link(learner_client, home):
    untouched = module_page(home=home, title="Unberührt")
    started = module_page(home=home, title="Begonnen")
    finished = module_page(home=home, title="Fertig")
    read_lesson(learner_client, lessons_of(started)[0])
    second_lesson = lessons_of(started)[1]
    for lesson in lessons_of(finished):
        read_lesson(learner_client, lesson)
    post_answers(learner_client, quiz_of(finished), correct_answers(quiz_of(finished)))

    response = learner_client.get(reverse("courses:my_training"))
    cards = cards_by_title(response)
    assert [card.status for card in cards.values()] == ["not_started", "in_progress", "completed"]
    assert cards["Unberührt"].resume_url == untouched.url
    assert cards["Begonnen"].resume_url == second_lesson.url
    assert (cards["Begonnen"].steps_done, cards["Begonnen"].steps_total) == (1, 4)
    assert cards["Begonnen"].percent == 25
    assert cards["Fertig"].percent == 100
    assert f'href="{second_lesson.url}"' in response.content.decode()


def test_unpublished_modules_are_not_listed(learner_client, home):
    module_page(home=home, title="Sichtbar")
    module_page(home=home, title="Zurückgezogen").unpublish()
    assert set(cards_by_title(learner_client.get(reverse("courses:my_training")))) == {"Sichtbar"}


def test_query_count_does_not_grow_with_the_number_of_modules(
    learner_client, home, django_assert_max_num_queries
):
    for number in range(8):
        module = module_page(home=home, title=f"Modul {number}")
        learner_client.get(lessons_of(module)[0].url)
    # Issue 15's budget, sections included (tests/test_query_budgets.py has the full world).
    with django_assert_max_num_queries(12):
        response = learner_client.get(reverse("courses:my_training"))
    assert len(response.context["cards"]) == 8


def test_module_page_names_the_quiz_once(learner_client, home):
    module = module_page(home=home, title="Phishing")
    quiz = quiz_of(module)
    quiz.title = "Wissenstest: Phishing"
    quiz.save_revision().publish()
    html = learner_client.get(module.url).content.decode()
    assert "Wissenstest: Phishing" in html
    assert "Quiz: Wissenstest" not in html and "Wissenstest: Wissenstest" not in html
