"""The personal data of `content` (see `gdpr`): the options a learner chose in scenarios and
their answers to exercises, kept for the learning retention period."""

from datetime import datetime

from django.db.models import QuerySet

from gdpr import Declaration, Deletion, Section

from .models import ExerciseAnswer, ScenarioAnswer


def scenario_answers(user) -> QuerySet:
    return (
        ScenarioAnswer.objects.filter(user=user)
        .order_by("answered_at", "pk")
        .values("page_key", "block_id", "option_id", "answered_at")
    )


def expired_scenario_answers(cutoff: datetime) -> QuerySet:
    return ScenarioAnswer.objects.filter(answered_at__lt=cutoff)


def exercise_answers(user) -> QuerySet:
    return (
        ExerciseAnswer.objects.filter(user=user)
        .order_by("answered_at", "pk")
        .values("page_key", "block_id", "response", "success", "answered_at")
    )


def expired_exercise_answers(cutoff: datetime) -> QuerySet:
    return ExerciseAnswer.objects.filter(answered_at__lt=cutoff)


DECLARATION = Declaration(
    models=(ScenarioAnswer, ExerciseAnswer),
    sections=(
        Section("scenario_answers", scenario_answers, titles={"page_key": "page_title"}),
        Section("exercise_answers", exercise_answers, titles={"page_key": "page_title"}),
    ),
    retention=(
        Deletion("scenario_answers", "learning", expired_scenario_answers),
        Deletion("exercise_answers", "learning", expired_exercise_answers),
    ),
)
