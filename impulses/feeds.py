"""Atom and RSS feeds of the public impulses (for everyone, published, week begun), one per
language (the URL's language prefix), for the employee portal and intranets. Impulses without a
published translation do not appear in that language's feed."""

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.rich_text import expand_db_html

from content.languages import current_language

from .models import ImpulsePage
from .selectors import public_impulses

FEED_LENGTH = 20


class ImpulseRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("Sensi: security impulses")

    def description(self):
        return _("A short tip on information security and data protection every week.")

    subtitle = description

    def link(self):
        return f"/{current_language()}/"

    def items(self):
        return public_impulses(language=current_language(), limit=FEED_LENGTH, fallback=False)

    def item_title(self, item: ImpulsePage):
        return item.title

    def item_description(self, item: ImpulsePage):
        question = item.question_view()
        return f"{expand_db_html(item.tip)}<p><strong>{_('Question')}:</strong> {question.text}</p>"

    def item_link(self, item: ImpulsePage):
        return item.get_url(self.request)

    def item_guid(self, item: ImpulsePage):
        """Stable per impulse and language: the impulse's xAPI activity IRI."""
        language = item.locale.language_code
        return f"{settings.SENSI_BASE_URL}/xapi/activities/{item.translation_key}#{language}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: ImpulsePage):
        return timezone.make_aware(datetime.combine(item.week_of, time(6)))

    def item_updateddate(self, item: ImpulsePage):
        return max(item.last_published_at or self.item_pubdate(item), self.item_pubdate(item))

    def item_categories(self, item: ImpulsePage):
        return [item.get_topic_display()]


class ImpulseAtomFeed(ImpulseRssFeed):
    feed_type = Atom1Feed
