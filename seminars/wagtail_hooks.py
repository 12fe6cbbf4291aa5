"""Sessions in the Wagtail admin, as snippets: editors find them under "Termine" in the menu,
with filters by module, kind and trainer."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Session
from .services import fill_seats


class SessionViewSet(SnippetViewSet):
    model = Session
    icon = "date"
    menu_label = _("Sessions")
    menu_name = "seminar-sessions"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["__str__", "kind", "capacity", "trainer", "registration_deadline"]
    list_filter = ["kind", "module"]
    ordering = ["-starts_at"]


register_snippet(SessionViewSet)


@hooks.register("after_edit_snippet")
def move_up_after_more_seats(request, instance):
    """An editor added seats: people on the waiting list get them at once."""
    if isinstance(instance, Session):
        fill_seats(session=instance)
