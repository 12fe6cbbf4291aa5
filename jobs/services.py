"""Starting, running and retrying jobs (the writes of `jobs`)."""

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from . import app_settings, registry
from .models import Job
from .progress import Heartbeat, JobProgress

logger = logging.getLogger(__name__)

MAX_STORED_ERRORS = 200


@dataclass
class Outcome:
    """What a job function returns: whether it did its work (`ok`; when not, it changed
    nothing), a summary for the admin, errors to list, and optionally a file to download."""

    ok: bool = True
    summary: str = ""
    errors: list[str] = field(default_factory=list)
    file_name: str = ""
    file_content: bytes | None = None


class JobNotPermitted(Exception):
    pass


def start(
    kind: str,
    fn_path: str,
    *,
    user=None,
    input_name: str = "",
    input_content: bytes | File | None = None,
    reuse_unfinished: bool = False,
    **kwargs,
) -> Job:
    """Queue `fn_path(progress=..., **kwargs)` as a job of `kind` (registered in
    `jobs.registry`) started by `user` (None: the system, e.g. a command). `kwargs` must be
    JSON-serialisable; a file the job works on (an upload) goes in as `input_content` and
    reaches the function as `input_file`, kept in the private storage.

    `reuse_unfinished`: when `user` already has the same job (kind, function, arguments)
    queued or running, that one is returned instead of a second (a download link clicked
    twice, a reloaded page)."""
    if user is not None and not registry.may_start(kind, user):
        raise JobNotPermitted(kind)
    if reuse_unfinished and user is not None:
        unfinished = Job.objects.filter(
            kind=kind,
            function=fn_path,
            started_by=user,
            state__in=[Job.State.QUEUED, Job.State.RUNNING],
        ).order_by("-pk")
        for candidate in unfinished[:20]:
            if candidate.arguments == kwargs:
                return candidate
    job = Job(
        kind=kind,
        function=fn_path,
        arguments=kwargs,
        started_by=user,
        language=translation.get_language() or "",
    )
    if input_content is not None:
        content = input_content if isinstance(input_content, File) else ContentFile(input_content)
        job.input_file.save(input_name or "input", content, save=False)
    job.save()
    _enqueue(job)
    return job


def retry(job: Job, *, user) -> Job:
    """A new attempt at a failed job, with the same function, arguments and input. A job
    made for one user (its arguments name a `user_id`: a report in their scope, their data
    export) is retried by that user only."""
    if job.state != Job.State.FAILED or not registry.may_start(job.kind, user):
        raise JobNotPermitted(job.kind)
    if "user_id" in job.arguments and job.arguments["user_id"] != user.pk:
        raise JobNotPermitted(job.kind)
    attempt = Job.objects.create(
        kind=job.kind,
        function=job.function,
        arguments=job.arguments,
        input_file=job.input_file.name,
        started_by=user,
        retry_of=job,
        language=translation.get_language() or job.language,
    )
    _enqueue(attempt)
    return attempt


def _enqueue(job: Job) -> None:
    from .tasks import run_job

    # With the database backend the task row is written in the caller's transaction: the job
    # and its task exist together or not at all.
    result = run_job.enqueue(job.pk)
    Job.objects.filter(pk=job.pk).update(task_result_id=str(result.id))
    job.task_result_id = str(result.id)


def report_progress(job: Job, done: int, total: int | None = None, stage: str = "") -> None:
    """Report a job's progress from outside its function (its function gets a reporter)."""
    JobProgress(job.pk)(done, total, stage)


def run(job_id: int) -> None:
    """Run a queued job (the worker calls this through `jobs.tasks.run_job`). A job that is
    not queued any more (run by another worker, or twice enqueued) is left alone."""
    # A worker that starts work also clears up after one that died (see `recover_stale`).
    recover_stale()
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, state=Job.State.QUEUED).update(
        state=Job.State.RUNNING, started_at=now, heartbeat_at=now
    )
    if not claimed:
        return
    job = Job.objects.get(pk=job_id)
    reporter = JobProgress(job.pk)
    with translation.override(job.language or None), Heartbeat(job.pk):
        try:
            function = import_string(job.function)
            arguments = dict(job.arguments)
            if job.input_file:
                arguments["input_file"] = job.input_file
            outcome = function(progress=reporter, **arguments)
        except Exception as error:
            logger.exception("Job %s (%s) failed", job.pk, job.kind)
            _finish(
                job,
                reporter,
                Outcome(
                    ok=False,
                    summary=_("The job stopped with an unexpected error. Nothing was changed."),
                    errors=[f"{type(error).__name__}: {error}"],
                ),
            )
            raise
        finally:
            reporter.close()
        _finish(job, reporter, outcome)


def _finish(job: Job, reporter: JobProgress, outcome: Outcome) -> None:
    errors = [str(error) for error in outcome.errors]
    if len(errors) > MAX_STORED_ERRORS:
        more = len(errors) - MAX_STORED_ERRORS
        errors = [*errors[:MAX_STORED_ERRORS], _("… and %(count)s more.") % {"count": more}]
    with transaction.atomic():
        still_running = (
            Job.objects.select_for_update()
            .filter(pk=job.pk, state=Job.State.RUNNING)
            .values_list("pk", flat=True)
        )
        if not still_running:
            # Taken for dead meanwhile (`recover_stale`) and perhaps retried: this attempt's
            # outcome is not recorded, so the job keeps one result.
            logger.warning("Job %s finished after it was marked failed; outcome dropped", job.pk)
            return
        if reporter.latest is not None:
            job.done, job.total, job.stage = reporter.latest
        job.state = Job.State.SUCCEEDED if outcome.ok else Job.State.FAILED
        job.summary = outcome.summary
        job.errors = errors
        job.finished_at = timezone.now()
        if outcome.ok and job.total:
            job.done = job.total
        if outcome.file_content is not None:
            job.result_file.save(
                outcome.file_name or "result", ContentFile(outcome.file_content), save=False
            )
        if outcome.ok and job.input_file:
            # The upload is needed only for a retry; a finished job keeps no copy of it.
            _delete_input(job)
        job.save()


def _delete_input(job: Job) -> None:
    """After a success the earlier failed attempts need the upload no more either."""
    name, storage = job.input_file.name, job.input_file.storage
    job.input_file = ""
    Job.objects.filter(input_file=name).update(input_file="")
    transaction.on_commit(lambda: storage.delete(name))


def recover_stale(*, now=None) -> list[int]:
    """Mark running jobs without a sign of life for SENSI_JOBS_STALE_MINUTES failed (their
    worker died: killed, host crash). Their work ran in a transaction that died with the
    worker, or is idempotent, so nothing of it was kept; they can be retried. Returns the ids."""
    now = now or timezone.now()
    cutoff = now - timedelta(minutes=app_settings.SENSI_JOBS_STALE_MINUTES)
    stale = Job.objects.filter(state=Job.State.RUNNING, heartbeat_at__lt=cutoff)
    recovered = []
    for job in stale.only("pk", "language", "heartbeat_at"):
        with translation.override(job.language or None):
            summary = _(
                "The worker running this job stopped (no sign of life for %(minutes)s "
                "minutes). Nothing of this attempt was kept; you can try again."
            ) % {"minutes": app_settings.SENSI_JOBS_STALE_MINUTES}
            error = _("Last sign of life: %(time)s") % {"time": job.heartbeat_at.isoformat()}
        updated = Job.objects.filter(
            pk=job.pk, state=Job.State.RUNNING, heartbeat_at=job.heartbeat_at
        ).update(state=Job.State.FAILED, finished_at=now, summary=summary, errors=[error])
        if updated:
            logger.error("Job %s marked failed: its worker stopped", job.pk)
            recovered.append(job.pk)
    return recovered


def expire_results(*, now=None) -> int:
    """Delete result files older than SENSI_JOBS_RESULT_RETENTION_DAYS (the job stays, and
    says so). Returns how many were deleted."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=app_settings.SENSI_JOBS_RESULT_RETENTION_DAYS)
    expired = Job.objects.filter(finished_at__lt=cutoff).exclude(result_file="")
    count = 0
    for job in expired.only("pk", "result_file"):
        name = job.result_file.name
        with transaction.atomic():
            count += Job.objects.filter(pk=job.pk, result_file=name).update(
                result_file="", result_expired_at=now
            )
            storage = job.result_file.storage
            transaction.on_commit(lambda name=name, storage=storage: storage.delete(name))
    return count
