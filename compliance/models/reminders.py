from django.db import models
from django.utils.translation import gettext_lazy as _

from ..standing import REMINDED, Standing


class Reminder(models.Model):
    """One reminder e-mail about one obligation, on one day (`manage.py send_reminders`).

    The row is written before the mail goes out and removed again if sending fails, so the
    unique constraint lets only one of two overlapping runs remind anyone on a given day;
    rows within the configured interval keep the next runs quiet.
    """

    Standing = Standing  # the one enum, compliance.standing

    employee = models.ForeignKey(
        "compliance.Employee",
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("employee"),
    )
    obligation = models.ForeignKey(
        "compliance.Obligation",
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("obligation"),
    )
    sent_on = models.DateField(_("sent on"))
    standing = models.CharField(
        _("status"), max_length=20, choices=[(which.value, which.label) for which in REMINDED]
    )

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            # Also the index behind "reminded within the interval?" (employee, obligation,
            # sent_on range).
            models.UniqueConstraint(
                fields=["employee", "obligation", "sent_on"], name="unique_reminder_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} – {self.obligation_id} – {self.sent_on}"
