"""Writes of the Heimarbeitsplatz-Check: one run with its answers and its xAPI statement
(which carries no answers, see `learning_records`)."""

from collections.abc import Mapping
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone

from .learning_records import record_check_completed
from .models import Answer, SelfCheckAnswer, SelfCheckRun, SelfCheckStep


class InvalidAnswers(Exception):
    """Answers that the form cannot have sent (an unknown step or answer, a form of another
    person): refused, nothing stored."""


class IncompleteAnswers(Exception):
    """Some steps are unanswered; the employee is asked to answer them."""

    def __init__(self, missing: list[UUID]):
        super().__init__(f"{len(missing)} steps unanswered")
        self.missing = missing


def validate_answers(
    *, steps: list[SelfCheckStep], answers: Mapping[str, str]
) -> dict[UUID, Answer]:
    """The answers by step key. Raises InvalidAnswers for a step that is not asked or an
    answer that is not offered, IncompleteAnswers when a step is unanswered."""
    asked = {str(step.translation_key): step.translation_key for step in steps}
    unknown_steps = set(answers) - set(asked)
    if unknown_steps:
        raise InvalidAnswers(f"unknown steps: {sorted(unknown_steps)}")
    if any(value not in Answer.values for value in answers.values()):
        raise InvalidAnswers("unknown answer")
    missing = [key for text, key in asked.items() if not answers.get(text)]
    if missing:
        raise IncompleteAnswers(missing)
    return {asked[text]: Answer(value) for text, value in answers.items()}


def submit_check(
    *,
    user,
    steps: list[SelfCheckStep],
    answers: Mapping[str, str],
    submission_id: UUID,
    language: str,
) -> SelfCheckRun:
    """Store one run of the check as the employee's latest. The same form submitted twice
    (double click, reload) returns the run it made the first time and stores nothing new.

    Raises InvalidAnswers or IncompleteAnswers before anything is stored.
    """
    existing = SelfCheckRun.objects.filter(submission_id=submission_id).first()
    if existing is not None:
        if existing.user_id != user.pk:
            raise InvalidAnswers("submission of another user")
        return existing
    checked = validate_answers(steps=steps, answers=answers)
    try:
        return _store(user=user, checked=checked, submission_id=submission_id, language=language)
    except IntegrityError:
        # A second request with the same form won the race: its run is the one.
        existing = SelfCheckRun.objects.filter(submission_id=submission_id, user=user).first()
        if existing is None:
            raise
        return existing


@transaction.atomic
def _store(*, user, checked: dict[UUID, Answer], submission_id: UUID, language: str):
    SelfCheckRun.objects.select_for_update().filter(user=user, latest=True).update(latest=False)
    run = SelfCheckRun.objects.create(
        user=user,
        submission_id=submission_id,
        completed_at=timezone.now(),
        done=sum(1 for answer in checked.values() if answer == Answer.DONE),
        total=len(checked),
        latest=True,
    )
    SelfCheckAnswer.objects.bulk_create(
        SelfCheckAnswer(run=run, step_key=key, answer=answer) for key, answer in checked.items()
    )
    record_check_completed(user=user, run=run, language=language)
    return run
