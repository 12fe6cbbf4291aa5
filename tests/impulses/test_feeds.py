"""impulses.feeds: Atom and RSS, public impulses only, per language; read with feedparser as
a feed reader would."""

import feedparser
import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from .conftest import impulse_page, index_page

pytestmark = pytest.mark.django_db


def read(client, name, language="de"):
    with translation.override(language):
        url = reverse(f"impulses:{name}")
    response = client.get(url)
    assert response.status_code == 200
    return feedparser.parse(response.content)


@pytest.fixture
def impulses(home):
    return {
        "public": impulse_page(home, title="Öffentlicher Impuls"),
        "older": impulse_page(home, title="Älterer Impuls", weeks_ago=1),
        "restricted": impulse_page(home, title="Nur für ein Ressort", everyone=False),
        "future": impulse_page(home, title="Kommt noch", weeks_ago=-1),
        "draft": impulse_page(home, title="Entwurf", live=False),
    }


@pytest.mark.parametrize("name", ["feed_rss", "feed_atom"])
def test_the_feeds_are_well_formed_and_list_only_public_impulses(client, impulses, name):
    feed = read(client, name)
    assert feed.bozo == 0
    assert [entry.title for entry in feed.entries] == ["Öffentlicher Impuls", "Älterer Impuls"]
    entry = feed.entries[0]
    assert entry.link.endswith(impulses["public"].url)
    assert "Melden Sie verdächtige E-Mails sofort." in entry.summary
    assert entry.tags[0].term
    assert feed.feed.language.startswith("de") if name == "feed_rss" else True


@pytest.mark.parametrize("name", ["feed_rss", "feed_atom"])
def test_the_english_feeds_list_the_english_translations_only(client, home, impulses, name):
    en = Locale.objects.get_or_create(language_code="en")[0]
    home.copy_for_translation(en).save_revision().publish()
    index_page(home).copy_for_translation(en).save_revision().publish()
    translation_ = impulses["public"].copy_for_translation(en)
    translation_.title = "Public impulse"
    translation_.save_revision().publish()
    feed = read(client, name, "en")
    assert feed.bozo == 0
    assert [entry.title for entry in feed.entries] == ["Public impulse"]


def test_the_feeds_show_no_personal_data_and_need_no_login(client, impulses, user):
    client.force_login(user)
    text = client.get(reverse("impulses:feed_atom")).text
    assert user.email not in text
    assert str(user.pseudonym) not in text
