"""Server-side scoring of a quiz attempt. Pure functions: no database, no request."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .questions import Question


class TamperedAnswers(ValueError):
    """The submission names questions or options the quiz does not have."""


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    selected: tuple[str, ...]
    correct: bool


@dataclass(frozen=True)
class Score:
    results: tuple[QuestionResult, ...]
    pass_mark: int

    @property
    def points(self) -> int:
        return sum(1 for result in self.results if result.correct)

    @property
    def max_points(self) -> int:
        return len(self.results)

    @property
    def percent(self) -> int:
        return round(100 * self.points / self.max_points) if self.max_points else 0

    @property
    def passed(self) -> bool:
        return self.percent >= self.pass_mark


def validate_answers(
    questions: Sequence[Question], answers: Mapping[str, Sequence[str]]
) -> dict[str, str]:
    """Check a submission against the quiz.

    Returns a message per unanswered question (the learner can fix those). Raises
    TamperedAnswers for anything a genuine form cannot produce.
    """
    by_id = {question.id: question for question in questions}
    unknown = set(answers) - set(by_id)
    if unknown:
        raise TamperedAnswers(_("The submission contains unknown questions."))
    missing = {}
    for question in questions:
        selected = list(answers.get(question.id, []))
        if not selected:
            missing[question.id] = _("Please answer this question.")
            continue
        if len(set(selected)) != len(selected):
            raise TamperedAnswers(_("An answer option was submitted twice."))
        if any(question.option(option_id) is None for option_id in selected):
            raise TamperedAnswers(_("The submission contains unknown answer options."))
        if not question.allows_several and len(selected) > 1:
            raise TamperedAnswers(_("Only one answer is allowed for this question."))
    return missing


def score(
    questions: Sequence[Question], answers: Mapping[str, Sequence[str]], *, pass_mark: int
) -> Score:
    """Score complete, valid answers: a question counts only if exactly the correct options
    were chosen."""
    results = tuple(
        QuestionResult(
            question_id=question.id,
            selected=tuple(answers[question.id]),
            correct=frozenset(answers[question.id]) == question.correct_ids,
        )
        for question in questions
    )
    return Score(results=results, pass_mark=pass_mark)
