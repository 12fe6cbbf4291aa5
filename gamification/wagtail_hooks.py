from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import TeamChallenge


class TeamChallengeViewSet(SnippetViewSet):
    """Editors and the CISO plan challenges (with the permissions on team challenges)."""

    model = TeamChallenge
    icon = "pick"
    menu_label = _("Team challenges")
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["title", "starts_on", "ends_on", "level", "activity"]
    list_filter = ["level"]


register_snippet(TeamChallengeViewSet)
