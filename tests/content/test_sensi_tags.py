"""content.templatetags.sensi_tags: the language switcher never links to a 404."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import home_page, lessons_of, module_page, quiz_of

pytestmark = pytest.mark.django_db


def switcher_links(response):
    return {link["code"]: link["url"] for link in response.context["links"]}


def english_version(page):
    english_home = home_page("en")
    with translation.override("en"):
        english = page.copy_for_translation(english_home.locale)
        english.save_revision().publish()
    english.refresh_from_db()
    return english


def test_a_german_only_page_links_english_to_itself_with_the_note(learner_client, module):
    home_page("en")
    for page in (module, lessons_of(module)[0], quiz_of(module)):
        links = switcher_links(learner_client.get(page.url))
        assert links == {"de": page.url, "en": f"{page.url}?unavailable_in=en"}
        response = learner_client.get(links["en"])
        assert response.status_code == 200
        html = response.content.decode()
        assert '<p class="message message--info" lang="en" role="status">' in html
        assert "This page is available in German only." in html


def test_a_translated_page_links_to_its_translation_without_a_note(learner_client, module):
    english = english_version(module)
    links = switcher_links(learner_client.get(module.url))
    assert links["en"] == english.url
    response = learner_client.get(f"{module.url}?unavailable_in=en")
    assert "available in German only" not in response.content.decode()


@pytest.mark.parametrize("code", ["de", "fr", ""])
def test_no_note_for_the_page_language_or_an_unknown_code(learner_client, module, code):
    html = learner_client.get(f"{module.url}?unavailable_in={code}").content.decode()
    assert "message--info" not in html


def test_views_that_are_not_pages_switch_by_prefix(learner_client, home):
    links = switcher_links(learner_client.get(reverse("courses:my_training")))
    assert links["en"].startswith("/en/")


def test_the_note_in_german_for_an_english_only_page(learner_client, home):
    english_home = home_page("en")
    english_only = module_page(home=english_home, title="English only")
    response = learner_client.get(f"{english_only.url}?unavailable_in=de")
    assert response.status_code == 200
    assert "Diese Seite ist nur auf Englisch verfügbar." in response.content.decode()
