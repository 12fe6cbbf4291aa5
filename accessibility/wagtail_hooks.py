from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AccessibilityFeedback


class AccessibilityFeedbackViewSet(SnippetViewSet):
    """Editors read the feedback in the Wagtail admin (permission "view")."""

    model = AccessibilityFeedback
    icon = "mail"
    menu_label = _("Accessibility feedback")
    menu_order = 800
    add_to_admin_menu = True
    list_display = ["created_at", "page", "message", "email"]
    search_fields = ["message", "page", "email", "name"]
    inspect_view_enabled = True


register_snippet(AccessibilityFeedbackViewSet)
