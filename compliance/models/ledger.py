"""The acknowledgement ledger: append-only and tamper-evident.

Each entry stores the hash of the entry before it and its own hash over its content and
that previous hash, so that changing, inserting or deleting any row breaks the chain from
that row on (`manage.py verify_ledger` names the first broken entry). Corrections are new
entries of kind "correction", never updates.
"""

import hashlib
import json
from datetime import UTC

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

GENESIS_HASH = "0" * 64


class LedgerIsAppendOnly(Exception):
    pass


class LedgerEntry(models.Model):
    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("Confirmation by the employee")
        CORRECTION = "correction", _("Correction by an administrator")

    seq = models.BigAutoField(primary_key=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    employee = models.ForeignKey(
        "compliance.Employee", on_delete=models.PROTECT, related_name="ledger_entries"
    )
    obligation_version = models.ForeignKey(
        "compliance.ObligationVersion", on_delete=models.PROTECT, related_name="ledger_entries"
    )
    language = models.CharField(_("language"), max_length=10)
    text_hash = models.CharField(_("hash of the text shown"), max_length=64)
    confirmed_at = models.DateTimeField(_("acknowledged at"))
    recorded_at = models.DateTimeField(_("recorded at"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    reason = models.TextField(_("reason"), blank=True)
    previous_hash = models.CharField(max_length=64)
    entry_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        indexes = [
            models.Index(fields=["employee", "obligation_version"], name="ledger_employee_version"),
            models.Index(fields=["confirmed_at"], name="ledger_confirmed_at"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.kind} {self.employee_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise LedgerIsAppendOnly("ledger entries cannot be changed; record a correction")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise LedgerIsAppendOnly("ledger entries cannot be deleted")

    def content(self) -> dict:
        return entry_content(
            seq=self.seq,
            kind=self.kind,
            employee_id=self.employee_id,
            obligation_version_id=self.obligation_version_id,
            language=self.language,
            text_hash=self.text_hash,
            confirmed_at=self.confirmed_at,
            recorded_at=self.recorded_at,
            recorded_by_id=self.recorded_by_id,
            reason=self.reason,
            previous_hash=self.previous_hash,
        )

    def compute_hash(self) -> str:
        return hash_content(self.content())


HASHED_FIELDS = (
    "seq",
    "kind",
    "employee_id",
    "obligation_version_id",
    "language",
    "text_hash",
    "confirmed_at",
    "recorded_at",
    "recorded_by_id",
    "reason",
    "previous_hash",
)


def entry_content(**values) -> dict:
    """What an entry's hash covers. Identifiers, not names, so that personal data can be
    replaced after the retention period without breaking the chain; times in UTC, so that
    they read back from any database exactly as they were hashed."""
    content = dict(values)
    for key in ("confirmed_at", "recorded_at"):
        content[key] = values[key].astimezone(UTC).isoformat()
    return content


def hash_content(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class LedgerHead(models.Model):
    """The single row that appends lock, so that entries chain one after another."""

    last_seq = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)

    def __str__(self) -> str:
        return f"ledger head #{self.last_seq}"


class LedgerCheck(models.Model):
    """The result of one verification run, so that reports can cite the last full check
    and verify only what was appended since."""

    checked_at = models.DateTimeField(_("checked at"), auto_now_add=True)
    full = models.BooleanField(_("whole chain"))
    entries = models.PositiveBigIntegerField(_("entries"))
    last_seq = models.BigIntegerField()
    last_hash = models.CharField(max_length=64)
    ok = models.BooleanField(_("intact"))
    first_broken = models.BigIntegerField(null=True, blank=True)
    problem = models.TextField(blank=True)

    class Meta:
        verbose_name = _("ledger check")
        verbose_name_plural = _("ledger checks")
        get_latest_by = "checked_at"

    def __str__(self) -> str:
        return f"{self.checked_at:%Y-%m-%d %H:%M} {'ok' if self.ok else 'broken'}"
