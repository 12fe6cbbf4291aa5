"""Checking the acknowledgement ledger's hash chain (`manage.py verify_ledger`).

A full check walks every entry (nightly, by cron); reports run a quick check of what was
appended since the last intact check and cite when the whole chain was last verified. A
failed check stands: quick checks keep failing until a full check passes again.

Both also compare the chain with the newest checkpoint outside the database
(`compliance.ledger.anchor`), so that deleting the newest entries and moving the head back
is noticed.
"""

import hashlib
import hmac
import itertools
import json
import multiprocessing
import multiprocessing.util
import os
import re
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from json.encoder import encode_basestring_ascii

from django.db import connections, router, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from content.languages import current_language

from .. import app_settings
from ..dates import local_datetime
from ..models import LedgerCheck, LedgerEntry, LedgerHead
from ..models.ledger import GENESIS_HASH, KEYED_FORMAT, VERIFIED_FIELDS, content_problem
from . import keys as ledger_keys
from . import messages
from .anchor import anchor_problem, newest_checkpoint

# The columns the chain is checked by, first in every row the readers return.
CHAIN_FIELDS = ("seq", "previous_hash", "hash_format", "entry_hash")

# Entries per chunk: each chunk is verified on its own (in parallel on PostgreSQL) and the
# chunks are joined at their boundaries; rows are streamed in batches of FETCH.
CHUNK = 50_000
FETCH = 5_000


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


# --- one chunk of entries ---------------------------------------------------------------------
#
# A chunk checks each entry's content and, from its second entry on, that the entry follows
# the one before it (no gap in `seq`, the previous hash, keyed after keyed). What it cannot
# know alone, whether its first entry follows the chunk before it and whether a keyed entry
# came before it, `_join` checks at the boundaries, in order. The problem reported is the
# same, at the same entry, as one pass over the whole chain would report.

# What one pass checks at an entry, in this order; the first that fails is the problem.
MISSING, CHAIN, UNKEYED = "missing", "chain", "unkeyed"


@dataclass(frozen=True)
class _Broken:
    seq: int  # the first broken entry
    problem: str  # MISSING, CHAIN, UNKEYED or a key of PROBLEMS
    expected: int = 0  # for MISSING: the entry that is missing
    # The last intact entry before it, or None: the entry before the chunk.
    intact: tuple[int, str] | None = None


@dataclass(frozen=True)
class _Chunk:
    rows: int = 0
    first: tuple[int, str] = (0, "")  # its first entry: seq, previous hash
    last: tuple[int, str] = (0, "")  # its last entry: seq, entry hash
    keyed: bool = False  # it holds a keyed entry (up to `broken`)
    # Its first unkeyed entry (up to `broken`), broken if a keyed entry came before it.
    first_unkeyed: _Broken | None = None
    broken: _Broken | None = None


def _row_checker(keys: dict[str, bytes] | None = None):
    """`check(row) -> problem | None` for rows of VERIFIED_FIELDS and entry_hash: the same
    verdict as `content_problem`, with the keys read once and the canonical JSON of the
    common case (format 3) written directly; other formats go through `content_problem`."""
    keys = dict(ledger_keys.configured()) if keys is None else keys
    sha256, hmac_digest, compare = hashlib.sha256, hmac.digest, hmac.compare_digest

    def check(row) -> str | None:
        (
            seq, kind, employee_id, version_id, language, text_hash, confirmed_at,
            recorded_at, recorded_by_id, reason, previous_hash, hash_format,
            digest, salt, anonymised_at, key_id, entry_hash,
        ) = row  # fmt: skip
        if hash_format != KEYED_FORMAT:
            values = dict(zip(VERIFIED_FIELDS, row[:-1], strict=True))
            return content_problem(values, entry_hash)
        if anonymised_at is None:
            personal = PERSONAL_JSON % (_j(employee_id), _j(reason), _j(recorded_by_id), _j(salt))
            if sha256(personal.encode()).hexdigest() != digest:
                return "personal"
        elif employee_id or recorded_by_id or reason or salt:
            return "personal"
        secret = keys.get(key_id)
        if secret is None:
            return "key"
        content = CONTENT_V3_JSON % (
            _j(confirmed_at.astimezone(UTC).isoformat()),
            _j(hash_format),
            _j(key_id),
            _j(kind),
            _j(language),
            _j(version_id),
            _j(digest),
            _j(previous_hash),
            _j(recorded_at.astimezone(UTC).isoformat()),
            _j(seq),
            _j(text_hash),
        )
        if not compare(hmac_digest(secret, content.encode(), "sha256").hex(), entry_hash):
            return "content"
        return None

    return check


def _j(value) -> str:
    """A value as `canonical` (json.dumps) writes it."""
    if value.__class__ is str:
        return encode_basestring_ascii(value)
    if value is None:
        return "null"
    if value.__class__ is int:
        return int.__repr__(value)
    return json.dumps(value)


# `canonical` of the personal fields with the salt, and of the content of format 3: the keys
# sorted as json.dumps(sort_keys=True) sorts them (tests compare both on the same values).
PERSONAL_JSON = '{"employee_id":%s,"reason":%s,"recorded_by_id":%s,"salt":%s}'
CONTENT_V3_JSON = (
    '{"confirmed_at":%s,"hash_format":%s,"key_id":%s,"kind":%s,"language":%s,'
    '"obligation_version_id":%s,"personal_digest":%s,"previous_hash":%s,"recorded_at":%s,'
    '"seq":%s,"text_hash":%s}'
)


def _orm_batches(alias: str, after: int, upto: int):
    """Rows (seq, previous hash, format, entry hash, *VERIFIED_FIELDS, entry hash) in keyset
    pages of FETCH."""
    cursor = after
    while True:
        batch = list(
            LedgerEntry.objects.using(alias)
            .filter(seq__gt=cursor, seq__lte=upto)
            .order_by("seq")
            .values_list(*CHAIN_FIELDS, *VERIFIED_FIELDS, "entry_hash")[:FETCH]
        )
        if batch:
            yield batch
        if len(batch) < FETCH:
            return
        cursor = batch[-1][0]


_cursor_numbers = itertools.count()


def _postgresql_batches(alias: str, after: int, upto: int):
    """Rows of `messages.select_sql` (the chain's columns first, then the messages that
    PostgreSQL wrote), from a server-side cursor in batches of FETCH, in binary."""
    connection = connections[alias]
    connection.ensure_connection()
    sql = messages.select_sql(connection.ops.quote_name(LedgerEntry._meta.db_table))
    outside = not connection.in_atomic_block  # a server-side cursor needs a transaction
    with transaction.atomic(using=alias) if outside else nullcontext():
        with connection.cursor() as cursor:
            cursor.execute(messages.DATESTYLE)
        name = f"sensi_verify_ledger_{next(_cursor_numbers)}"
        with connection.connection.cursor(name=name, binary=True) as cursor:
            cursor.itersize = FETCH
            cursor.execute(sql, (after, upto))
            while batch := cursor.fetchmany(FETCH):
                yield batch


def _reader(alias: str):
    """(batches(after, upto), check(row)) for the database: on PostgreSQL the messages
    written by the database (`messages`), elsewhere the rows as the ORM reads them."""
    keys = dict(ledger_keys.configured())
    by_orm = _row_checker(keys)
    if connections[alias].vendor != "postgresql":

        def check(row):
            return by_orm(row[4:])

        return partial(_orm_batches, alias), check
    fast = messages.row_checker(keys)

    def check(row):
        problem = fast(row)
        if problem != messages.SLOW:
            return problem
        values = (
            LedgerEntry.objects.using(alias)
            .filter(seq=row[0])
            .values_list(*VERIFIED_FIELDS, "entry_hash")
            .get()
        )
        return by_orm(values)

    return partial(_postgresql_batches, alias), check


def _check_chunk(after: int, upto: int, tick=None) -> _Chunk:
    """Verify the entries with `after < seq <= upto`, read in batches of FETCH (memory
    stays flat), up to the first problem; `tick(rows)` hears each batch."""
    batches, check = _reader(router.db_for_read(LedgerEntry))
    rows = 0
    first = last = None
    keyed = False
    first_unkeyed = None
    for batch in batches(after, upto):
        for row in batch:
            seq, previous_hash, hash_format, entry_hash = row[0], row[1], row[2], row[3]
            problem, expected = None, 0
            if last is not None:
                if seq != last[0] + 1:
                    problem, expected = MISSING, last[0] + 1
                elif previous_hash != last[1]:
                    problem = CHAIN
                elif keyed and hash_format != KEYED_FORMAT:
                    problem = UNKEYED
            if hash_format != KEYED_FORMAT and first_unkeyed is None:
                first_unkeyed = _Broken(seq, UNKEYED, intact=last)
            if problem is None:
                problem = check(row)
            if problem:
                broken = _Broken(seq, problem, expected, intact=last)
                return _Chunk(rows, first or (seq, previous_hash), last or (0, ""), keyed,
                              first_unkeyed, broken)  # fmt: skip
            rows += 1
            first = first or (seq, previous_hash)
            last = (seq, entry_hash)
            keyed = keyed or hash_format == KEYED_FORMAT
        if tick is not None:
            tick(len(batch))
    return _Chunk(rows, first or (0, ""), last or (0, ""), keyed, first_unkeyed)


def _first_broken(chunk: _Chunk, keyed_before: bool) -> _Broken | None:
    """The chunk's first problem, given whether a keyed entry came before it; at one entry,
    a gap or a broken link comes before "unkeyed", and that before the content."""
    unkeyed = chunk.first_unkeyed if keyed_before else None
    candidates = [b for b in (chunk.broken, unkeyed) if b is not None]
    if not candidates:
        return None
    rank = {MISSING: 0, CHAIN: 1, UNKEYED: 2}
    return min(candidates, key=lambda b: (b.seq, rank.get(b.problem, 3)))


def _join(chunks, after_seq: int, previous_hash: str, keyed: bool):
    """Join the chunks' results in order, as one pass over the chain would have found them:
    returns the last intact (seq, hash), whether a keyed entry came before it, and the
    first broken entry or None."""
    last = (after_seq, previous_hash)
    for chunk in chunks:
        if not chunk.first[0]:
            continue  # no entries in this range
        seq, previous = chunk.first
        if seq != last[0] + 1:
            return last, keyed, _Broken(seq, MISSING, last[0] + 1)
        if previous != last[1]:
            return last, keyed, _Broken(seq, CHAIN)
        if broken := _first_broken(chunk, keyed):
            return broken.intact or last, keyed, broken
        last, keyed = chunk.last, keyed or chunk.keyed
    return last, keyed, None


def _message(broken: _Broken) -> str:
    if broken.problem == MISSING:
        return _("entry #%(seq)s before it is missing") % {"seq": broken.expected}
    if broken.problem == CHAIN:
        return _("it does not chain to the entry before it")
    if broken.problem == UNKEYED:
        return _("it is not keyed although an entry before it is")
    return PROBLEMS[broken.problem]()


# --- the whole chain ---------------------------------------------------------------------------


SNAPSHOT_ID = re.compile(r"^[0-9A-Fa-f]+-[0-9A-Fa-f]+(-[0-9]+)?$")


@contextmanager
def _one_snapshot(alias: str):
    """Everything the check reads, in one snapshot of the database: the entries, the head,
    the newest hash. On PostgreSQL outside a transaction, a REPEATABLE READ transaction that
    exports its snapshot (yields its id) so that worker processes read the same ledger;
    entries appended meanwhile are left to the next check. Otherwise yields None: the
    caller's transaction (or SQLite's) is what is read, in one process."""
    connection = connections[alias]
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield None
        return
    with transaction.atomic(using=alias):
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        yield snapshot


def _workers(chunks: int, snapshot: str | None) -> int:
    """Processes for the chunks: several only when they can share the snapshot."""
    if chunks < 2 or snapshot is None:
        return 1
    wanted = app_settings.SENSI_LEDGER_VERIFY_WORKERS or os.cpu_count() or 1
    return max(1, min(wanted, chunks))


def _forget_inherited_connections() -> None:
    """In a forked process: drop the parent's connections without closing them, and their
    state (the parent is inside its snapshot's transaction). Closing would end the parent's
    session (the socket is shared) and with it the snapshot, and using them would mix two
    processes' traffic on one socket; each process opens its own on its first query
    (psycopg never closes a connection that another process opened)."""
    for alias in connections:
        connections[alias].connection = None
        connections[alias] = connections.create_connection(alias)
    # The worker keeps its connection for all its chunks, and closes it when it ends.
    multiprocessing.util.Finalize(None, connections.close_all, exitpriority=10)


def _check_chunk_in_worker(alias: str, snapshot: str, after: int, upto: int) -> _Chunk:
    if not SNAPSHOT_ID.match(snapshot):
        raise ValueError(f"not a snapshot id: {snapshot!r}")
    with transaction.atomic(using=alias):
        with connections[alias].cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute(f"SET TRANSACTION SNAPSHOT '{snapshot}'")
        return _check_chunk(after, upto)


def _chunks_in_parallel(ranges, workers: int, report, snapshot: str):
    """Each range in a forked process with its own connection in the coordinator's
    snapshot; the results in order. The coordinator keeps its connection (the snapshot
    lives as long as its transaction)."""
    alias = router.db_for_read(LedgerEntry)
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_forget_inherited_connections
    ) as pool:
        futures = [
            pool.submit(_check_chunk_in_worker, alias, snapshot, after, upto)
            for after, upto in ranges
        ]
        for future in as_completed(futures):
            report(future.result().rows)
        return [future.result() for future in futures]


def _walk(
    after_seq: int, previous_hash: str, keyed: bool, progress=_no_progress, snapshot=None
) -> tuple[int, str, Verification | None]:
    """Verify entries after `after_seq` in chunks; `keyed`: the chain before them already
    holds a keyed entry, so every entry must be keyed; `snapshot`: the exported snapshot
    worker processes may share. Returns the last intact seq and hash, and a failed
    Verification at the first broken entry."""
    head = LedgerHead.objects.filter(pk=1).values_list("last_seq", flat=True).first() or 0
    top = LedgerEntry.objects.filter(seq__gt=after_seq).aggregate(top=Max("seq"))["top"]
    top = top or after_seq
    stage = _("Verifying entries")
    total = max(head, top)
    progress(after_seq, total or None, stage)
    done = after_seq

    def report(rows: int) -> None:
        nonlocal done
        done += rows
        progress(done, total, stage)

    ranges = [(lo, min(lo + CHUNK, top)) for lo in range(after_seq, top, CHUNK)]
    workers = _workers(len(ranges), snapshot)
    if workers > 1:
        chunks = _chunks_in_parallel(ranges, workers, report, snapshot)
    else:  # one after another, and only up to the first broken chunk
        chunks = (_check_chunk(after, upto, report) for after, upto in ranges)
    (last_seq, last_hash), keyed, broken = _join(chunks, after_seq, previous_hash, keyed)
    if broken:
        return last_seq, last_hash, Verification(broken.seq - 1, broken.seq, _message(broken))
    if last_seq and not keyed:
        # Since migration 0008 every chain holds a keyed entry; one without any was rewritten
        # in plain SHA-256 from its start.
        return last_seq, last_hash, Verification(last_seq, 1, _("the chain holds no keyed entry"))
    return last_seq, last_hash, None


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
    # The checkpoint is read before the snapshot is taken: one that `anchor_ledger` writes
    # during a long check may anchor an entry the snapshot does not contain.
    checkpoint = newest_checkpoint()
    with _one_snapshot(router.db_for_read(LedgerEntry)) as snapshot:
        keyed = bool(
            after_seq
            and LedgerEntry.objects.filter(seq=after_seq, hash_format=KEYED_FORMAT).exists()
        )
        last_seq, last_hash, failure = _walk(after_seq, previous_hash, keyed, progress, snapshot)
        if failure is None:
            head = LedgerHead.objects.filter(pk=1).first()
            if head and (head.last_seq != last_seq or head.last_hash != last_hash):
                failure = Verification(
                    last_seq,
                    last_seq + 1,
                    _("entries after #%(seq)s are missing") % {"seq": last_seq},
                )
        if failure is None and (problem := anchor_problem(checkpoint, last_seq, _hash_at)):
            failure = Verification(last_seq, last_seq + 1, problem)
        if failure is None and full:
            from ..reports.snapshots import snapshot_problem

            if broken := snapshot_problem():
                seq, problem = broken
                failure = Verification(last_seq, seq, problem)
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
