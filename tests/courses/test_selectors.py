"""courses.selectors: what "My training" lists (every module, in English too), and where
"Resume" and "Review" lead (the next unfinished step, or the module's overview)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from courses.models import ModuleProgress
from courses.selectors import module_outline
from tests.factories import correct_answers, home_page, lessons_of, module_page, quiz_of
from tests.lesson_client import read_lesson
from tests.quiz_client import post_answers

pytestmark = pytest.mark.django_db


def english_version(module):
    english_home = home_page("en")
    with translation.override("en"):
        english = module.copy_for_translation(english_home.locale)
        english.title = f"{module.title} (en)"
        english.save_revision().publish()
    english.refresh_from_db()
    return english


def test_english_lists_german_only_modules_marked_and_counted(learner_client, user, home):
    translated = module_page(home=home, title="Phishing")
    english = english_version(translated)
    german_only = module_page(home=home, title="Passwörter")
    ModuleProgress.objects.create(
        user=user,
        module_key=german_only.translation_key,
        completed_at=timezone.make_aware(datetime.datetime(2026, 3, 4, 12)),
    )
    with translation.override("en"):
        url = reverse("courses:my_training")
    response = learner_client.get(url)
    cards = {card.module.pk: card for card in response.context["cards"]}
    assert set(cards) == {english.pk, german_only.pk}
    assert cards[english.pk].other_language == ""
    assert str(cards[german_only.pk].other_language) == "German"
    assert response.context["open_count"] == 1
    html = response.content.decode()
    assert '<span lang="de">Passwörter</span> (German)' in html
    assert "You have one module still to complete." in html
    assert "on 03/04/2026" in html


def test_german_lists_only_german_modules_unmarked(learner_client, user, home):
    module = module_page(home=home, title="Phishing")
    english_version(module)
    ModuleProgress.objects.create(
        user=user,
        module_key=module.translation_key,
        completed_at=timezone.make_aware(datetime.datetime(2026, 3, 4, 12)),
    )
    response = learner_client.get(reverse("courses:my_training"))
    assert [card.module.pk for card in response.context["cards"]] == [module.pk]
    assert response.context["cards"][0].other_language == ""
    assert "am 04.03.2026" in response.content.decode()


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
