"""Reads of the Heimarbeitsplatz-Check for the employee: the steps to ask and their own runs.
(The CISO's aggregates are in `selfcheck.reports`.)"""

from dataclasses import dataclass
from uuid import UUID

from django.conf import settings
from django.db.models import Subquery

from .models import Answer, SelfCheckAnswer, SelfCheckRun, SelfCheckStep


def steps_for(language: str) -> list[SelfCheckStep]:
    """The active steps in the order editors gave the German steps, each in `language` where
    it is translated (and active there), otherwise in German. One query."""
    rows = list(
        SelfCheckStep.objects.filter(
            active=True, locale__language_code__in={settings.LANGUAGE_CODE, language}
        ).select_related("locale")
    )
    default = [s for s in rows if s.locale.language_code == settings.LANGUAGE_CODE]
    translated = {s.translation_key: s for s in rows if s.locale.language_code == language}
    return [translated.get(step.translation_key, step) for step in default]


def step_titles(keys, language: str) -> dict[UUID, SelfCheckStep]:
    """Steps by translation key, in `language` where there is a version (active or not: a
    past run may name a step that has since been retired). One query."""
    rows = SelfCheckStep.objects.filter(translation_key__in=list(keys)).select_related("locale")
    found: dict[UUID, SelfCheckStep] = {}
    for step in rows:
        current = found.get(step.translation_key)
        if current is None or step.locale.language_code == language:
            found[step.translation_key] = step
    return found


@dataclass(frozen=True)
class Invitation:
    """What the section on "Meine Schulungen" needs: whether the check is offered (some step
    is active) and the employee's latest run (shown, not saved)."""

    offered: bool
    latest: SelfCheckRun | None


def invitation_for(user) -> Invitation:
    """One query: the latest run, read alongside whether any step is active."""
    latest = SelfCheckRun.objects.filter(user=user, latest=True)
    fields = ("pk", "completed_at", "done", "total")
    row = (
        SelfCheckStep.objects.filter(active=True)
        .annotate(**{f"run_{f}": Subquery(latest.values(f)[:1]) for f in fields})
        .values(*(f"run_{f}" for f in fields))
        .first()
    )
    if row is None:
        return Invitation(offered=False, latest=None)
    if row["run_pk"] is None:
        return Invitation(offered=True, latest=None)
    run = SelfCheckRun(user=user, latest=True, **{f: row[f"run_{f}"] for f in fields})
    return Invitation(offered=True, latest=run)


def latest_run(user) -> SelfCheckRun | None:
    return SelfCheckRun.objects.filter(user=user, latest=True).first()


def runs_of(user) -> list[SelfCheckRun]:
    """The employee's runs, newest first (their history)."""
    return list(SelfCheckRun.objects.filter(user=user))


def answers_of(run: SelfCheckRun | None) -> dict[UUID, str]:
    if run is None:
        return {}
    return dict(SelfCheckAnswer.objects.filter(run=run).values_list("step_key", "answer"))


@dataclass(frozen=True)
class AnsweredStep:
    step: SelfCheckStep
    answer: Answer


@dataclass(frozen=True)
class RunResult:
    """A run as its owner sees it: the count done and the steps to work on next."""

    run: SelfCheckRun
    unknown: list[AnsweredStep]
    not_possible: list[AnsweredStep]
    done: list[AnsweredStep]


def result_of(run: SelfCheckRun, language: str) -> RunResult:
    """Three queries: the answers, their steps and the order of the steps."""
    answers = answers_of(run)
    steps = step_titles(answers, language)
    order = {s.translation_key: i for i, s in enumerate(steps_for(language))}
    answered = [
        AnsweredStep(steps[key], Answer(answer)) for key, answer in answers.items() if key in steps
    ]
    rows = sorted(answered, key=lambda item: order.get(item.step.translation_key, len(order)))
    return RunResult(
        run=run,
        unknown=[r for r in rows if r.answer == Answer.UNKNOWN],
        not_possible=[r for r in rows if r.answer == Answer.NOT_POSSIBLE],
        done=[r for r in rows if r.answer == Answer.DONE],
    )
