"""Migrations 0006 and 0008 keep existing ledger chains verifiable: entries written before the
salted digest become format 1 with their hashes unchanged, 0008 closes the unkeyed chain with
a keyed boundary entry, and new entries chain on keyed (format 3)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from compliance.ledger.verify import verify_ledger
from compliance.models import LedgerEntry
from compliance.models.ledger import GENESIS_HASH, compute_entry_hash
from compliance.services import record_correction
from tests.factories import UserFactory, employee, obligation

BEFORE = [("compliance", "0005_ledger_checks")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_entries_from_before_the_digest_still_verify_and_new_ones_chain_on():
    person = employee()
    version = obligation().versions.get()
    migrate(BEFORE)
    try:
        previous = GENESIS_HASH
        columns = (
            "seq, kind, employee_id, obligation_version_id, language, text_hash, confirmed_at,"
            " recorded_at, recorded_by_id, reason, previous_hash, entry_hash"
        )
        for seq in (1, 2):
            now = timezone.now()
            values = {
                "seq": seq,
                "kind": "confirmation",
                "employee_id": person.pk,
                "obligation_version_id": version.pk,
                "language": "de",
                "text_hash": "a" * 64,
                "confirmed_at": now,
                "recorded_at": now,
                "recorded_by_id": None,
                "reason": "",
                "previous_hash": previous,
                "hash_format": 1,
            }
            entry_hash = compute_entry_hash(values)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO compliance_ledgerentry ({columns}) VALUES "
                    "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    [
                        *(values[k] for k in list(values)[:11]),
                        entry_hash,
                    ],
                )
            previous = entry_hash
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO compliance_ledgerhead (id, last_seq, last_hash) VALUES (1, 2, %s)",
                [previous],
            )
    finally:
        migrate(latest())

    assert list(LedgerEntry.objects.values_list("hash_format", "kind").order_by("seq")) == [
        (1, "confirmation"),
        (1, "confirmation"),
        (3, "boundary"),
    ]
    boundary = LedgerEntry.objects.get(seq=3)
    assert boundary.previous_hash == previous and boundary.key_id == "dev"
    assert boundary.employee_id is None and boundary.obligation_version_id is None
    assert verify_ledger().ok
    previous = boundary.entry_hash
    new = record_correction(
        employee=person,
        version=version,
        confirmed_at=timezone.now(),
        language="de",
        reason="Papier",
        recorded_by=UserFactory(),
    )
    assert new.hash_format == 3 and new.previous_hash == previous
    result = verify_ledger()
    assert result.ok and result.entries == 4
