from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from .reports.scopes import scope_for


def report_navigation(request):
    """A "Compliance" link in the site navigation for people with a report role, looked up
    only when a page renders the navigation."""

    def links():
        if not scope_for(request.user).may_view:
            return []
        return [{"label": _("Compliance reports"), "url": reverse("compliance:reports")}]

    return {"extra_nav_links": SimpleLazyObject(links)}
