"""Wagtail admin for obligations and Ressorts. Obligations are created and changed through
the compliance services, so that versions and status rows stay in step."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic.models import CreateView, EditView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from ..models import LedgerEntry, Obligation, ReportAccess, Ressort, RessortAssignment
from ..services import create_obligation, obligation_edited

OBLIGATION_FIELDS = [
    "title",
    "module",
    "everyone",
    "ressorts",
    "dienststellen",
    "text_de",
    "text_en",
    "due_date",
    "days_after_entry",
    "recurrence_months",
    "grace_days",
    "requires_quiz",
    "active",
]


class ObligationCreateView(CreateView):
    def save_instance(self):
        return create_obligation(**self.form.cleaned_data)


class ObligationEditView(EditView):
    def save_instance(self):
        text_changed = bool({"text_de", "text_en"} & set(self.form.changed_data))
        obligation = super().save_instance()
        obligation_edited(obligation=obligation, text_changed=text_changed)
        return obligation


class ObligationViewSet(ModelViewSet):
    model = Obligation
    icon = "tasks"
    menu_label = _("Obligations")
    form_fields = OBLIGATION_FIELDS
    list_display = ["title", "module", "due_date", "recurrence_months", "active"]
    list_filter = ["active", "everyone"]
    search_fields = ["title"]
    add_view_class = ObligationCreateView
    edit_view_class = ObligationEditView
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        form_class.base_fields["ressorts"].widget = forms.CheckboxSelectMultiple()
        return form_class


class RessortViewSet(ModelViewSet):
    model = Ressort
    icon = "group"
    menu_label = _("Ressorts")
    form_fields = ["code", "name"]
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


class RessortAssignmentViewSet(ModelViewSet):
    """Which Ressorts a Ressort-ISB reports on (the group alone grants nothing)."""

    model = RessortAssignment
    icon = "user"
    menu_label = _("Ressort-ISB assignments")
    form_fields = ["user", "ressort"]
    list_display = ["user", "ressort"]


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Evidence that must not be edited in the admin: listed and inspected only."""

    def user_has_permission(self, user, action):
        return action in {"view", "inspect"} and super().user_has_permission(user, "view")


for evidence in (LedgerEntry, ReportAccess):
    register_permission_policy(evidence, ViewOnlyPolicy(evidence), exact_class=True)


class ReadOnlyViewSet(ModelViewSet):
    inspect_view_enabled = True
    exclude_form_fields = []  # never shown: the policy allows no add or edit
    # Append-only evidence written on hot paths: no usage tracking in Wagtail's reference
    # index (it would add several queries to every acknowledgement and report view).
    add_to_reference_index = False


class ReportAccessViewSet(ReadOnlyViewSet):
    model = ReportAccess
    icon = "view"
    menu_label = _("Report access log")
    list_display = ["at", "user", "report"]
    list_filter = ["report"]


class LedgerViewSet(ReadOnlyViewSet):
    model = LedgerEntry
    icon = "list-ol"
    menu_label = _("Acknowledgement ledger")
    list_display = ["seq", "kind", "employee", "obligation_version", "confirmed_at"]
    list_filter = ["kind"]


class ComplianceViewSetGroup(ViewSetGroup):
    menu_label = _("Compliance")
    menu_icon = "success"
    items = (
        ObligationViewSet("obligations"),
        RessortViewSet("ressorts"),
        RessortAssignmentViewSet("ressort_assignments"),
        LedgerViewSet("ledger"),
        ReportAccessViewSet("report_access"),
    )
