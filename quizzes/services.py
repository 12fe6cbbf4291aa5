import uuid
from collections.abc import Mapping, Sequence

from django.db import IntegrityError, transaction
from django.utils.translation import get_language

from . import learning_records
from .models import QuizAttempt, QuizPage
from .scoring import score, validate_answers
from .signals import attempt_recorded


class IncompleteAnswers(ValueError):
    def __init__(self, missing: dict[str, str]):
        super().__init__("incomplete answers")
        self.missing = missing


@transaction.atomic
def submit_attempt(
    *, user, quiz: QuizPage, token: uuid.UUID, answers: Mapping[str, Sequence[str]]
) -> tuple[QuizAttempt, bool]:
    """Score one attempt on the server and store it.

    Returns the attempt and whether it is new: a second submit of the same form (same token)
    returns the first attempt and stores nothing. Raises TamperedAnswers or IncompleteAnswers
    and stores nothing when the answers do not fit the quiz.
    """
    existing = QuizAttempt.objects.filter(token=token, user=user).first()
    if existing:
        return existing, False

    questions = quiz.question_list()
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
                language=get_language() or quiz.locale.language_code,
                token=token,
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
            )
    except IntegrityError:
        # The same form was submitted concurrently; the other request stored it.
        return QuizAttempt.objects.get(token=token, user=user), False

    learning_records.record_attempt(attempt=attempt, quiz=quiz)
    attempt_recorded.send(sender=QuizAttempt, attempt=attempt, quiz=quiz)
    return attempt, True
