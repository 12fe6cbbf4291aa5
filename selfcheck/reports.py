"""The CISO's view of the Heimarbeitsplatz-Check: per step and per Ressort, the share of
employees who answered "done", among the employees who took the check (their latest run).

Within the compliance reports' scope rules (`compliance.reports.scopes`): the step topics are
information security, so a grant must cover that topic; a Ressort-ISB sees their Ressorts.
A figure of fewer employees than the reports' minimum group size is withheld and says so in
words. There is no total over the Ressorts: with one Ressort withheld, a total would give it
away by subtraction. Nobody's answers are shown, and no list of people.
"""

from dataclasses import dataclass
from uuid import UUID

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from compliance.models import Ressort
from compliance.reports.access import Report, open_report
from compliance.reports.scopes import Scope, scope_for
from compliance.reports.selectors import minimum_group_size
from content.languages import current_language
from courses.models import Topic

from .models import Answer, SelfCheckAnswer, SelfCheckStep
from .selectors import steps_for

TOPIC = Topic.IT_SECURITY.value


def ressorts_in_scope(scope: Scope) -> frozenset[int] | None:
    """The Ressorts whose figures the scope may see (None: all). Raises PermissionDenied
    when no grant covers information security."""
    grants = [grant for grant in scope.grants if TOPIC in grant.topics]
    if not grants:
        raise PermissionDenied
    if any(grant.ressort_ids is None for grant in grants):
        return None
    return frozenset().union(*(grant.ressort_ids for grant in grants))


def answer_counts(ressort_ids: frozenset[int] | None) -> dict[tuple[int, UUID], tuple[int, int]]:
    """(answered, done) by (Ressort, step key), over the latest run of each active employee.
    One query, aggregated in the database."""
    rows = SelfCheckAnswer.objects.filter(run__latest=True, run__user__employee__active=True)
    if ressort_ids is not None:
        rows = rows.filter(run__user__employee__ressort_id__in=sorted(ressort_ids))
    rows = (
        rows.values("run__user__employee__ressort_id", "step_key")
        .annotate(answered=Count("pk"), done=Count("pk", filter=Q(answer=Answer.DONE)))
        .order_by()
    )
    return {
        (row["run__user__employee__ressort_id"], row["step_key"]): (row["answered"], row["done"])
        for row in rows
    }


@dataclass(frozen=True)
class Cell:
    ressort: Ressort
    answered: int
    done: int
    minimum: int

    @property
    def withheld(self) -> bool:
        return self.answered < self.minimum

    @property
    def percent(self) -> float:
        return round(self.done * 100 / self.answered, 1)


@dataclass(frozen=True)
class StepFigures:
    step: SelfCheckStep
    cells: list[Cell]


def step_figures(ressort_ids: frozenset[int] | None, language: str) -> list[StepFigures]:
    """Every active step with a cell per Ressort in scope (three queries)."""
    minimum = minimum_group_size()
    ressorts = Ressort.objects.order_by("code")
    if ressort_ids is not None:
        ressorts = ressorts.filter(pk__in=sorted(ressort_ids))
    ressorts = list(ressorts)
    counts = answer_counts(ressort_ids)
    return [
        StepFigures(
            step,
            [
                Cell(ressort, *counts.get((ressort.pk, step.translation_key), (0, 0)), minimum)
                for ressort in ressorts
            ],
        )
        for step in steps_for(language)
    ]


@login_required
@require_GET
def aggregate_report(request):
    scope = scope_for(request.user)
    ressort_ids = ressorts_in_scope(scope)
    # The access log of the compliance reports: who looked, when, with which scope.
    open_report(
        scope=scope,
        report=Report.DASHBOARD,
        parameters={"path": request.path, "view": "home_office_self_check"},
        user=request.user,
    )
    return TemplateResponse(
        request,
        "selfcheck/report.html",
        {
            "scope": scope,
            "figures": step_figures(ressort_ids, current_language()),
            "minimum": minimum_group_size(),
        },
    )
