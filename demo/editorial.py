"""Demo data for the editors' dashboard: "review by" dates on the German modules, so that one
is overdue, one due soon and the rest later. Only modules without a date get one."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from courses.models import ModulePage

# Days from today, by position of the module in the curriculum; later modules get a year.
OFFSETS = (-5, 7)


@transaction.atomic
def seed_review_dates(modules: list[ModulePage]) -> None:
    today = timezone.localdate()
    for index, module in enumerate(modules):
        if module.review_by is not None:
            continue
        days = OFFSETS[index] if index < len(OFFSETS) else 365 + 30 * index
        review_by = today + timedelta(days=days)
        ModulePage.objects.filter(pk=module.pk).update(review_by=review_by)
        # The editor opens the latest revision: it must show the same date.
        revision = module.latest_revision
        if revision is not None:
            revision.content["review_by"] = review_by.isoformat()
            revision.save(update_fields=["content"])
