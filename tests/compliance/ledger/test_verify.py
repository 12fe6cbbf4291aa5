"""The ledger is append-only and tamper-evident; verify_ledger names the first broken entry."""

import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, connections, transaction
from django.utils import timezone, translation

from compliance.ledger import anchor, verify
from compliance.ledger import triggers as ledger_triggers
from compliance.ledger.verify import current_verification, verify_ledger
from compliance.models import LedgerCheck, LedgerEntry
from compliance.models.ledger import (
    VERIFIED_FIELDS,
    LedgerIsAppendOnly,
    compute_entry_hash,
    content_problem,
)
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


# --- chunks: the same verdict however the chain is split ------------------------------------

COLUMNS = (*VERIFIED_FIELDS, "entry_hash")
CHUNKINGS = [(50_000, 5_000), (1, 1), (2, 1), (3, 2)]  # (CHUNK, FETCH)


@pytest.fixture
def chain():
    """Eight entries; the reasons hold what JSON escapes."""
    person = employee()
    version = obligation().versions.get()
    admin = UserFactory()
    for n in range(8):
        record_correction(
            employee=person,
            version=version,
            confirmed_at=timezone.now(),
            language="de",
            reason=f'Papier {n}: „Prüfung“ \\ "zitiert"\n☂',
            recorded_by=admin,
        )


def _shift(after, by):
    """Move the entries after `after` by `by` places (in two steps, past unique keys)."""
    table = "compliance_ledgerentry"
    raw_sql(f"UPDATE {table} SET seq = seq + 1000 WHERE seq > %s", [after])
    raw_sql(f"UPDATE {table} SET seq = seq - 1000 + %s WHERE seq > 1000", [by])


def edit_content():
    raw_sql("UPDATE compliance_ledgerentry SET language = 'en' WHERE seq = %s", [4])


def edit_personal():
    raw_sql("UPDATE compliance_ledgerentry SET reason = 'gefälscht' WHERE seq = %s", [4])


def delete_middle():
    raw_sql("DELETE FROM compliance_ledgerentry WHERE seq = %s", [4])


def delete_two():
    raw_sql("DELETE FROM compliance_ledgerentry WHERE seq IN (3, 4)", [])


def delete_first():
    raw_sql("DELETE FROM compliance_ledgerentry WHERE seq = %s", [1])


def delete_last():
    raw_sql("DELETE FROM compliance_ledgerentry WHERE seq = %s", [8])


def delete_and_close_gap():
    """Delete entry 4 and renumber the rest, so that `seq` has no gap."""
    delete_middle()
    _shift(4, -1)


def insert():
    """A forged entry at 4 that chains to 3; the entries after it move up by one."""
    _shift(3, 1)
    previous = LedgerEntry.objects.get(seq=3)
    values = {
        **previous.values(),
        "seq": 4,
        "previous_hash": previous.entry_hash,
        "entry_hash": "f" * 64,
    }
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    raw_sql(
        f"INSERT INTO compliance_ledgerentry ({', '.join(COLUMNS)}) VALUES ({placeholders})",
        [values[c] for c in COLUMNS],
    )


def swap():
    """Entries 4 and 5 change places."""
    table = "compliance_ledgerentry"
    raw_sql(f"UPDATE {table} SET seq = 1000 WHERE seq = %s", [4])
    raw_sql(f"UPDATE {table} SET seq = 4 WHERE seq = %s", [5])
    raw_sql(f"UPDATE {table} SET seq = 5 WHERE seq = %s", [1000])


def unkey():
    """Entry 5 rewritten in plain SHA-256 (format 2), which needs no key."""
    values = {**LedgerEntry.objects.get(seq=5).values(), "hash_format": 2, "key_id": ""}
    raw_sql(
        "UPDATE compliance_ledgerentry SET hash_format = 2, key_id = '', entry_hash = %s"
        " WHERE seq = 5",
        [compute_entry_hash(values)],
    )


TAMPERING = {
    # what was done: (the first broken entry, words of the problem)
    edit_content: (4, "content"),
    edit_personal: (4, "personal"),
    delete_middle: (5, "#4"),
    delete_two: (5, "#3"),
    delete_first: (2, "#1"),
    delete_last: (8, "#7"),
    delete_and_close_gap: (4, "chain"),
    insert: (4, "content"),
    swap: (4, "chain"),
    unkey: (5, "not keyed"),
}


def test_the_fast_check_of_an_entry_agrees_with_the_definition_of_its_hash(chain):
    from compliance.ledger.verify import _row_checker

    check = _row_checker()
    for entry in LedgerEntry.objects.all():
        row = [*entry.values().values(), entry.entry_hash]
        assert check(row) is None
        for field, value in [("reason", "x"), ("seq", 99), ("language", "en"), ("key_id", "z")]:
            values = {**entry.values(), field: value}
            expected = content_problem(values, entry.entry_hash)
            assert expected and check([*values.values(), entry.entry_hash]) == expected


@pytest.mark.parametrize("chunking", CHUNKINGS, ids=lambda c: f"chunk{c[0]}-fetch{c[1]}")
@pytest.mark.parametrize("tamper", TAMPERING, ids=lambda f: f.__name__)
def test_each_kind_of_tampering_is_named_at_the_same_entry_however_the_chain_is_split(
    chain, tamper, chunking, monkeypatch
):
    assert verify_ledger().ok
    tamper()
    monkeypatch.setattr(verify, "CHUNK", chunking[0])
    monkeypatch.setattr(verify, "FETCH", chunking[1])
    with translation.override("en"):
        result = verify_ledger()
    first_broken, words = TAMPERING[tamper]
    assert not result.ok and result.first_broken == first_broken
    assert words in result.problem


@pytest.mark.parametrize("chunking", CHUNKINGS, ids=lambda c: f"chunk{c[0]}-fetch{c[1]}")
def test_an_intact_chain_verifies_however_it_is_split(chain, chunking, monkeypatch):
    monkeypatch.setattr(verify, "CHUNK", chunking[0])
    monkeypatch.setattr(verify, "FETCH", chunking[1])
    result = verify_ledger()
    assert result.ok and result.entries == 8
    assert verify_ledger(full=False).ok


@pytest.mark.skipif(connection.vendor != "postgresql", reason="parallel: PostgreSQL only")
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("tamper", [None, edit_content, delete_middle, swap, unkey])
def test_on_postgresql_chunks_are_verified_in_parallel_processes(
    chain, tamper, monkeypatch, settings
):
    settings.SENSI_LEDGER_VERIFY_WORKERS = 2
    monkeypatch.setattr(verify, "CHUNK", 2)
    monkeypatch.setattr(verify, "FETCH", 1)
    parallel = []
    real = verify._chunks_in_parallel
    monkeypatch.setattr(
        verify,
        "_chunks_in_parallel",
        lambda *args: parallel.append(args[1]) or real(*args),
    )
    if tamper is not None:
        tamper()
    with translation.override("en"):
        result = verify_ledger()
    assert parallel == [2]
    if tamper is None:
        assert result.ok and result.entries == 8
    else:
        first_broken, words = TAMPERING[tamper]
        assert not result.ok and result.first_broken == first_broken
        assert words in result.problem


@pytest.mark.skipif(connection.vendor != "postgresql", reason="snapshots: PostgreSQL only")
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("workers", [1, 2])
def test_on_postgresql_entries_appended_during_a_check_are_left_to_the_next(
    chain, workers, monkeypatch, settings
):
    """Every process of a check reads one snapshot: the head moving on meanwhile is not a
    missing entry, and the check reports the head it checked."""
    settings.SENSI_LEDGER_VERIFY_WORKERS = workers
    monkeypatch.setattr(verify, "CHUNK", 2)
    monkeypatch.setattr(verify, "FETCH", 1)
    last = LedgerEntry.objects.get(seq=8)
    appended = []

    def append_one():
        try:
            appended.append(
                record_correction(
                    employee=last.employee,
                    version=last.obligation_version,
                    confirmed_at=timezone.now(),
                    language="de",
                    reason="nachgetragen",
                    recorded_by=last.recorded_by,
                )
            )
        finally:
            connections.close_all()  # this thread's connection

    def append_meanwhile(done, total=None, stage=""):
        """At each report: an entry appended and committed by another connection."""
        thread = threading.Thread(target=append_one)
        thread.start()
        thread.join()

    result = verify_ledger(progress=append_meanwhile)
    assert len(appended) >= 2 and appended[0].seq == 9
    assert result.ok, result.problem
    assert (result.entries, result.last_hash) == (8, last.entry_hash)
    assert LedgerCheck.objects.latest("pk").last_seq == 8
    after = verify_ledger(full=False)
    assert after.ok and after.entries == 8 + len(appended) and after.checked_from == 9


@pytest.mark.skipif(connection.vendor != "postgresql", reason="snapshots: PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_on_postgresql_a_checkpoint_written_during_a_check_is_left_to_the_next(
    chain, monkeypatch, settings, tmp_path
):
    """`anchor_ledger` may anchor an entry appended after the check took its snapshot: the
    check compares the chain with the checkpoint that was newest when it began."""
    settings.SENSI_LEDGER_ANCHOR_FILE = str(tmp_path / "ledger-anchors.log")
    monkeypatch.setattr(verify, "CHUNK", 2)
    last = LedgerEntry.objects.get(seq=8)
    anchored = []

    def append_and_anchor():
        try:
            entry = record_correction(
                employee=last.employee,
                version=last.obligation_version,
                confirmed_at=timezone.now(),
                language="de",
                reason="nachgetragen",
                recorded_by=last.recorded_by,
            )
            entry.refresh_from_db()
            checkpoint = anchor.sign(seq=entry.seq, entry_hash=entry.entry_hash, at=timezone.now())
            anchor.append(checkpoint, anchor.anchor_file())
            anchored.append(entry.seq)
        finally:
            connections.close_all()  # this thread's connection

    def meanwhile(done, total=None, stage=""):
        if not anchored:
            thread = threading.Thread(target=append_and_anchor)
            thread.start()
            thread.join()

    result = verify_ledger(progress=meanwhile)
    assert anchored == [9]
    assert result.ok, result.problem
    assert result.entries == 8
    assert verify_ledger(full=False).ok
