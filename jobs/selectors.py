"""Reads of `jobs`: least privilege. A user sees the jobs they started; a superuser all, except
the kinds that name their own viewers (`registry.Kind.may_view`: a report for those with the
same report scope, a data export for its employee only)."""

from django.db.models import Q, QuerySet

from . import registry
from .models import Job


def jobs_visible_to(user) -> QuerySet[Job]:
    """The jobs listed to `user` (those they may open, see `may_view`, without the jobs that
    others with the same report scope started: the list is of one's own work)."""
    jobs = Job.objects.select_related("started_by")
    if not user.is_authenticated:
        return jobs.none()
    if user.is_superuser:
        own_viewers = [kind.key for kind in registry.kinds_with_own_viewers()]
        return jobs.filter(~Q(kind__in=own_viewers) | Q(started_by=user))
    return jobs.filter(started_by=user)


def may_view(user, job: Job) -> bool:
    """Whether `user` may open `job` and fetch its result."""
    if not user.is_authenticated or not user.is_active:
        return False
    if job.started_by_id == user.pk:
        return True
    kind = registry.get(job.kind)
    if kind is not None and kind.may_view is not None:
        return bool(kind.may_view(user, job))
    return user.is_superuser


def any_running(jobs) -> bool:
    return any(not job.finished for job in jobs)
