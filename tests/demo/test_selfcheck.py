"""demo.selfcheck: the demo steps in German and colleagues' runs that make the CISO's page
show figures, with one Ressort below the minimum group size."""

import pytest
from django.core.management import call_command

from compliance.reports.selectors import minimum_group_size
from demo.selfcheck import PARTICIPANTS_PER_RESSORT, STEPS
from selfcheck.models import Area, Router, SelfCheckRun, SelfCheckStep
from selfcheck.reports import step_figures
from xapi.models import Statement

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("seeded_demo")
class TestTheDemoSelfCheck:
    def test_the_steps_cover_the_issue_and_every_area(self):
        steps = list(SelfCheckStep.objects.all())
        assert len(steps) == len(STEPS) >= 10
        assert {s.area for s in steps} == set(Area.values)
        assert all(s.locale.language_code == "de" for s in steps)
        router_steps = [s for s in steps if s.router_variants]
        assert len(router_steps) >= 6
        for step in router_steps:
            assert [label for label, _ in step.router_variants] == Router.labels

    def test_the_ciso_page_shows_two_ressorts_and_withholds_the_third(self):
        minimum = minimum_group_size()
        assert PARTICIPANTS_PER_RESSORT[0] >= minimum and PARTICIPANTS_PER_RESSORT[2] < minimum
        figures = step_figures(None, "de")
        cells = figures[0].cells
        shown = [c for c in cells if c.answered and not c.withheld]
        withheld = [c for c in cells if c.answered and c.withheld]
        assert len(shown) == 2 and len(withheld) == 1

    def test_seeding_again_adds_nothing(self):
        runs, steps, statements = (
            SelfCheckRun.objects.count(),
            SelfCheckStep.objects.count(),
            Statement.objects.count(),
        )
        call_command("seed_demo", allow_demo_accounts=True, verbosity=0)
        assert SelfCheckRun.objects.count() == runs == sum(PARTICIPANTS_PER_RESSORT)
        assert SelfCheckStep.objects.count() == steps
        assert Statement.objects.count() == statements
