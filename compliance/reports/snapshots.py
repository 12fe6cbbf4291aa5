"""Monthly trend snapshots (compliance.models.snapshots): taking them when a month closes,
reading them for the trend, and checking them against the ledger.

`take_snapshots` runs at the start of each month (`manage.py snapshot_trend`, or the job
`compliance.snapshot_trend`) and, lazily, from the trend itself for any closed month still
without one (after an install, or a missed run). It counts every Ressort and active obligation
in one pass per kind (the trend's own queries, grouped by Ressort), so back-filling twelve
months costs about one live trend.
"""

import hmac
import logging
from collections import defaultdict
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..ledger import keys as ledger_keys
from ..models import LedgerEntry, LedgerHead, TrendCount, TrendSnapshot
from ..models.ledger import GENESIS_HASH, canonical
from .access import OpenedReport
from .scopes import operator_scope
from .selectors import Selection, available_obligations

logger = logging.getLogger(__name__)


def _everything(today: date) -> Selection:
    """Every Ressort and active obligation: what snapshots count, for any later scope."""
    scope = operator_scope()
    # The snapshot is no report that anybody opened: there is no access to log.
    opened = OpenedReport(access=None, scope=scope)
    return Selection(opened=opened, obligations=tuple(available_obligations(scope)), today=today)


def _signed(snapshot: TrendSnapshot, counts) -> bytes:
    rows = sorted([c.ressort_id, c.obligation_id, c.required, c.current] for c in counts)
    return canonical(
        {
            "month_end": snapshot.month_end.isoformat(),
            "ledger_seq": snapshot.ledger_seq,
            "ledger_hash": snapshot.ledger_hash,
            "obligations": sorted(snapshot.obligations),
            "counts": rows,
        }
    )


def _mac(secret: bytes, snapshot: TrendSnapshot, counts) -> str:
    return ledger_keys.mac(secret, _signed(snapshot, counts), purpose="trend-snapshot")


def take_snapshots(month_ends: list[date]) -> list[TrendSnapshot]:
    """Snapshots of the closed months among `month_ends` that have none yet; a month that
    has one keeps it. Returns the snapshots written."""
    from .trend import _current_per_month, _required_per_month

    today = timezone.localdate()
    have = set(
        TrendSnapshot.objects.filter(month_end__in=month_ends).values_list("month_end", flat=True)
    )
    ends = sorted(end for end in set(month_ends) - have if end < today)
    if not ends:
        return []
    selection = _everything(today)
    key_id, secret = ledger_keys.signing_key()
    # The head before counting: a checkpoint the chain reached (entries appended while
    # counting may be in the counts; the head stays one the chain must still hold).
    head = LedgerHead.objects.filter(pk=1).values_list("last_seq", "last_hash").first()
    ledger_seq, ledger_hash = head or (0, GENESIS_HASH)
    required = _required_per_month(selection, ends, by_ressort=True)
    current = _current_per_month(selection, ends, by_ressort=True)
    obligations = sorted(o.pk for o in selection.obligations)
    written = []
    for k, end in enumerate(ends):
        snapshot = TrendSnapshot(
            month_end=end,
            taken_at=timezone.now(),
            ledger_seq=ledger_seq,
            ledger_hash=ledger_hash,
            obligations=obligations,
            key_id=key_id,
        )
        counts = [
            TrendCount(
                ressort_id=ressort,
                obligation_id=pk,
                required=required.get((ressort, pk), [0] * len(ends))[k],
                current=current.get((ressort, pk), [0] * len(ends))[k],
            )
            for ressort, pk in sorted(set(required) | set(current))
        ]
        counts = [c for c in counts if c.required or c.current]
        snapshot.mac = _mac(secret, snapshot, counts)
        try:
            with transaction.atomic():
                snapshot.save(force_insert=True)
                for count in counts:
                    count.snapshot = snapshot
                TrendCount.objects.bulk_create(counts)
        except IntegrityError:
            continue  # taken meanwhile by another process: that one stands
        written.append(snapshot)
    return written


def snapshot_counts(
    selection: Selection, ends: list[date]
) -> tuple[dict[int, list[int]], dict[int, list[int]]] | None:
    """The trend's required and current counts per obligation and month end from the
    snapshots (taking those still missing), within the selection's scope; None when they
    cannot serve it (an open month, an obligation they do not count)."""
    today = timezone.localdate()
    if not ends or ends[-1] >= today:
        return None
    take_snapshots(ends)
    snapshots = {s.month_end: s for s in TrendSnapshot.objects.filter(month_end__in=ends)}
    wanted = {o.pk for o in selection.obligations}
    if len(snapshots) < len(ends) or any(
        not wanted <= set(s.obligations) for s in snapshots.values()
    ):
        return None
    index = {snapshots[end].pk: k for k, end in enumerate(ends)}
    counts = TrendCount.objects.filter(
        selection.scope.row_filter(selection.topics, ressort_field="ressort_id"),
        snapshot_id__in=index,
    ).values_list("snapshot_id", "obligation_id", "required", "current")
    required = defaultdict(lambda: [0] * len(ends))
    current = defaultdict(lambda: [0] * len(ends))
    for snapshot_id, pk, need, have in counts:
        required[pk][index[snapshot_id]] += need
        current[pk][index[snapshot_id]] += have
    return required, current


def snapshot_problem() -> tuple[int, str] | None:
    """The first snapshot that does not match the ledger or its MAC: (the entry it names,
    what is wrong); None when every snapshot holds. For `verify_ledger`."""
    hashes = dict(
        LedgerEntry.objects.filter(
            seq__in=TrendSnapshot.objects.values_list("ledger_seq", flat=True)
        ).values_list("seq", "entry_hash")
    )
    for snapshot in TrendSnapshot.objects.order_by("month_end"):
        month = snapshot.month_end.strftime("%Y-%m")
        if snapshot.ledger_seq and hashes.get(snapshot.ledger_seq) != snapshot.ledger_hash:
            return snapshot.ledger_seq, _(
                "it differs from the ledger head recorded by the trend snapshot of %(month)s"
            ) % {"month": month}
        try:
            secret = ledger_keys.key(snapshot.key_id)
        except ledger_keys.UnknownLedgerKey:
            return snapshot.ledger_seq, _(
                "the trend snapshot of %(month)s is signed with a key that is not configured"
            ) % {"month": month}
        expected = _mac(secret, snapshot, list(snapshot.counts.all()))
        if not hmac.compare_digest(expected, snapshot.mac):
            logger.error("Trend snapshot %s does not match its MAC", month)
            return snapshot.ledger_seq, _(
                "the trend snapshot of %(month)s was changed after it was taken"
            ) % {"month": month}
    return None
