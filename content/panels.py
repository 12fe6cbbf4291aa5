"""Editing panels shared by Sensi's page types.

The slug sits right below the title on the "Content" tab, not on Wagtail's "Promote" tab: a
slug that is already taken is then reported where the editor is typing, instead of on a tab
they do not look at (docs/editors.md, "Autosave and slugs").
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

TITLE_AND_SLUG = [*Page.content_panels, FieldPanel("slug")]

PROMOTE_WITHOUT_SLUG = [
    MultiFieldPanel(
        [FieldPanel("seo_title"), FieldPanel("search_description")],
        heading=_("For search engines"),
    ),
    MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("For site menus")),
]
