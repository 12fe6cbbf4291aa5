"""demo.impulses: the demo Sicherheitsimpulse."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from demo.impulses import IMPULSES
from demo.impulses_en import IMPULSES as ENGLISH
from impulses.models import TIP_MAX_CHARACTERS, ImpulsePage, Topic, tip_length
from impulses.selectors import current_impulse_for, public_impulses
from tests.factories import UserFactory


def test_twelve_impulses_cover_all_six_topics_within_the_length_limit():
    assert len(IMPULSES) >= 12
    assert {data["topic"] for data in IMPULSES} == set(Topic.values)
    for data in IMPULSES:
        assert tip_length(data["tip"]) <= TIP_MAX_CHARACTERS, data["slug"]
        assert sum(correct for _t, correct, _f in data["question"]["options"]) == 1


def test_every_impulse_has_an_english_version_within_the_length_limit():
    assert set(ENGLISH) == {data["slug"] for data in IMPULSES}
    for slug, data in ENGLISH.items():
        german = next(item for item in IMPULSES if item["slug"] == slug)
        assert tip_length(data["tip"]) <= TIP_MAX_CHARACTERS, slug
        answers = [correct for _t, correct, _f in data["question"]["options"]]
        assert answers == [correct for _t, correct, _f in german["question"]["options"]], slug


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded_demo")
class TestSeededImpulses:
    def test_the_seed_publishes_a_weekly_series_with_one_for_this_week(self):
        pages = ImpulsePage.objects.live().filter(locale__language_code="de").order_by("week_of")
        assert pages.count() == len(IMPULSES)
        weeks = [page.week_of for page in pages]
        assert all((b - a).days == 7 for a, b in zip(weeks, weeks[1:], strict=False))
        today = timezone.localdate()
        current = current_impulse_for(UserFactory(), language="de")
        assert current is not None and current.week_of <= today
        assert (today - current.week_of).days < 7
        assert len(public_impulses(language="de")) == 9
        for page in pages:
            page.full_clean()

    def test_the_english_versions_are_translations_with_the_same_question_and_week(self):
        german = ImpulsePage.objects.live().filter(locale__language_code="de")
        english = {
            page.translation_key: page
            for page in ImpulsePage.objects.live().filter(locale__language_code="en")
        }
        assert len(english) == german.count() == len(IMPULSES)
        for page in german:
            translation = english[page.translation_key]
            assert (translation.week_of, translation.topic) == (page.week_of, page.topic)
            ids = [option.id for option in page.question_view().options]
            assert [option.id for option in translation.question_view().options] == ids
            assert translation.get_parent().specific.locale.language_code == "en"
            translation.full_clean()
        shown = public_impulses(language="en", fallback=False)
        assert len(shown) == 9 and all(page.locale.language_code == "en" for page in shown)
        current = current_impulse_for(UserFactory(), language="en")
        assert current is not None and current.locale.language_code == "en"

    def test_seeding_again_changes_nothing(self):
        call_command("seed_demo", allow_demo_accounts=True, verbosity=0)
        assert ImpulsePage.objects.count() == 2 * len(IMPULSES)
