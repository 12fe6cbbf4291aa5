import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessibilityFeedback(models.Model):
    """A report of an accessibility barrier, sent with the form on the accessibility
    statement (BITV 2.0 §7 (1) no. 2: a feedback mechanism)."""

    # The form's one-time id: a second submit of the same form (double click, reload after
    # a slow answer) stores and mails nothing a second time.
    submission_id = models.UUIDField(
        _("submission id"), unique=True, default=uuid.uuid4, editable=False
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    page = models.CharField(_("page concerned"), max_length=500, blank=True)
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(_("language"), max_length=10)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("accessibility feedback")
        verbose_name_plural = _("accessibility feedback")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} – {self.message[:60]}"
