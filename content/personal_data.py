"""The personal data of `content` (see `gdpr`): the options a learner chose in scenarios,
kept for the learning retention period."""

from datetime import datetime

from django.db.models import QuerySet

from gdpr import Declaration, Deletion, Section

from .models import ScenarioAnswer


def scenario_answers(user) -> list[dict]:
    return list(
        ScenarioAnswer.objects.filter(user=user)
        .order_by("answered_at", "pk")
        .values("page_key", "block_id", "option_id", "answered_at")
    )


def expired_scenario_answers(cutoff: datetime) -> QuerySet:
    return ScenarioAnswer.objects.filter(answered_at__lt=cutoff)


DECLARATION = Declaration(
    models=(ScenarioAnswer,),
    sections=(Section("scenario_answers", scenario_answers, titles={"page_key": "page_title"}),),
    retention=(Deletion("scenario_answers", "learning", expired_scenario_answers),),
)
