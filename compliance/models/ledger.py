"""The acknowledgement ledger: append-only and tamper-evident.

Each entry stores the hash of the entry before it and its own hash over its content and
that previous hash, so that changing, inserting or deleting any row breaks the chain from
that row on (`manage.py verify_ledger` names the first broken entry). Corrections are new
entries of kind "correction", never updates. An obligation satisfied by attending a session of
its module (seminars) is an entry of kind "attendance": `kind` is hashed in every format, so
the way an obligation was satisfied is as tamper-evident as the entry itself, and no format
changes.

Personal fields and the hash (format 2)
---------------------------------------
An entry's personal fields (`employee`, `recorded_by`, `reason`) must be removed once the
acknowledgement retention period (`SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS`) has passed, while
the chain must go on verifying. So the hash does not cover them directly: it covers
`personal_digest`, a SHA-256 over those fields and a random per-entry `personal_salt`.

- While an entry is personal, verification recomputes the digest from the fields and the
  salt: changing a personal field is detected like any other change.
- Anonymisation (`compliance.ledger.chain.anonymise`, run by `privacy.retention`) sets the
  personal fields to empty, drops the salt and sets `anonymised_at`; the stored digest
  stays, so the entry hash and the chain still verify. Without the salt the digest cannot
  be tested against guessed employee ids.
- The only UPDATE the database triggers allow is exactly that one
  (`compliance.ledger.triggers`).

Entries written before this design (format 1) hash the personal fields themselves; they
keep verifying as before, unchanged, but cannot be anonymised without breaking the chain
(`purge_expired` counts and reports them).

A keyed chain (format 3)
------------------------
A plain SHA-256 chain can be recomputed by anyone who can write the table. Format 3 covers
the same content as format 2 plus `key_id` with an HMAC-SHA256 under a secret key from the
environment (`compliance.ledger.keys`), so a database administrator without the key cannot
rewrite an entry and recompute the chain through the head. Once the chain holds a format-3
entry, every later entry must be format 3 too (a rewritten tail cannot fall back to plain
SHA-256). Migration 0008 ends an existing unkeyed chain with a keyed "boundary" entry: its
HMAC covers the hash of the last unkeyed entry and with it, through the chain, every entry
before it.
"""

import hashlib
import hmac
import json
import secrets
from datetime import UTC

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..ledger import keys as ledger_keys

GENESIS_HASH = "0" * 64
CURRENT_FORMAT = 3
KEYED_FORMAT = 3


class LedgerIsAppendOnly(Exception):
    pass


class LedgerEntry(models.Model):
    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("Confirmation by the employee")
        CORRECTION = "correction", _("Correction by an administrator")
        BOUNDARY = "boundary", _("Start of the keyed chain")
        ATTENDANCE = "attendance", _("Attendance at a session, recorded by its trainer")

    seq = models.BigAutoField(primary_key=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    employee = models.ForeignKey(
        "compliance.Employee",
        null=True,
        on_delete=models.PROTECT,
        related_name="ledger_entries",
        help_text=_("Empty once the entry was anonymised after the retention period."),
    )
    obligation_version = models.ForeignKey(
        "compliance.ObligationVersion",
        null=True,
        on_delete=models.PROTECT,
        related_name="ledger_entries",
        help_text=_("Empty only for the entry where the keyed chain starts."),
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
    hash_format = models.PositiveSmallIntegerField(default=CURRENT_FORMAT)
    personal_digest = models.CharField(max_length=64, blank=True)
    personal_salt = models.CharField(max_length=32, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    key_id = models.CharField(_("key"), max_length=16, blank=True)

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

    def values(self) -> dict:
        return {field: getattr(self, field) for field in VERIFIED_FIELDS}

    def compute_personal_digest(self) -> str:
        return personal_digest(self.values())

    def compute_hash(self) -> str:
        """The hash over the entry as it is now (format 2: with the digest as stored)."""
        return compute_entry_hash(self.values())

    def seal(self) -> None:
        """Before the insert: salt and digest of the personal fields, then the entry's HMAC
        with the current signing key."""
        self.hash_format = CURRENT_FORMAT
        self.key_id = ledger_keys.signing_key()[0]
        self.personal_salt = secrets.token_hex(16)
        self.personal_digest = self.compute_personal_digest()
        self.entry_hash = self.compute_hash()


# Format 1: the personal fields in the hash itself (entries written before format 2).
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
PERSONAL_FIELDS = ("employee_id", "recorded_by_id", "reason")
# Format 2: the personal fields only through their salted digest.
HASHED_FIELDS_V2 = (
    *(field for field in HASHED_FIELDS if field not in PERSONAL_FIELDS),
    "hash_format",
    "personal_digest",
)
# Format 3: as format 2, and the id of the key whose HMAC the entry hash is.
HASHED_FIELDS_V3 = (*HASHED_FIELDS_V2, "key_id")
# Everything verification reads of a row (besides `entry_hash`).
VERIFIED_FIELDS = (
    *HASHED_FIELDS,
    "hash_format",
    "personal_digest",
    "personal_salt",
    "anonymised_at",
    "key_id",
)


def entry_content(**values) -> dict:
    """What an entry's hash covers. Identifiers, not names; times in UTC, so that they read
    back from any database exactly as they were hashed."""
    content = dict(values)
    for key in ("confirmed_at", "recorded_at"):
        content[key] = values[key].astimezone(UTC).isoformat()
    return content


def canonical(content: dict) -> bytes:
    return json.dumps(content, sort_keys=True, separators=(",", ":")).encode("utf-8")


def hash_content(content: dict) -> str:
    return hashlib.sha256(canonical(content)).hexdigest()


def personal_digest(values: dict) -> str:
    """SHA-256 over the personal fields and the entry's salt (format 2)."""
    personal = {field: values[field] for field in PERSONAL_FIELDS}
    return hash_content({**personal, "salt": values["personal_salt"]})


def compute_entry_hash(values: dict) -> str:
    """The entry hash: SHA-256 (formats 1 and 2) or the HMAC under the entry's key (format
    3; raises ledger_keys.UnknownLedgerKey when that key is not configured)."""
    if values["hash_format"] == KEYED_FORMAT:
        content = entry_content(**{field: values[field] for field in HASHED_FIELDS_V3})
        return ledger_keys.mac(ledger_keys.key(values["key_id"]), canonical(content))
    fields = HASHED_FIELDS if values["hash_format"] == 1 else HASHED_FIELDS_V2
    return hash_content(entry_content(**{field: values[field] for field in fields}))


def seal_values(values: dict) -> dict:
    """For bulk writers (the demo): `values` (the format-1 fields) completed with format,
    key, salt, digest and entry hash."""
    sealed = {
        **values,
        "hash_format": CURRENT_FORMAT,
        "key_id": ledger_keys.signing_key()[0],
        "personal_salt": secrets.token_hex(16),
    }
    sealed["personal_digest"] = personal_digest(sealed)
    sealed["entry_hash"] = compute_entry_hash(sealed)
    return sealed


def content_problem(values: dict, entry_hash: str) -> str | None:
    """Why a row's content does not match its hash ("personal", "content", "key"), or None
    (the chain is checked apart)."""
    if values["hash_format"] in (2, KEYED_FORMAT):
        if values["anonymised_at"] is None:
            if personal_digest(values) != values["personal_digest"]:
                return "personal"
        elif any(values[field] for field in (*PERSONAL_FIELDS, "personal_salt")):
            return "personal"
    elif values["hash_format"] != 1 or values["anonymised_at"] is not None:
        return "content"
    if values["hash_format"] != KEYED_FORMAT and values["key_id"]:
        return "content"
    try:
        expected = compute_entry_hash(values)
    except ledger_keys.UnknownLedgerKey:
        return "key"
    if not hmac.compare_digest(expected, entry_hash):
        return "content"
    return None


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


class LedgerRetention(models.Model):
    """The retention period of acknowledgements as the database's triggers read it: they
    allow anonymising only entries older than this. `migrate` (run as the owner) sets it from
    SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS; the application's database role can only read it."""

    days = models.PositiveIntegerField(_("days"))

    class Meta:
        verbose_name = _("ledger retention period")
        verbose_name_plural = _("ledger retention periods")

    def __str__(self) -> str:
        return f"{self.days} days"
