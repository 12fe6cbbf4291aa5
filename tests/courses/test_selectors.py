"""courses.selectors.modules_for_learner: the English "My training" lists every module."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from courses.models import ModuleProgress
from tests.factories import home_page, module_page

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
