"""The employee's Heimarbeitsplatz-Check: the form, the result and the history. Everything
here is the signed-in employee's own; nobody else's run can be reached."""

import uuid
from dataclasses import dataclass
from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_http_methods

from content.languages import current_language

from .models import Answer, Area, SelfCheckStep
from .selectors import answers_of, latest_run, result_of, runs_of, steps_for
from .services import IncompleteAnswers, InvalidAnswers, submit_check

FIELD_PREFIX = "step-"


@dataclass(frozen=True)
class StepField:
    number: int
    step: SelfCheckStep
    chosen: str
    missing: bool

    @property
    def name(self) -> str:
        return f"{FIELD_PREFIX}{self.step.translation_key}"


def _fields(steps, chosen: dict[str, str], missing=frozenset()) -> list[tuple[str, list]]:
    """The steps, numbered, grouped by area (consecutive steps of one area form a group)."""
    fields = [
        StepField(
            n, step, chosen.get(str(step.translation_key), ""), step.translation_key in missing
        )
        for n, step in enumerate(steps, start=1)
    ]
    return [
        (Area(area).label, list(group)) for area, group in groupby(fields, lambda f: f.step.area)
    ]


def _posted_answers(post) -> dict[str, str]:
    return {
        key.removeprefix(FIELD_PREFIX): value
        for key, value in post.items()
        if key.startswith(FIELD_PREFIX)
    }


def _render_check(request, steps, *, chosen, submission_id, missing=frozenset(), status=200):
    return TemplateResponse(
        request,
        "selfcheck/check.html",
        {
            "groups": _fields(steps, chosen, missing),
            "step_count": len(steps),
            "answers": Answer.choices,
            "submission_id": submission_id,
            "missing_count": len(missing),
            "latest": latest_run(request.user),
        },
        status=status,
    )


def _refused(request):
    return TemplateResponse(request, "selfcheck/refused.html", status=400)


@login_required
@require_http_methods(["GET", "POST"])
def check(request):
    language = current_language()
    steps = steps_for(language)
    if request.method == "GET":
        previous = {str(key): value for key, value in answers_of(latest_run(request.user)).items()}
        return _render_check(request, steps, chosen=previous, submission_id=uuid.uuid4())
    try:
        submission_id = uuid.UUID(request.POST.get("submission_id", ""))
    except ValueError:
        return _refused(request)
    answers = _posted_answers(request.POST)
    try:
        submit_check(
            user=request.user,
            steps=steps,
            answers=answers,
            submission_id=submission_id,
            language=language,
        )
    except InvalidAnswers:
        return _refused(request)
    except IncompleteAnswers as incomplete:
        return _render_check(
            request,
            steps,
            chosen=answers,
            submission_id=submission_id,
            missing=frozenset(incomplete.missing),
            status=400,
        )
    return redirect("selfcheck:result")


@login_required
@require_GET
def result(request):
    run = latest_run(request.user)
    if run is None:
        return redirect("selfcheck:check")
    return TemplateResponse(
        request,
        "selfcheck/result.html",
        {
            "result": result_of(run, current_language()),
            "history": runs_of(request.user),
        },
    )
