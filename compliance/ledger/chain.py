"""The only writer of the acknowledgement ledger: append, append many, anonymise.

Every write holds the lock on the single `LedgerHead` row until its transaction ends, so that
concurrent writers queue up instead of forking the chain, and moves the head to the last
entry written. Verification is in `compliance.ledger.verify`; the hash formats are explained
in `compliance.models.ledger`.
"""

from collections.abc import Iterable, Mapping
from datetime import datetime

from django.db import reset_queries, transaction
from django.utils import timezone

from ..models import LedgerEntry, LedgerHead
from ..models.ledger import GENESIS_HASH, seal_values

BATCH = 5000

# The columns of an entry that a bulk writer gives (`append_many`); the chain adds `seq`,
# `previous_hash`, the format, key, salt, digest and hash.
ENTRY_FIELDS = (
    "kind",
    "employee_id",
    "obligation_version_id",
    "language",
    "text_hash",
    "confirmed_at",
    "recorded_at",
    "recorded_by_id",
    "reason",
)


def _locked_head() -> LedgerHead:
    head, _created = LedgerHead.objects.select_for_update().get_or_create(pk=1)
    return head


@transaction.atomic
def append(**fields) -> LedgerEntry:
    """Chain one new entry, recorded now; `fields` are the model's (kind, employee,
    obligation_version, language, text_hash, confirmed_at, and recorded_by and reason for a
    correction)."""
    head = _locked_head()
    entry = LedgerEntry(
        seq=head.last_seq + 1,
        previous_hash=head.last_hash or GENESIS_HASH,
        recorded_at=timezone.now(),
        **fields,
    )
    entry.seal()
    entry.save(force_insert=True)
    head.last_seq, head.last_hash = entry.seq, entry.entry_hash
    head.save(update_fields=["last_seq", "last_hash"])
    return entry


@transaction.atomic
def append_many(rows: Iterable[Mapping], *, batch_size: int = BATCH) -> int:
    """Chain many entries in the order given, bulk-inserted in batches (the generator of
    large demo organisations: over a million entries). Each row holds the `ENTRY_FIELDS`
    (ids, not objects; `recorded_at` as the row says). Returns how many were written."""
    head = _locked_head()
    seq, previous = head.last_seq, head.last_hash or GENESIS_HASH
    written = 0
    batch = []
    for row in rows:
        seq += 1
        sealed = seal_values(
            {**{field: row[field] for field in ENTRY_FIELDS}, "seq": seq, "previous_hash": previous}
        )
        previous = sealed["entry_hash"]
        batch.append(LedgerEntry(**sealed))
        if len(batch) >= batch_size:
            written += len(LedgerEntry.objects.bulk_create(batch))
            batch = []
            reset_queries()  # with DEBUG on, Django would keep every bulk INSERT's SQL
    written += len(LedgerEntry.objects.bulk_create(batch))
    LedgerHead.objects.filter(pk=head.pk).update(last_seq=seq, last_hash=previous)
    return written


@transaction.atomic
def anonymise(keys: Iterable[int], *, at: datetime | None = None) -> int:
    """Remove the personal fields of the entries `keys` (after the retention period): the
    only update the database's triggers allow (`compliance.ledger.triggers`). The salt goes
    with them; the stored digest stays, so the entries and the chain still verify. Entries
    of format 1 hash their personal fields directly and are left as they are. Returns how
    many were anonymised."""
    return (
        LedgerEntry.objects.filter(pk__in=list(keys), anonymised_at__isnull=True)
        .exclude(hash_format=1)
        .update(
            employee=None,
            recorded_by=None,
            reason="",
            personal_salt="",
            anonymised_at=at or timezone.now(),
        )
    )
