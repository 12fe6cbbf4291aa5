"""The personal data of `quizzes` (see `gdpr`): quiz attempts with their answers and the
questions drawn for a learner, kept for the learning retention period."""

from datetime import datetime

from django.db.models import QuerySet

from gdpr import Declaration, Deletion, Section

from .models import QuizAttempt, QuizDraw


def quiz_attempts(user) -> QuerySet:
    return (
        QuizAttempt.objects.filter(user=user)
        .order_by("submitted_at")
        .values(
            "id",
            "quiz_key",
            "module_key",
            "language",
            "submitted_at",
            "points",
            "max_points",
            "percent",
            "pass_mark",
            "passed",
            "answers",
            "results",
        )
    )


def quiz_draws(user) -> QuerySet:
    return (
        QuizDraw.objects.filter(user=user)
        .order_by("created_at")
        .values("quiz_key", "question_ids", "created_at", "attempt__id")
    )


def expired_attempts(cutoff: datetime) -> QuerySet:
    return QuizAttempt.objects.filter(submitted_at__lt=cutoff)


def expired_draws(cutoff: datetime) -> QuerySet:
    return QuizDraw.objects.filter(created_at__lt=cutoff)


DECLARATION = Declaration(
    models=(QuizAttempt, QuizDraw),
    sections=(
        Section(
            "quiz_attempts",
            quiz_attempts,
            titles={"module_key": "module_title", "quiz_key": "quiz_title"},
        ),
        Section("quiz_draws", quiz_draws),
    ),
    retention=(
        Deletion("quiz_attempts", "learning", expired_attempts),
        Deletion("quiz_draws", "learning", expired_draws),
    ),
)
