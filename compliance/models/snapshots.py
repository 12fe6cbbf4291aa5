"""Monthly snapshots of the compliance trend, kept with the ledger.

When a month closes, the trend's counts at its last day are written once per Ressort and
obligation (`compliance.reports.snapshots`), so that the trend page adds up a few hundred
rows instead of aggregating every status row and ledger entry for twelve month ends. A
month's snapshot is final: it is never recomputed or rewritten (the model refuses updates),
so a closed month shows the figures as they stood when it was taken.

Each month records the ledger's head at that moment (`ledger_seq`, `ledger_hash`) and an HMAC
under the ledger key over its rows and that head (`mac`). A full `verify_ledger` checks both:
an entry at or before the head that was rewritten, or a changed count, is found, and whoever
lacks the key cannot write a matching snapshot.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SnapshotIsFinal(Exception):
    pass


class TrendSnapshot(models.Model):
    """One closed month: the ledger head when it was taken and the MAC over its counts."""

    month_end = models.DateField(_("month end"), unique=True)
    taken_at = models.DateTimeField(_("taken at"))
    ledger_seq = models.BigIntegerField()
    ledger_hash = models.CharField(max_length=64)
    # The obligations counted (ids); a selection with another one is computed live.
    obligations = models.JSONField(default=list)
    key_id = models.CharField(max_length=16)
    mac = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("trend snapshot")
        verbose_name_plural = _("trend snapshots")
        ordering = ["month_end"]

    def __str__(self) -> str:
        return f"{self.month_end:%Y-%m} @ #{self.ledger_seq}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise SnapshotIsFinal("a closed month's snapshot is never rewritten")
        super().save(*args, **kwargs)


class TrendCount(models.Model):
    """At a month end, for one Ressort and obligation: the acknowledgements required and of
    those the ones current (the trend's definition, compliance.reports.trend)."""

    snapshot = models.ForeignKey(TrendSnapshot, on_delete=models.PROTECT, related_name="counts")
    ressort = models.ForeignKey("compliance.Ressort", on_delete=models.PROTECT, related_name="+")
    obligation = models.ForeignKey(
        "compliance.Obligation", on_delete=models.PROTECT, related_name="+"
    )
    required = models.PositiveIntegerField()
    current = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("trend count")
        verbose_name_plural = _("trend counts")
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "ressort", "obligation"], name="trend_count_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.snapshot_id} {self.ressort_id}/{self.obligation_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise SnapshotIsFinal("a closed month's snapshot is never rewritten")
        super().save(*args, **kwargs)
