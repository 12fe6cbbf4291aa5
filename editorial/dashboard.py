"""The editors' dashboard in the Wagtail admin: one panel per task, each shown only to the
roles it is for (editorial.wagtail_hooks replaces Wagtail's own panels with these).

| panel                          | shown to                                              |
|--------------------------------|-------------------------------------------------------|
| awaiting my approval           | members of an approval task's group (Freigabe), superusers |
| my drafts                      | whoever may add or change pages (Redaktion, Freigabe) |
| modules due for content review | whoever may add or change pages                        |
| running obligations            | whoever may add or change pages                        |
| accessibility feedback         | whoever may read it (permission "view")               |

Every panel reads a bounded list in a fixed number of queries, whatever the number of pages.
"""

from django.db.models import CharField, Exists, OuterRef, Subquery
from django.db.models.functions import Cast, Substr
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import (
    GroupApprovalTask,
    Page,
    TaskState,
    WorkflowState,
    get_default_page_content_type,
)
from wagtail.permissions import page_permission_policy

from accessibility.models import AccessibilityFeedback
from compliance.selectors import running_obligations
from courses.selectors import modules_due_for_review

LIMIT = 10


def can_edit_pages(user) -> bool:
    return page_permission_policy.user_has_any_permission(user, ["add", "change", "publish"])


def is_approver(user) -> bool:
    return (
        user.is_superuser
        or GroupApprovalTask.objects.filter(active=True, groups__user=user).exists()
    )


class DashboardPanel(Component):
    """A panel with a heading, a list and a sentence for when the list is empty."""

    name = ""
    heading = ""
    empty_text = ""
    order = 100

    def __init__(self, user):
        self.user = user

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return can_edit_pages(user)

    def get_items(self) -> list:
        raise NotImplementedError

    def get_context_data(self, parent_context=None):
        return {
            "panel": self,
            "items": self.get_items(),
            "request": parent_context["request"] if parent_context else None,
        }


class AwaitingMyApprovalPanel(DashboardPanel):
    name = "sensi_awaiting_approval"
    heading = _("Waiting for your approval")
    empty_text = _("Nothing is waiting for your approval.")
    template_name = "editorial/dashboard/awaiting_approval.html"
    order = 10

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return is_approver(user)

    def get_items(self) -> list:
        states = list(
            TaskState.objects.reviewable_by(self.user)
            .filter(workflow_state__base_content_type=get_default_page_content_type())
            .select_related("task", "workflow_state__requested_by")
            .order_by("started_at")[:LIMIT]
        )
        pages = Page.objects.in_bulk([int(state.workflow_state.object_id) for state in states])
        return [
            {"state": state, "page": pages[int(state.workflow_state.object_id)]}
            for state in states
            if int(state.workflow_state.object_id) in pages
        ]


class MyDraftsPanel(DashboardPanel):
    name = "sensi_my_drafts"
    heading = _("My drafts")
    empty_text = _("You have no unpublished changes.")
    template_name = "editorial/dashboard/my_drafts.html"
    order = 20

    def get_items(self) -> list:
        parent_path = Substr(OuterRef("path"), 1, (OuterRef("depth") - 1) * Page.steplen)
        in_workflow = WorkflowState.objects.active().filter(
            base_content_type=get_default_page_content_type(),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        return list(
            Page.objects.filter(latest_revision__user=self.user, has_unpublished_changes=True)
            .annotate(
                parent_title=Subquery(Page.objects.filter(path=parent_path).values("title")[:1]),
                in_workflow=Exists(in_workflow),
            )
            .order_by("-latest_revision_created_at", "-pk")[:LIMIT]
        )


class ReviewDuePanel(DashboardPanel):
    name = "sensi_review_due"
    heading = _("Modules due for content review")
    empty_text = _("No module is due for a content review.")
    template_name = "editorial/dashboard/review_due.html"
    order = 30

    def get_items(self) -> list:
        today = timezone.localdate()
        return [
            {"module": module, "overdue": module.review_by < today}
            for module in modules_due_for_review(today=today)[:LIMIT]
        ]


class RunningObligationsPanel(DashboardPanel):
    name = "sensi_running_obligations"
    heading = _("Running obligations")
    empty_text = _("No obligation is running.")
    template_name = "editorial/dashboard/running_obligations.html"
    order = 40

    def get_items(self) -> list:
        return list(running_obligations()[:LIMIT])


class AccessibilityFeedbackPanel(DashboardPanel):
    name = "sensi_accessibility_feedback"
    heading = _("Accessibility feedback received")
    empty_text = _("No feedback has been received.")
    template_name = "editorial/dashboard/accessibility_feedback.html"
    order = 50

    @classmethod
    def is_shown_to(cls, user) -> bool:
        return user.has_perm("accessibility.view_accessibilityfeedback")

    def get_items(self) -> list:
        # Only what the message says and where: the sender's name and address stay in the
        # feedback list behind its own permission.
        return list(
            AccessibilityFeedback.objects.only("pk", "created_at", "page", "message").order_by(
                "-created_at"
            )[:5]
        )

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        viewset = AccessibilityFeedback.snippet_viewset
        context["list_url"] = reverse(viewset.get_url_name("list"))
        context["inspect_url_name"] = viewset.get_url_name("inspect")
        return context


PANELS = [
    AwaitingMyApprovalPanel,
    MyDraftsPanel,
    ReviewDuePanel,
    RunningObligationsPanel,
    AccessibilityFeedbackPanel,
]


def panels_for(user) -> list[DashboardPanel]:
    return [panel(user) for panel in PANELS if panel.is_shown_to(user)]
