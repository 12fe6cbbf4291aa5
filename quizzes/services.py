import random
import uuid
from collections.abc import Mapping, Sequence
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from content.languages import current_language

from . import drawing, learning_records
from .forms import TOKEN_MAX_AGE
from .models import QuizAttempt, QuizDraw, QuizPage
from .questions import Question
from .scoring import score, validate_answers
from .selectors import Allowance, attempt_allowance, draw_history
from .signals import attempt_recorded


class IncompleteAnswers(ValueError):
    def __init__(self, missing: dict[str, str]):
        super().__init__("incomplete answers")
        self.missing = missing


class UnknownDraw(ValueError):
    """The form's token names no draw of this learner and quiz."""


class QuestionsChanged(ValueError):
    """An editor removed a question that was drawn for this attempt."""


class AttemptNotAllowed(ValueError):
    def __init__(self, allowance: Allowance):
        super().__init__("attempt not allowed")
        self.allowance = allowance


def drawn_questions(*, quiz: QuizPage, draw: QuizDraw) -> list[Question]:
    """The drawn questions as the quiz has them now. Raises QuestionsChanged when one of
    them is gone."""
    questions = {question.id: question for question in quiz.question_list()}
    try:
        return [questions[question_id] for question_id in draw.question_ids]
    except KeyError as error:
        raise QuestionsChanged from error


def _open_draw(*, user, quiz: QuizPage) -> QuizDraw | None:
    """The learner's newest unanswered draw that still fits the quiz."""
    draw = (
        QuizDraw.objects.filter(
            user=user,
            quiz_key=quiz.translation_key,
            attempt__isnull=True,
            created_at__gte=timezone.now() - timedelta(seconds=TOKEN_MAX_AGE),
        )
        .order_by("-created_at")
        .first()
    )
    if draw is None:
        return None
    try:
        drawn = drawn_questions(quiz=quiz, draw=draw)
    except QuestionsChanged:
        return None
    expected = quiz.questions_per_attempt or len(quiz.questions)
    if len(drawn) != min(expected, len(quiz.questions)):
        return None
    return draw


def draw_questions(*, user, quiz: QuizPage) -> QuizDraw:
    """The questions of the learner's next attempt. Reloading the form returns the same draw,
    so that drawing again until easy questions come up does not work."""
    existing = _open_draw(user=user, quiz=quiz)
    if existing:
        return existing
    seen, revealed = draw_history(user=user, quiz=quiz)
    drawn = drawing.draw(
        quiz.question_list(),
        count=quiz.questions_per_attempt,
        seen=seen,
        revealed=revealed,
        rng=random.SystemRandom(),
    )
    return QuizDraw.objects.create(
        user=user, quiz_key=quiz.translation_key, question_ids=[q.id for q in drawn]
    )


@transaction.atomic
def submit_attempt(
    *, user, quiz: QuizPage, token: uuid.UUID, answers: Mapping[str, Sequence[str]]
) -> tuple[QuizAttempt, bool]:
    """Score one attempt on the server and store it.

    Returns the attempt and whether it is new: a second submit of the same form (same token)
    returns the first attempt and stores nothing. Stores nothing and raises UnknownDraw,
    AttemptNotAllowed, QuestionsChanged, TamperedAnswers or IncompleteAnswers when the
    submission does not fit the learner's draw or the quiz's policy.
    """
    existing = QuizAttempt.objects.filter(token=token, user=user).first()
    if existing:
        return existing, False
    # Serialise this learner's submissions for the quiz, so that two forms sent at once
    # cannot both take the last attempt of a period.
    draws = list(
        QuizDraw.objects.select_for_update()
        .filter(user=user, quiz_key=quiz.translation_key)
        .order_by("pk")
    )
    draw = next((d for d in draws if d.token == token), None)
    if draw is None:
        raise UnknownDraw
    allowance = attempt_allowance(user=user, quiz=quiz)
    if not allowance.allowed:
        raise AttemptNotAllowed(allowance)
    questions = drawn_questions(quiz=quiz, draw=draw)
    missing = validate_answers(questions, answers)
    if missing:
        raise IncompleteAnswers(missing)
    result = score(questions, answers, pass_mark=quiz.pass_mark)

    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                user=user,
                quiz_key=quiz.translation_key,
                module_key=quiz.get_parent().translation_key,
                quiz=quiz,
                revision_id=quiz.live_revision_id,
                language=current_language(),
                token=token,
                draw=draw,
                answers={qid: list(selected) for qid, selected in answers.items()},
                results=[
                    {"question": r.question_id, "selected": list(r.selected), "correct": r.correct}
                    for r in result.results
                ],
                points=result.points,
                max_points=result.max_points,
                percent=result.percent,
                pass_mark=result.pass_mark,
                passed=result.passed,
                # Explanations after passing, or after the last allowed attempt of a period.
                solutions_shown=result.passed or allowance.is_last,
            )
    except IntegrityError:
        # The same form was submitted concurrently; the other request stored it.
        return QuizAttempt.objects.get(token=token, user=user), False

    learning_records.record_attempt(attempt=attempt, quiz=quiz)
    attempt_recorded.send(sender=QuizAttempt, attempt=attempt, quiz=quiz)
    return attempt, True
