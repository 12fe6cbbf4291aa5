"""Checking the acknowledgement ledger's hash chain (`manage.py verify_ledger`).

A full check walks every entry (nightly, by cron); reports run a quick check of what was
appended since the last intact check and cite when the whole chain was last verified. A
failed check stands: quick checks keep failing until a full check passes again.

Both also compare the chain with the newest checkpoint outside the database
(`compliance.ledger.anchor`), so that deleting the newest entries and moving the head back
is noticed.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from content.languages import current_language

from ..dates import local_datetime
from ..models import LedgerCheck, LedgerEntry, LedgerHead
from ..models.ledger import GENESIS_HASH, KEYED_FORMAT, VERIFIED_FIELDS, content_problem
from .anchor import anchor_problem

CHUNK = 20_000


@dataclass(frozen=True)
class Verification:
    entries: int
    first_broken: int | None = None
    problem: str = ""
    full_check_at: datetime | None = None  # when the whole chain was last found intact
    checked_from: int = 1  # the first entry this run verified
    last_hash: str = ""  # the hash of the last entry verified
    # Never verified in full yet: a full check runs in the background (`current_verification`).
    pending: bool = False

    @property
    def ok(self) -> bool:
        return self.first_broken is None

    def summary(self) -> str:
        if self.pending:
            return _(
                "Not yet verified in full: a full check of the %(entries)s entries runs in "
                "the background; later reports cite its result."
            ) % {"entries": self.entries}
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
                "when": local_datetime(self.full_check_at, current_language()),
                "start": self.checked_from,
            }
        return _("Ledger intact: %(entries)s entries, every hash verified.") % {
            "entries": self.entries
        }


PROBLEMS = {
    "personal": lambda: _("its personal fields do not match their digest"),
    "content": lambda: _("its content does not match its hash"),
    "key": lambda: _("it is signed with a key that is not configured"),
}


def _no_progress(done: int, total: int | None = None, stage: str = "") -> None:
    pass


def _walk(
    after_seq: int, previous_hash: str, keyed: bool, progress=_no_progress
) -> tuple[int, str, Verification | None]:
    """Verify entries after `after_seq`, streamed; `keyed`: the chain before them already
    holds a keyed entry, so every entry must be keyed. Returns the last seq and hash, and a
    failed Verification at the first broken entry."""
    expected_seq = after_seq + 1
    head = LedgerHead.objects.filter(pk=1).values_list("last_seq", flat=True).first()
    stage = _("Verifying entries")
    progress(0, head or None, stage)
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
        elif keyed and values["hash_format"] != KEYED_FORMAT:
            problem = _("it is not keyed although an entry before it is")
        elif kind := content_problem(values, entry_hash):
            problem = PROBLEMS[kind]()
        if problem:
            return expected_seq - 1, previous_hash, Verification(seq - 1, seq, problem)
        keyed = keyed or values["hash_format"] == KEYED_FORMAT
        previous_hash, expected_seq = entry_hash, seq + 1
        if seq % 1000 == 0:
            progress(seq, max(head or 0, seq), stage)
    if expected_seq > 1 and not keyed:
        # Since migration 0008 every chain holds a keyed entry; one without any was rewritten
        # in plain SHA-256 from its start.
        return (
            expected_seq - 1,
            previous_hash,
            Verification(expected_seq - 1, 1, _("the chain holds no keyed entry")),
        )
    return expected_seq - 1, previous_hash, None


def _hash_at(seq: int) -> str | None:
    return LedgerEntry.objects.filter(seq=seq).values_list("entry_hash", flat=True).first()


def _standing_failure() -> LedgerCheck | None:
    """The newest failed check, unless a full check passed after it."""
    failed = LedgerCheck.objects.filter(ok=False).order_by("-pk").first()
    if failed is None:
        return None
    passed = LedgerCheck.objects.filter(full=True, ok=True, pk__gt=failed.pk).exists()
    return None if passed else failed


def verify_ledger(*, full: bool = True, progress=_no_progress) -> Verification:
    """Verify the chain (all of it, or what was appended since the last intact check),
    record the result, and name the first entry that was changed, inserted out of order, or
    that follows a deleted one. `progress(done, total, stage)` hears how far it got (the
    admin's job page, the command's progress bar)."""
    last_full = LedgerCheck.objects.filter(full=True, ok=True).order_by("-pk").first()
    if not full and (standing := _standing_failure()):
        # A quick check never clears a failure: only a full check that passes does.
        LedgerCheck.objects.create(
            full=False,
            entries=standing.entries,
            last_seq=standing.last_seq,
            last_hash=standing.last_hash,
            ok=False,
            first_broken=standing.first_broken,
            problem=standing.problem,
        )
        return Verification(standing.entries, standing.first_broken, standing.problem)
    start = None if full else LedgerCheck.objects.filter(ok=True).order_by("-pk").first()
    after_seq, previous_hash = (start.last_seq, start.last_hash) if start else (0, GENESIS_HASH)
    keyed = bool(
        after_seq and LedgerEntry.objects.filter(seq=after_seq, hash_format=KEYED_FORMAT).exists()
    )
    last_seq, last_hash, failure = _walk(after_seq, previous_hash, keyed, progress)
    if failure is None:
        head = LedgerHead.objects.filter(pk=1).first()
        if head and (head.last_seq != last_seq or head.last_hash != last_hash):
            failure = Verification(
                last_seq, last_seq + 1, _("entries after #%(seq)s are missing") % {"seq": last_seq}
            )
    if failure is None and (problem := anchor_problem(last_seq, _hash_at)):
        failure = Verification(last_seq, last_seq + 1, problem)
    result = failure or Verification(
        last_seq,
        full_check_at=None if full else (last_full.checked_at if last_full else None),
        checked_from=after_seq + 1,
        last_hash=last_hash,
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
    the quick check of everything appended since the last intact check.

    Never a full check in the request: before the first one (after an install) it is queued
    as a background job and the report says that the ledger is not yet verified in full."""
    latest_full = LedgerCheck.objects.filter(full=True).order_by("-pk").first()
    if latest_full is None:
        from ..jobs import queue_full_ledger_check

        queue_full_ledger_check()
        # Where tasks run at once (SENSI_TASKS_IMMEDIATE), the check has run by now.
        latest_full = LedgerCheck.objects.filter(full=True).order_by("-pk").first()
        if latest_full is None:
            head = LedgerHead.objects.filter(pk=1).values_list("last_seq", flat=True).first()
            return Verification(head or 0, pending=True)
    if not latest_full.ok:
        return Verification(latest_full.entries, latest_full.first_broken, latest_full.problem)
    return verify_ledger(full=False)
