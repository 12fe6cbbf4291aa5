"""Wagtail 8 autosaves a new page as soon as its form changes: the first autosave creates the
page as a draft below its parent. Someone who then leaves without saving leaves that draft
behind, and its slug blocks their next attempt at the same page ("The slug is already in use").

Sensi remembers which pages autosave created and their author has not saved, submitted or
published on purpose (AutosavedAttempt). Such an abandoned attempt is deleted
- when its author starts a new page below the same parent with the same slug: the new attempt
  replaces it;
- when its author starts any new page and the attempt has not changed for
  SENSI_ABANDONED_ATTEMPT_HOURS.
A page that was ever published, is in a workflow, has subpages or was saved on purpose is
never deleted. Deletions go through Wagtail's delete action, so the audit log shows them.
"""

from datetime import timedelta

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page

from . import app_settings
from .models import AutosavedAttempt


def is_autosave(request: HttpRequest) -> bool:
    """Wagtail's autosave posts the edit form asking for JSON (JsonPostResponseMixin)."""
    return request.method == "POST" and not request.accepts("text/html")


def remember_attempt(*, request: HttpRequest, page: Page) -> None:
    if is_autosave(request):
        AutosavedAttempt.objects.get_or_create(page=page, defaults={"user": request.user})


def keep_page(*, request: HttpRequest, page: Page) -> None:
    """The author saved, submitted or published the page on purpose: it is no attempt any more."""
    if not is_autosave(request):
        AutosavedAttempt.objects.filter(page=page).delete()


def _abandoned(user):
    return Page.objects.filter(
        pk__in=AutosavedAttempt.objects.filter(user=user).values("page_id"),
        owner=user,
        live=False,
        first_published_at__isnull=True,
        numchild=0,
    )


def _delete(pages, user) -> int:
    deleted = 0
    for page in pages:
        if page.workflow_in_progress:
            continue
        page.specific_deferred.delete(user=user)
        deleted += 1
    return deleted


@transaction.atomic
def discard_abandoned_attempts(*, user, parent: Page | None = None, slug: str = "") -> int:
    """Delete the user's abandoned attempts: below `parent` with `slug` whatever their age
    (a new attempt at the same page), and everywhere those idle for the configured hours."""
    deleted = 0
    if parent is not None and slug:
        deleted += _delete(_abandoned(user).child_of(parent).filter(slug=slug), user)
    cutoff = timezone.now() - timedelta(hours=app_settings.SENSI_ABANDONED_ATTEMPT_HOURS)
    deleted += _delete(_abandoned(user).filter(latest_revision_created_at__lt=cutoff), user)
    return deleted
