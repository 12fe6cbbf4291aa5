"""Checking the acknowledgement ledger's hash chain (`manage.py verify_ledger`)."""

from dataclasses import dataclass

from .models import LedgerEntry, LedgerHead
from .models.ledger import GENESIS_HASH, HASHED_FIELDS, entry_content, hash_content

CHUNK = 20_000


@dataclass(frozen=True)
class Verification:
    entries: int
    first_broken: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.first_broken is None

    def summary(self) -> str:
        if self.ok:
            return f"Ledger intact: {self.entries} entries, every hash verified."
        return f"Ledger broken at entry #{self.first_broken}: {self.problem}"


def verify_ledger() -> Verification:
    """Walk the whole chain in order (streamed, constant memory) and name the first entry
    that was changed, inserted out of order, or that follows a deleted one."""
    previous_hash, expected_seq = GENESIS_HASH, 1
    rows = LedgerEntry.objects.order_by("seq").values_list(*HASHED_FIELDS, "entry_hash")
    for row in rows.iterator(chunk_size=CHUNK):
        values = dict(zip(HASHED_FIELDS, row[:-1], strict=True))
        seq, entry_hash = values["seq"], row[-1]
        if seq != expected_seq:
            return Verification(seq - 1, seq, f"entry #{expected_seq} before it is missing")
        if values["previous_hash"] != previous_hash:
            return Verification(seq - 1, seq, "it does not chain to the entry before it")
        if hash_content(entry_content(**values)) != entry_hash:
            return Verification(seq - 1, seq, "its content does not match its hash")
        previous_hash, expected_seq = entry_hash, seq + 1
    count = expected_seq - 1
    head = LedgerHead.objects.filter(pk=1).first()
    if head and (head.last_seq != count or head.last_hash != previous_hash):
        return Verification(count, count + 1, f"entries after #{count} are missing")
    return Verification(count)
