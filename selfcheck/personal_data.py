"""The personal data of `selfcheck` (see `gdpr`): the employee's runs of the
Heimarbeitsplatz-Check with their answers, kept for the learning retention period.

The answers describe the security of devices in the employee's home; only the employee sees
them ("Meine Daten" download, the check's result page). Reports use shares of groups at or
above the minimum group size only (selfcheck.reports)."""

from datetime import datetime

from django.conf import settings
from django.db.models import OuterRef, QuerySet, Subquery

from gdpr import Declaration, Deletion, Section

from .models import SelfCheckAnswer, SelfCheckRun, SelfCheckStep


def selfcheck_runs(user) -> QuerySet:
    """Each answer with its run (date, count done, whether it is the latest) and the step's
    question in the default language; one query."""
    question = SelfCheckStep.objects.filter(
        translation_key=OuterRef("step_key"), locale__language_code=settings.LANGUAGE_CODE
    ).values("question")[:1]
    return (
        SelfCheckAnswer.objects.filter(run__user=user)
        .annotate(question=Subquery(question))
        .order_by("run__completed_at", "run_id", "pk")
        .values(
            "run__completed_at",
            "run__done",
            "run__total",
            "run__latest",
            "step_key",
            "question",
            "answer",
        )
    )


def expired_runs(cutoff: datetime) -> QuerySet:
    # Answers go with their run (on_delete=CASCADE).
    return SelfCheckRun.objects.filter(completed_at__lt=cutoff)


DECLARATION = Declaration(
    models=(SelfCheckRun,),
    sections=(Section("selfcheck_runs", selfcheck_runs),),
    retention=(Deletion("selfcheck_runs", "learning", expired_runs),),
)
