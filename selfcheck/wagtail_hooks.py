from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SelfCheckStep


class SelfCheckStepViewSet(SnippetViewSet):
    """Editors write, translate and order (drag and drop in the listing, `sort_order`) the
    steps of the Heimarbeitsplatz-Check."""

    model = SelfCheckStep
    icon = "tasks"
    menu_label = _("Home office self-check")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["question", "area", "active"]
    list_filter = ["area", "active"]
    search_fields = ["question"]


register_snippet(SelfCheckStepViewSet)
