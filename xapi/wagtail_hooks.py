"""The Wagtail admin of `xapi`: LMS actor bindings, for operators.

An LMS actor is bound to one Sensi person on its first accepted launch (`xapi.launches`); a
later launch that names it for someone else is refused. When the first launch bound the wrong
person (an LMS account that changed hands, a shared test account), an operator finds the
binding here by actor or person and releases it; the actor's next launch binds it anew.
Bindings are made by launches only, so the admin lists and deletes, never adds or edits.

Releasing is Wagtail's delete view: a confirmation page, then a "wagtail.delete" entry in
Wagtail's log (who released which binding when), and a line in the application log. Only
users with the permission `xapi.delete_actorbinding` (superusers; no group gets it by
default) can release; `xapi.view_actorbinding` lists.

Layer: imports Django, Wagtail and `xapi` only, like the rest of `xapi`.
"""

import logging

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import ActorBinding

logger = logging.getLogger(__name__)


class ActorBindingPolicy(ModelPermissionPolicy):
    """Listed and released (deleted) in the admin; made by launches only."""

    def user_has_permission(self, user, action):
        return action in {"view", "delete"} and super().user_has_permission(user, action)


register_permission_policy(ActorBinding, ActorBindingPolicy(ActorBinding), exact_class=True)


class ActorBindingIndexView(IndexView):
    def get_base_queryset(self):
        # The person of each row in the same query, whatever the page size.
        return super().get_base_queryset().select_related("user")


class ActorBindingDeleteView(DeleteView):
    page_title = pgettext_lazy("LMS actor binding", "Release")
    success_message = _("Binding of “%(object)s” released; its next launch binds it anew.")

    @property
    def confirmation_message(self):
        return _(
            "Release the binding of the LMS actor “%(actor)s” to %(person)s? The actor's "
            "next launch binds it to whoever it is launched for then; statements already "
            "recorded stay as they are."
        ) % {"actor": self.object.actor_ifi, "person": self.object.user}

    def delete_action(self):
        logger.info(
            "LMS actor binding %s (user %s) released by user %s",
            self.object.pk,
            self.object.user_id,
            self.request.user.pk,
        )
        super().delete_action()


class ActorBindingViewSet(ModelViewSet):
    model = ActorBinding
    icon = "link"
    menu_label = _("LMS actor bindings")
    add_to_settings_menu = True
    menu_order = 910
    index_view_class = ActorBindingIndexView
    delete_view_class = ActorBindingDeleteView
    list_display = [
        "actor_ifi",
        Column("user", label=_("Bound to")),
        Column("email", label=_("E-mail address"), accessor=lambda binding: binding.user.email),
        "bound_at",
    ]
    # Django's ORM (icontains), not a search index: the model is not indexed.
    search_backend_name = None
    search_fields = ["actor_ifi", "user__email", "user__first_name", "user__last_name"]
    ordering = ["-bound_at", "-pk"]
    list_per_page = 50
    copy_view_enabled = False
    exclude_form_fields = []  # never shown: the policy allows no add or edit
    add_to_reference_index = False


@hooks.register("register_admin_viewset")
def xapi_viewsets():
    return ActorBindingViewSet("lms_actor_bindings")
