"""compliance.ledger.chain, the only writer of the ledger: one entry, many entries in bulk
and anonymisation all leave a chain that verifies."""

import datetime

import pytest
from django.utils import timezone

from compliance.ledger import chain
from compliance.ledger.verify import verify_ledger
from compliance.models import LedgerEntry, LedgerHead
from compliance.models.obligations import text_hash
from compliance.services import record_correction
from tests.factories import UserFactory, employee, obligation

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - datetime.timedelta(days=20 * 365)


@pytest.fixture
def person():
    return employee()


@pytest.fixture
def version():
    return obligation().versions.get()


def correction(person, version, *, at=None):
    return record_correction(
        employee=person,
        version=version,
        confirmed_at=at or timezone.now(),
        language="de",
        reason="Papier",
        recorded_by=UserFactory(),
    )


def rows(person, version, count):
    moment = timezone.now()
    for _ in range(count):
        yield {
            "kind": LedgerEntry.Kind.CONFIRMATION,
            "employee_id": person.pk,
            "obligation_version_id": version.pk,
            "language": "de",
            "text_hash": text_hash(version.text_de),
            "confirmed_at": moment,
            "recorded_at": moment,
            "recorded_by_id": None,
            "reason": "",
        }


def test_append_many_continues_the_chain_in_batches_and_moves_the_head(person, version):
    first = correction(person, version)

    written = chain.append_many(rows(person, version, 7), batch_size=3)

    assert written == 7
    seqs = list(LedgerEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(first.seq, first.seq + 8))
    head = LedgerHead.objects.get(pk=1)
    assert head.last_seq == seqs[-1]
    assert head.last_hash == LedgerEntry.objects.get(seq=seqs[-1]).entry_hash
    assert verify_ledger().ok
    correction(person, version)  # and one by one after it
    assert verify_ledger().ok


def test_anonymise_empties_the_personal_fields_and_the_chain_still_verifies(person, version):
    old = correction(person, version, at=LONG_AGO)
    recent = correction(person, version)

    assert chain.anonymise([old.pk]) == 1
    assert chain.anonymise([old.pk]) == 0  # once only

    old.refresh_from_db()
    assert (old.employee_id, old.recorded_by_id, old.reason, old.personal_salt) == (
        None,
        None,
        "",
        "",
    )
    assert old.anonymised_at is not None
    assert LedgerEntry.objects.get(pk=recent.pk).employee_id == person.pk
    assert verify_ledger().ok
