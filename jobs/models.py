from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .storage import private_storage


class Job(models.Model):
    """One attempt at a background job: who started it, how far it got, what came of it.

    A retry is a new Job (`retry_of` the failed one), so every attempt keeps its own errors."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=64)
    function = models.CharField(_("function"), max_length=200)
    arguments = models.JSONField(_("arguments"), default=dict, blank=True)
    # The language of whoever started it: the job's summary and errors are written in it.
    language = models.CharField(_("language"), max_length=8, blank=True)
    input_file = models.FileField(
        _("input file"), storage=private_storage, upload_to="jobs/input/", blank=True
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    retry_of = models.ForeignKey(
        "self",
        verbose_name=_("retry of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="retries",
    )
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.QUEUED, db_index=True
    )
    stage = models.CharField(_("stage"), max_length=120, blank=True)
    done = models.PositiveBigIntegerField(_("done"), default=0)
    total = models.PositiveBigIntegerField(_("total"), null=True, blank=True)
    summary = models.TextField(_("result"), blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    result_file = models.FileField(
        _("result file"), storage=private_storage, upload_to="jobs/results/", blank=True
    )
    task_result_id = models.CharField(_("task result id"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # A running job's sign of life (its progress writes and, on PostgreSQL, a heartbeat
    # thread); a job silent for SENSI_JOBS_STALE_MINUTES is taken for dead (`recover_stale`).
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    # When the result file was deleted after SENSI_JOBS_RESULT_RETENTION_DAYS.
    result_expired_at = models.DateTimeField(_("result deleted"), null=True, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.label} #{self.pk}"

    @property
    def label(self) -> str:
        from .registry import label

        return label(self.kind)

    @property
    def finished(self) -> bool:
        return self.state in (self.State.SUCCEEDED, self.State.FAILED)

    @property
    def percent(self) -> int | None:
        if not self.total:
            return 100 if self.state == self.State.SUCCEEDED else None
        return min(100, self.done * 100 // self.total)
