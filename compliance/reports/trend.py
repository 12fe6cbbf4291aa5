"""The monthly trend of the compliance reports: for each of the last twelve month ends, how
many of the acknowledgements required then were current (docs/compliance-reports.md). The
trend starts at the first of those month ends at which anything was required: months
before any selected obligation was in force (or anybody had joined) are left out, not shown
empty."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connections
from django.db.models import Case, F, IntegerField, Max, Sum, Value, When, Window
from django.db.models.functions import Lead
from django.utils import timezone

from ..dates import add_months
from .selectors import Selection, regroup
from .snapshots import snapshot_counts

TREND_MONTHS = 12


@dataclass(frozen=True)
class TrendPoint:
    month_end: date
    required: int  # acknowledgements required at the month end (employee × obligation)
    current: int  # of those, with a confirmation within the recurrence window
    withheld: bool = False

    @property
    def percent(self) -> float | None:
        if self.withheld or not self.required:
            return None
        return round(self.current / self.required * 100, 1)


def month_ends(today: date, count: int = TREND_MONTHS) -> list[date]:
    """The last days of the `count` completed months before today, oldest first."""
    this_month = today.replace(day=1)
    return [add_months(this_month, 1 - i) - timedelta(days=1) for i in range(count, 0, -1)]


def _start_of(day: date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _bucket(column_sql: str, bounds: list, lo: int, hi: int) -> tuple[str, list]:
    """SQL for the number of `bounds` at or below the value (binary search, so each row
    costs a handful of comparisons however many bounds there are)."""
    if lo == hi:
        return str(lo), []
    mid = (lo + hi) // 2
    low_sql, low_params = _bucket(column_sql, bounds, lo, mid)
    high_sql, high_params = _bucket(column_sql, bounds, mid + 1, hi)
    sql = f"CASE WHEN {column_sql} < %s THEN {low_sql} ELSE {high_sql} END"
    return sql, [bounds[mid], *low_params, *high_params]


def trend(selection: Selection, *, live: bool = False) -> list[TrendPoint]:
    """For each of the last twelve month ends: of the acknowledgements required then, how
    many had a confirmation within the obligation's recurrence window (any time before, for
    obligations without recurrence); see docs/compliance-reports.md.

    The months are closed, so their counts come from the monthly snapshots kept with the
    ledger (`compliance.reports.snapshots`, taken on first need), summed over the scope's
    Ressorts: a few hundred rows. `live` (or a selection the snapshots cannot serve)
    computes them from the status rows and the ledger instead, in two queries.

    Required at a month end: today's active employees in scope who had joined by then, for
    each selected obligation already in force then.
    """
    ends = month_ends(selection.today)
    obligations = {o.pk: o for o in selection.obligations}
    if not obligations:
        return []
    counts = None if live else snapshot_counts(selection, ends)
    if counts is None:
        counts = _required_per_month(selection, ends), _current_per_month(selection, ends)
    required, current = counts
    points = []
    for k, end in enumerate(ends):
        in_force = [pk for pk, o in obligations.items() if o.in_force_since <= end]
        need = sum(required[pk][k] for pk in in_force)
        have = sum(current[pk][k] for pk in in_force)
        # Each obligation's count is a count of distinct employees; the largest is a lower
        # bound of the employees behind the month's figure.
        people = max((required[pk][k] for pk in in_force), default=0)
        points.append(TrendPoint(end, need, have, withheld=0 < people < selection.minimum))
    return from_first_month_with_data(points)


def from_first_month_with_data(points: list[TrendPoint]) -> list[TrendPoint]:
    """The points from the first month end at which acknowledgements were required."""
    for index, point in enumerate(points):
        if point.required or point.withheld:
            return points[index:]
    return []


MASK_BITS = 60  # obligations per query in _required_per_month: bits of a signed 64-bit sum


def _required_per_month(
    selection: Selection, ends: list[date], *, by_ressort: bool = False
) -> dict[int, list[int]]:
    """Per obligation and month end: status rows of employees who had joined by then (keyed
    by (Ressort, obligation) when `by_ressort`, for the snapshots).

    Each employee's rows are folded into one row (see `regroup`): their entry date (one
    value for everybody who joined before the first month end) and a bit mask of their
    obligations. The outer level counts employees per entry date and mask.
    """
    first = ends[0]
    joined = Case(
        When(employee__entry_date__lte=first, then=Value(first)),
        default=F("employee__entry_date"),
    )
    result = defaultdict(lambda: [0] * len(ends))
    obligations = [o.pk for o in selection.obligations]
    for start in range(0, len(obligations), MASK_BITS):
        chunk = obligations[start : start + MASK_BITS]
        bit = Case(
            *(When(obligation_id=pk, then=Value(1 << i)) for i, pk in enumerate(chunk)),
            default=Value(0),
            output_field=IntegerField(),
        )
        ressort = Max("employee__ressort_id") if by_ressort else Value(None, IntegerField())
        per_employee = (
            selection.status_rows()
            .filter(obligation_id__in=chunk)
            .values("employee_id")
            .annotate(r_key=ressort, joined=Max(joined), mask=Sum(bit))
            .order_by()
        )
        for r_key, day, mask, n in regroup(per_employee, keys=["r_key", "joined", "mask"], sums=[]):
            day = day if isinstance(day, date) else date.fromisoformat(day)
            for i, pk in enumerate(chunk):
                if mask >> i & 1:
                    for k, end in enumerate(ends):
                        if day <= end:
                            result[(r_key, pk) if by_ressort else pk][k] += n
    return result


def _current_per_month(
    selection: Selection, ends: list[date], *, by_ressort: bool = False
) -> dict[int, list[int]]:
    """Ledger entries grouped by obligation (and Ressort when `by_ressort`) and by where
    their confirmation and the next confirmation of the same person fall among the month
    boundaries.

    An entry makes its person current at a month end if it is the latest confirmation
    before that end (the next one comes after it, or never) and lies within the recurrence
    window. Exactly one entry per person can be that, so counting entries counts people.
    """
    uppers = [_start_of(end + timedelta(days=1)) for end in ends]
    windows = {o.recurrence_months for o in selection.obligations if o.recurrence_months}
    lowers = {
        (months, k): _start_of(add_months(end, -months))
        for months in windows
        for k, end in enumerate(ends)
    }
    bounds = sorted(set(uppers) | set(lowers.values()))
    index = {bound: i for i, bound in enumerate(bounds)}

    entries = (
        # No range filter on purpose: it makes databases walk the confirmed_at index and
        # fetch every row by it, which is slower than one pass over the table.
        selection.ledger_entries()
        .annotate(
            r_key=F("employee__ressort_id") if by_ressort else Value(None, IntegerField()),
            obligation=F("obligation_version__obligation_id"),
            next_at=Window(
                Lead("confirmed_at"),
                partition_by=[F("employee_id"), F("obligation_version__obligation_id")],
                order_by=[F("confirmed_at").asc(), F("seq").asc()],
            ),
        )
        .values("r_key", "obligation", "confirmed_at", "next_at")
        .order_by()
    )
    connection = connections[entries.db]
    inner, inner_params = entries.query.sql_with_params()
    q = connection.ops.quote_name
    adapted = [connection.ops.adapt_datetimefield_value(b) for b in bounds]
    at_sql, at_params = _bucket(f"w.{q('confirmed_at')}", adapted, 0, len(bounds))
    next_sql, next_params = _bucket(f"w.{q('next_at')}", adapted, 0, len(bounds))
    sql = (
        f"SELECT w.{q('r_key')}, w.{q('obligation')}, {at_sql},"
        f" CASE WHEN w.{q('next_at')} IS NULL THEN -1 ELSE {next_sql} END, COUNT(*)"
        f" FROM ({inner}) w GROUP BY 1, 2, 3, 4"
    )
    recurrence = {o.pk: o.recurrence_months for o in selection.obligations}
    result = defaultdict(lambda: [0] * len(ends))
    with connection.cursor() as cursor:
        cursor.execute(sql, [*at_params, *next_params, *inner_params])
        for r_key, obligation, at, following, n in cursor.fetchall():
            months = recurrence[obligation]
            for k in range(len(ends)):
                upper = index[uppers[k]]
                before_end = at <= upper  # confirmed before the end of month k
                latest = following == -1 or following > upper  # next one after it
                recent = months is None or at > index[lowers[(months, k)]]
                if before_end and latest and recent:
                    result[(r_key, obligation) if by_ressort else obligation][k] += n
    return result
