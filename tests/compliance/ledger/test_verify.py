"""The ledger is append-only and tamper-evident; verify_ledger names the first broken entry."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from compliance.ledger import triggers as ledger_triggers
from compliance.ledger.verify import current_verification, verify_ledger
from compliance.models import LedgerEntry
from compliance.models.ledger import LedgerIsAppendOnly
from compliance.services import record_correction
from tests.factories import UserFactory, employee, obligation

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries():
    person = employee()
    version = obligation().versions.get()
    admin = UserFactory()
    return [
        record_correction(
            employee=person,
            version=version,
            confirmed_at=timezone.now(),
            language="de",
            reason=f"Papier {n}",
            recorded_by=admin,
        )
        for n in range(5)
    ]


def run(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def raw_sql(sql, params):
    """Tamper as an attacker with full database access would: past the model's guards and
    with the append-only triggers switched off."""
    ledger_triggers.execute(run, connection.vendor, create=False)
    run(sql, params)
    ledger_triggers.execute(run, connection.vendor, create=True)


def test_the_database_refuses_changes_past_the_model(entries):
    with pytest.raises(DatabaseError), transaction.atomic():
        LedgerEntry.objects.filter(seq=1).update(reason="geändert")
    if connection.vendor == "postgresql":  # SQLite keeps DELETE for resetting test databases
        with pytest.raises(DatabaseError), transaction.atomic():
            run("DELETE FROM compliance_ledgerentry WHERE seq = 1")
    assert verify_ledger().ok


def test_an_intact_ledger_verifies(entries):
    result = verify_ledger()
    assert result.ok and result.entries == 5
    call_command("verify_ledger", verbosity=0)


def test_entries_chain_to_each_other(entries):
    assert [e.previous_hash for e in entries[1:]] == [e.entry_hash for e in entries[:-1]]


def test_the_model_refuses_to_change_or_delete_entries(entries):
    entry = entries[0]
    entry.reason = "geändert"
    with pytest.raises(LedgerIsAppendOnly):
        entry.save()
    with pytest.raises(LedgerIsAppendOnly):
        entry.delete()


def test_a_changed_row_is_named(entries):
    raw_sql("UPDATE compliance_ledgerentry SET language = 'en' WHERE seq = %s", [3])
    result = verify_ledger()
    assert not result.ok and result.first_broken == 3
    with pytest.raises(CommandError, match="#3"):
        call_command("verify_ledger", verbosity=0)


def test_a_changed_personal_field_is_named_although_the_hash_covers_only_its_digest(entries):
    raw_sql("UPDATE compliance_ledgerentry SET reason = 'gefälscht' WHERE seq = %s", [3])
    result = verify_ledger()
    assert not result.ok and result.first_broken == 3


def test_a_deleted_row_is_named(entries):
    raw_sql("DELETE FROM compliance_ledgerentry WHERE seq = %s", [2])
    result = verify_ledger()
    assert not result.ok and result.first_broken == 3
    assert "#2" in result.problem


def test_a_deleted_last_row_is_noticed(entries):
    raw_sql("DELETE FROM compliance_ledgerentry WHERE seq = %s", [5])
    result = verify_ledger()
    assert not result.ok and result.first_broken == 5


def test_a_rehashed_row_still_breaks_the_chain(entries):
    """Recomputing a changed row's own hash does not help: the next row points elsewhere."""
    entry = LedgerEntry.objects.get(seq=2)
    entry.reason = "gefälscht"
    entry.personal_digest = entry.compute_personal_digest()
    raw_sql(
        "UPDATE compliance_ledgerentry SET reason = %s, personal_digest = %s, entry_hash = %s"
        " WHERE seq = 2",
        ["gefälscht", entry.personal_digest, entry.compute_hash()],
    )
    result = verify_ledger()
    assert not result.ok and result.first_broken == 3


def test_a_quick_check_verifies_only_what_was_appended_since_the_last_intact_check(entries):
    assert verify_ledger().ok
    person = entries[0].employee
    record_correction(
        employee=person,
        version=entries[0].obligation_version,
        confirmed_at=timezone.now(),
        language="de",
        reason="Nachtrag",
        recorded_by=entries[0].recorded_by,
    )
    quick = verify_ledger(full=False)
    assert quick.ok and quick.entries == 6 and quick.checked_from == 6
    assert "#6" in quick.summary()


def test_reports_keep_showing_a_broken_chain_until_a_full_check_passes(entries):
    raw_sql("UPDATE compliance_ledgerentry SET language = 'en' WHERE seq = %s", [2])
    assert not verify_ledger().ok
    result = current_verification()
    assert not result.ok and result.first_broken == 2
