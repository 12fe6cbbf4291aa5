"""Monthly trend snapshots: equal to the live trend, final once taken, checked by
verify_ledger against the chain and their MAC."""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone, translation

from compliance.ledger import triggers as ledger_triggers
from compliance.ledger.verify import verify_ledger
from compliance.models import LedgerEntry, LedgerHead, ObligationVersion, TrendSnapshot
from compliance.models.snapshots import SnapshotIsFinal
from compliance.reports.access import Report, open_report
from compliance.reports.scopes import ALL_TOPICS, Grant, Role, Scope, operator_scope
from compliance.reports.selectors import available_obligations, select
from compliance.reports.snapshots import take_snapshots
from compliance.reports.trend import month_ends, trend
from tests.compliance.reports.org import acknowledge, build_org

pytestmark = pytest.mark.django_db


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def selection_for(scope: Scope, **filters):
    opened = open_report(scope=scope, report=Report.DASHBOARD, parameters={}, actor="test")
    available = available_obligations(scope)
    if "obligation" in filters:
        filters["obligation"] = next(o for o in available if o.pk == filters["obligation"].pk)
    return select(opened, available, **filters)


@pytest.fixture
def org(home, settings):
    """The report tests' organisation, its obligations in force for over a year, with
    confirmations spread over the last twelve months."""
    settings.SENSI_COMPLIANCE_MIN_GROUP_SIZE = 1
    org = build_org(home)
    ObligationVersion.objects.update(valid_from=timezone.now() - datetime.timedelta(days=500))
    ends = month_ends(timezone.localdate())
    everybody = [p for people in org.people.values() for p in people]
    for n, person in enumerate(everybody):
        duty = org.it_security if n % 2 else org.data_protection
        acknowledge(person, duty, when=at(ends[n % 12] - datetime.timedelta(days=5)))
    return org


def run(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def raw_sql(sql, params=()):
    ledger_triggers.execute(run, connection.vendor, create=False)
    run(sql, params)
    ledger_triggers.execute(run, connection.vendor, create=True)


def scopes(org):
    return {
        "everything": operator_scope(),
        "one ressort": operator_scope([org.ra.pk]),
        "one topic": Scope((Grant(Role.CISO, None, frozenset({"data_protection"}), False),)),
        "mixed": Scope(
            (
                Grant(Role.RESSORT_ISB, frozenset({org.ra.pk}), ALL_TOPICS, True),
                Grant(Role.DATA_PROTECTION_OFFICER, None, frozenset({"data_protection"}), False),
            )
        ),
    }


def test_snapshots_equal_the_live_trend_in_every_scope(org):
    for name, scope in scopes(org).items():
        for filters in ({}, {"obligation": org.data_protection}, {"topic": "data_protection"}):
            selection = selection_for(scope, **filters)
            assert trend(selection) == trend(selection, live=True), (name, filters)
    assert TrendSnapshot.objects.count() == 12
    assert sum(p.current for p in trend(selection_for(operator_scope()))) > 0


def test_a_closed_months_snapshot_is_not_rewritten(org):
    ends = month_ends(timezone.localdate())
    assert len(take_snapshots(ends)) == 12
    before = trend(selection_for(operator_scope()))
    taken = {s.pk: (s.taken_at, s.mac) for s in TrendSnapshot.objects.all()}
    # A late paper form for a closed month: the live figures change, the snapshot does not.
    acknowledge(org.people["A12"][0], org.it_security, when=at(ends[-1] - datetime.timedelta(3)))
    assert take_snapshots(ends) == []
    assert {s.pk: (s.taken_at, s.mac) for s in TrendSnapshot.objects.all()} == taken
    assert trend(selection_for(operator_scope())) == before
    assert trend(selection_for(operator_scope()), live=True) != before
    snapshot = TrendSnapshot.objects.first()
    with pytest.raises(SnapshotIsFinal):
        snapshot.save()
    with pytest.raises(SnapshotIsFinal):
        snapshot.counts.first().save()


def test_the_open_month_is_never_snapshotted(org):
    today = timezone.localdate()
    assert take_snapshots([today, today.replace(day=1) - datetime.timedelta(days=1)])
    assert list(TrendSnapshot.objects.values_list("month_end", flat=True)) == [
        today.replace(day=1) - datetime.timedelta(days=1)
    ]


def test_a_rewritten_ledger_entry_is_found_through_the_snapshots_head(org):
    """Whoever holds the key can rewrite the newest entry and the head consistently; the
    chain then verifies, but the snapshot's recorded head does not match."""
    take_snapshots(month_ends(timezone.localdate()))
    assert verify_ledger().ok
    head = LedgerHead.objects.get()
    entry = LedgerEntry.objects.get(seq=head.last_seq)
    entry.reason = "umgeschrieben"
    entry.personal_digest = entry.compute_personal_digest()
    new_hash = entry.compute_hash()
    raw_sql(
        "UPDATE compliance_ledgerentry SET reason = %s, personal_digest = %s, entry_hash = %s"
        " WHERE seq = %s",
        [entry.reason, entry.personal_digest, new_hash, entry.seq],
    )
    raw_sql("UPDATE compliance_ledgerhead SET last_hash = %s", [new_hash])
    with translation.override("en"):
        result = verify_ledger()
    assert not result.ok and result.first_broken == head.last_seq
    assert "trend snapshot" in result.problem


def test_a_changed_count_is_found_by_its_mac(org):
    take_snapshots(month_ends(timezone.localdate()))
    raw_sql("UPDATE compliance_trendcount SET current = current + 1")
    with translation.override("en"):
        result = verify_ledger()
    assert not result.ok and "was changed after it was taken" in result.problem


def test_the_command_takes_the_missing_months(org, capsys):
    call_command("snapshot_trend", months=3)
    assert TrendSnapshot.objects.count() == 3
    call_command("snapshot_trend")
    assert TrendSnapshot.objects.count() == 12
    assert "none" in capsys.readouterr().out or TrendSnapshot.objects.count() == 12
