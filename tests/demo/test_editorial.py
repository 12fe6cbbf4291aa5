"""The demo gives the editors' dashboard something to show (demo.editorial)."""

import pytest
from django.utils import timezone

from courses.models import ModulePage
from demo.editorial import seed_review_dates


@pytest.mark.usefixtures("seeded_demo")
@pytest.mark.django_db
class TestReviewDates:
    def test_one_module_is_overdue_and_one_due_soon(self):
        today = timezone.localdate()
        german = ModulePage.objects.filter(locale__language_code="de").order_by("path")
        dates = [module.review_by for module in german]
        assert all(dates)
        assert dates[0] < today < dates[1]
        latest = german[0].get_latest_revision_as_object()
        assert latest.review_by == dates[0]

    def test_seeding_again_keeps_the_dates(self):
        german = list(ModulePage.objects.filter(locale__language_code="de").order_by("path"))
        before = [module.review_by for module in german]
        seed_review_dates(german)
        assert [
            m.review_by
            for m in ModulePage.objects.filter(pk__in=[m.pk for m in german]).order_by("path")
        ] == before
