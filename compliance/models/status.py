from django.db import models
from django.utils.translation import gettext_lazy as _

from .ledger import LedgerEntry


class ObligationStatus(models.Model):
    """Where one employee stands with one obligation, kept in step with the ledger.

    Maintained in the same transaction as every ledger entry, new obligation version and
    import, so that reports aggregate one row per employee and obligation in SQL:

    - `current_until`: the day until which the latest acknowledgement counts (empty: none
      counts); a new version shortens it to that version's due date.
    - `due_on`: the day by which the next acknowledgement is needed.
    """

    employee = models.ForeignKey(
        "compliance.Employee", on_delete=models.CASCADE, related_name="obligation_statuses"
    )
    obligation = models.ForeignKey(
        "compliance.Obligation", on_delete=models.CASCADE, related_name="statuses"
    )
    acknowledged_version = models.PositiveIntegerField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("last acknowledged"), null=True, blank=True)
    # The kind of the ledger entry behind `acknowledged_version`: confirmed by the employee,
    # corrected by an administrator, or satisfied by attending a session.
    acknowledged_via = models.CharField(
        _("satisfied by"), max_length=20, blank=True, choices=LedgerEntry.Kind.choices
    )
    current_until = models.DateField(null=True, blank=True)
    due_on = models.DateField()

    class Meta:
        verbose_name = _("obligation status")
        verbose_name_plural = _("obligation statuses")
        constraints = [
            models.UniqueConstraint(fields=["employee", "obligation"], name="unique_status")
        ]
        indexes = [
            models.Index(fields=["obligation", "due_on"], name="status_obligation_due"),
            models.Index(fields=["obligation", "current_until"], name="status_obligation_current"),
        ]

    def __str__(self) -> str:
        return f"{self.employee_id} – {self.obligation_id}"
