from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .blocks import INLINE_FEATURES, PageStreamBlock


class HomePage(Page):
    """The root of each language's site: a short welcome and the way into the trainings."""

    intro = RichTextField(_("introduction"), features=INLINE_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.ModulePage", "content.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class StandardPage(Page):
    """An information page such as the privacy notice or the accessibility statement."""

    body = StreamField(PageStreamBlock(), verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["content.HomePage", "content.StandardPage"]
    subpage_types = ["content.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
