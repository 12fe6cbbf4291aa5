from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Max, Q
from django.utils import timezone
from wagtail import hooks

from .models import QuizAttempt, QuizDraw, QuizPage
from .questions import Question

# Courses implements it: fn(*, user, quiz, since) -> the quiz's lessons (pages) the user has
# not read since `since`. Quizzes knows nothing about lessons (see docs/ARCHITECTURE).
LESSONS_TO_REREAD_HOOK = "quizzes_lessons_to_reread"
# Compliance implements it: fn(*, request, quiz, attempt) -> rendered HTML or None, shown on
# the result page (e.g. that an acknowledgement is still due). Quizzes knows no obligations.
RESULT_NOTICES_HOOK = "quizzes_result_notices"


@dataclass(frozen=True)
class ReviewedQuestion:
    number: int
    question: Question
    selected: tuple[str, ...]
    correct: bool

    def chosen_options(self):
        return [option for option in self.question.options if option.id in self.selected]

    def correct_options(self):
        return [option for option in self.question.options if option.correct]


@dataclass(frozen=True)
class Allowance:
    """Whether the learner may start an attempt now, under the quiz's policy."""

    remaining: int | None = None  # attempts left in the period; None: no limit
    next_attempt_at: datetime | None = None
    lessons_to_reread: list = field(default_factory=list)

    @property
    def allowed(self) -> bool:
        return self.remaining != 0 and not self.lessons_to_reread

    @property
    def is_last(self) -> bool:
        """The next attempt is the last allowed one of its period."""
        return self.remaining == 1


def attempts_summary(*, user, quiz: QuizPage) -> dict:
    """How often this learner tried the quiz (any language), their best result, and if passed."""
    return QuizAttempt.objects.filter(user=user, quiz_key=quiz.translation_key).aggregate(
        count=Count("pk"), best=Max("percent"), passed=Count("pk", filter=Q(passed=True))
    )


def lessons_to_reread(*, user, quiz: QuizPage, since: datetime) -> list:
    lessons = []
    for implementation in hooks.get_hooks(LESSONS_TO_REREAD_HOOK):
        lessons.extend(implementation(user=user, quiz=quiz, since=since))
    return lessons


def result_notices(*, request, quiz: QuizPage, attempt: QuizAttempt) -> list:
    """What other apps have to say on an attempt's result page, as rendered HTML."""
    notices = []
    for implementation in hooks.get_hooks(RESULT_NOTICES_HOOK):
        if html := implementation(request=request, quiz=quiz, attempt=attempt):
            notices.append(html)
    return notices


def attempt_allowance(*, user, quiz: QuizPage, now: datetime | None = None) -> Allowance:
    """Apply the editor's policy: at most `attempts_per_period` attempts in any
    `attempt_period_hours`, and after every `reread_after_failures` failed attempts in a row
    (since the last pass) the module's lessons are to be read again first."""
    now = now or timezone.now()
    attempts = QuizAttempt.objects.filter(user=user, quiz_key=quiz.translation_key)
    remaining = next_attempt_at = None
    if quiz.attempts_per_period:
        period = timedelta(hours=quiz.attempt_period_hours)
        recent = list(
            attempts.filter(submitted_at__gt=now - period)
            .order_by("submitted_at")
            .values_list("submitted_at", flat=True)
        )
        remaining = max(quiz.attempts_per_period - len(recent), 0)
        if remaining == 0:
            next_attempt_at = recent[len(recent) - quiz.attempts_per_period] + period
    reread = []
    if quiz.reread_after_failures:
        last_pass = attempts.filter(passed=True).aggregate(at=Max("submitted_at"))["at"]
        failures = attempts.filter(passed=False)
        if last_pass:
            failures = failures.filter(submitted_at__gt=last_pass)
        streak = failures.aggregate(count=Count("pk"), last=Max("submitted_at"))
        if streak["count"] and streak["count"] % quiz.reread_after_failures == 0:
            reread = lessons_to_reread(user=user, quiz=quiz, since=streak["last"])
    return Allowance(remaining, next_attempt_at, reread)


def draw_history(*, user, quiz: QuizPage) -> tuple[Counter, set[str]]:
    """How often each question was drawn for the learner, and the questions whose
    solutions an attempt showed them."""
    seen: Counter = Counter()
    revealed: set[str] = set()
    rows = QuizDraw.objects.filter(user=user, quiz_key=quiz.translation_key).values_list(
        "question_ids", "attempt__solutions_shown"
    )
    for question_ids, solutions_shown in rows:
        seen.update(question_ids)
        if solutions_shown:
            revealed.update(question_ids)
    return seen, revealed


def attempt_review(attempt: QuizAttempt) -> list[ReviewedQuestion]:
    """Per question of the answered version: what was chosen, and whether it was right."""
    questions = {question.id: question for question in attempt.answered_quiz().question_list()}
    review = []
    for number, result in enumerate(attempt.results, start=1):
        question = questions.get(result["question"])
        if question is not None:
            review.append(
                ReviewedQuestion(number, question, tuple(result["selected"]), result["correct"])
            )
    return review
