"""The personal data of `jobs` (see `gdpr`): who started which background job, and its files.

A job names the user who started it; its upload (an HR export: everyone's names and
addresses) is deleted as soon as the job succeeds, and a job with its result file is deleted
after `SENSI_RETENTION_REMINDER_DAYS`, like other operational records."""

from datetime import datetime

from django.db.models import QuerySet

from gdpr import Declaration, Deletion, Section

from .models import Job


def jobs_started(user) -> QuerySet:
    return (
        Job.objects.filter(started_by=user)
        .order_by("created_at", "pk")
        .values("kind", "state", "created_at", "finished_at")
    )


def expired_jobs(cutoff: datetime) -> QuerySet:
    return Job.objects.filter(created_at__lt=cutoff)


DECLARATION = Declaration(
    models=(Job,),
    sections=(Section("background_jobs", jobs_started),),
    retention=(Deletion("background_jobs", "reminders", expired_jobs),),
)
