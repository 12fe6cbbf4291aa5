"""content.languages: the active language as one of the site's languages."""

import pytest
from django.utils import translation

from content.languages import current_language
from tests.factories import home_page, lessons_of, quiz_of


@pytest.mark.parametrize(
    ("active", "expected"),
    [("de", "de"), ("en", "en"), ("en-gb", "en"), ("de-at", "de"), ("fr", "de")],
)
def test_current_language(active, expected):
    with translation.override(active):
        assert current_language() == expected


def test_current_language_without_an_active_language_is_the_default():
    with translation.override(None):
        assert current_language() == "de"


@pytest.mark.django_db
class TestFallbackUrl:
    """A German-only page asked for under /en/ redirects to the German page with the note."""

    def english_path(self, page):
        return "/en/" + page.url.split("/", 2)[2]

    def test_a_german_only_page_redirects_to_itself_with_the_note(self, learner_client, module):
        home_page("en")
        for page in (module, lessons_of(module)[0], quiz_of(module)):
            response = learner_client.get(self.english_path(page))
            assert response.status_code == 302
            assert response["Location"] == f"{page.url}?unavailable_in=en"
        response = learner_client.get(self.english_path(module), follow=True)
        assert response.status_code == 200
        assert "This page is available in German only." in response.content.decode()

    def test_a_page_translated_under_another_slug_redirects_to_its_translation(
        self, learner_client, module
    ):
        english_home = home_page("en")
        with translation.override("en"):
            english = module.copy_for_translation(english_home.locale)
            english.slug = "english-slug"
            english.save_revision().publish()
        english.refresh_from_db()
        response = learner_client.get(self.english_path(module))
        assert response["Location"] == english.url

    def test_other_paths_stay_a_404(self, learner_client, module):
        home_page("en")
        assert learner_client.get("/en/no-such-page/").status_code == 404
        assert learner_client.get("/de/no-such-page/").status_code == 404
        assert learner_client.get("/xapi/no-such-resource").status_code == 404
