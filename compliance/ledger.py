"""Checking the acknowledgement ledger's hash chain (`manage.py verify_ledger`).

A full check walks every entry (nightly, by cron); reports run a quick check of what was
appended since the last intact check and cite when the whole chain was last verified.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .dates import local_datetime
from .models import LedgerCheck, LedgerEntry, LedgerHead
from .models.ledger import GENESIS_HASH, VERIFIED_FIELDS, content_problem

CHUNK = 20_000


@dataclass(frozen=True)
class Verification:
    entries: int
    first_broken: int | None = None
    problem: str = ""
    full_check_at: datetime | None = None  # when the whole chain was last found intact
    checked_from: int = 1  # the first entry this run verified

    @property
    def ok(self) -> bool:
        return self.first_broken is None

    def summary(self) -> str:
        if not self.ok:
            return _("Ledger broken at entry #%(seq)s: %(problem)s") % {
                "seq": self.first_broken,
                "problem": self.problem,
            }
        if self.checked_from > 1 and self.full_check_at:
            return _(
                "Ledger intact: %(entries)s entries; all verified in full on %(when)s, "
                "entries from #%(start)s verified now."
            ) % {
                "entries": self.entries,
                "when": local_datetime(self.full_check_at, get_language() or "de"),
                "start": self.checked_from,
            }
        return _("Ledger intact: %(entries)s entries, every hash verified.") % {
            "entries": self.entries
        }


def _walk(after_seq: int, previous_hash: str) -> tuple[int, str, Verification | None]:
    """Verify entries after `after_seq`, streamed. Returns the last seq and hash, and a
    failed Verification at the first broken entry."""
    expected_seq = after_seq + 1
    rows = (
        LedgerEntry.objects.filter(seq__gt=after_seq)
        .order_by("seq")
        .values_list(*VERIFIED_FIELDS, "entry_hash")
    )
    for row in rows.iterator(chunk_size=CHUNK):
        values = dict(zip(VERIFIED_FIELDS, row[:-1], strict=True))
        seq, entry_hash = values["seq"], row[-1]
        problem = None
        if seq != expected_seq:
            problem = _("entry #%(seq)s before it is missing") % {"seq": expected_seq}
        elif values["previous_hash"] != previous_hash:
            problem = _("it does not chain to the entry before it")
        elif kind := content_problem(values, entry_hash):
            problem = (
                _("its personal fields do not match their digest")
                if kind == "personal"
                else _("its content does not match its hash")
            )
        if problem:
            return expected_seq - 1, previous_hash, Verification(seq - 1, seq, problem)
        previous_hash, expected_seq = entry_hash, seq + 1
    return expected_seq - 1, previous_hash, None


def verify_ledger(*, full: bool = True) -> Verification:
    """Verify the chain (all of it, or what was appended since the last intact check),
    record the result, and name the first entry that was changed, inserted out of order, or
    that follows a deleted one."""
    last_full = LedgerCheck.objects.filter(full=True, ok=True).order_by("-checked_at").first()
    start = None if full else LedgerCheck.objects.filter(ok=True).order_by("-checked_at").first()
    after_seq, previous_hash = (start.last_seq, start.last_hash) if start else (0, GENESIS_HASH)
    last_seq, last_hash, failure = _walk(after_seq, previous_hash)
    if failure is None:
        head = LedgerHead.objects.filter(pk=1).first()
        if head and (head.last_seq != last_seq or head.last_hash != last_hash):
            failure = Verification(
                last_seq, last_seq + 1, _("entries after #%(seq)s are missing") % {"seq": last_seq}
            )
    result = failure or Verification(
        last_seq,
        full_check_at=None if full else (last_full.checked_at if last_full else None),
        checked_from=after_seq + 1,
    )
    LedgerCheck.objects.create(
        full=full,
        entries=result.entries,
        last_seq=last_seq,
        last_hash=last_hash,
        ok=result.ok,
        first_broken=result.first_broken,
        problem=result.problem,
    )
    return result


def current_verification() -> Verification:
    """For reports: a failed full check stands until a full check passes again; otherwise
    the quick check of everything appended since the last intact check."""
    latest_full = LedgerCheck.objects.filter(full=True).order_by("-checked_at").first()
    if latest_full and not latest_full.ok:
        return Verification(latest_full.entries, latest_full.first_broken, latest_full.problem)
    return verify_ledger(full=latest_full is None)
