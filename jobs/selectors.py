"""Reads of `jobs`: least privilege, a user sees the jobs they started; superusers all."""

from django.db.models import QuerySet

from .models import Job


def jobs_visible_to(user) -> QuerySet[Job]:
    jobs = Job.objects.select_related("started_by")
    if user.is_superuser:
        return jobs
    return jobs.filter(started_by=user) if user.is_authenticated else jobs.none()


def any_running(jobs) -> bool:
    return any(not job.finished for job in jobs)
