"""The keyed chain, the anchor outside the database and standing failures (issue 11, finding
6), on SQLite and PostgreSQL. Tampering here is done as the tables' owner would, with the
triggers dropped; tests/compliance/ledger/test_db_roles.py tries it as the application's role."""

import hashlib
import hmac
import io
from datetime import timedelta

import pytest
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django.test import override_settings
from django.utils import timezone
from django.utils.translation import gettext as _

from compliance.ledger import triggers as ledger_triggers
from compliance.ledger.anchor import checkpoint_text, newest_checkpoint
from compliance.ledger.verify import current_verification, verify_ledger
from compliance.models import LedgerEntry, LedgerHead
from compliance.models.ledger import (
    GENESIS_HASH,
    HASHED_FIELDS_V3,
    canonical,
    compute_entry_hash,
    entry_content,
)
from compliance.services import record_correction
from tests.factories import UserFactory, employee, obligation

pytestmark = pytest.mark.django_db

DEV_KEY = "dev:dev-only-ledger-key-do-not-use-in-production"
NEW_KEY = "k2027:0123456789abcdef0123456789abcdef-new"


@pytest.fixture
def entries():
    person = employee()
    version = obligation().versions.get()
    admin = UserFactory()
    return [
        correction(person, version, admin, timezone.now() - timedelta(days=90), n) for n in range(5)
    ]


def correction(person, version, admin, when, n=0):
    return record_correction(
        employee=person,
        version=version,
        confirmed_at=when,
        language="de",
        reason=f"Papier {n}",
        recorded_by=admin,
    )


@pytest.fixture
def anchor_file(tmp_path, settings):
    settings.SENSI_LEDGER_ANCHOR_FILE = str(tmp_path / "anchors" / "ledger.log")
    return tmp_path / "anchors" / "ledger.log"


def run(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def as_owner_without_triggers(*statements):
    """What the tables' owner (or a superuser) can do: drop the triggers, change rows, put
    the triggers back."""
    ledger_triggers.execute(run, connection.vendor, create=False)
    for sql, params in statements:
        run(sql, params)
    ledger_triggers.execute(run, connection.vendor, create=True)


def rechain_from(seq: int, *, keyed_with: bytes | None = None, **changes):
    """Change entry `seq` and recompute every hash from it through the head, as an attacker
    who knows the algorithm but not the key would: plain SHA-256 (format 2), or an HMAC under
    a guessed key."""
    statements = []
    previous = LedgerEntry.objects.get(seq=seq - 1).entry_hash if seq > 1 else GENESIS_HASH
    for entry in LedgerEntry.objects.filter(seq__gte=seq).order_by("seq"):
        values = {**entry.values(), "previous_hash": previous}
        if entry.seq == seq:
            values.update(changes)
        if keyed_with is None:
            values.update(hash_format=2, key_id="")
            new_hash = compute_entry_hash(values)
        else:
            content = entry_content(**{field: values[field] for field in HASHED_FIELDS_V3})
            new_hash = hmac.new(keyed_with, canonical(content), hashlib.sha256).hexdigest()
        statements.append(
            (
                "UPDATE compliance_ledgerentry SET confirmed_at = %s, hash_format = %s,"
                " key_id = %s, previous_hash = %s, entry_hash = %s WHERE seq = %s",
                [
                    values["confirmed_at"],
                    values["hash_format"],
                    values["key_id"],
                    previous,
                    new_hash,
                    entry.seq,
                ],
            )
        )
        previous = new_hash
    statements.append(("UPDATE compliance_ledgerhead SET last_hash = %s WHERE id = 1", [previous]))
    as_owner_without_triggers(*statements)


# --- the key ---------------------------------------------------------------------------------


def test_entries_are_keyed_with_an_hmac_not_a_plain_hash(entries):
    entry = entries[0]
    assert entry.hash_format == 3 and entry.key_id == "dev"
    content = entry_content(**{field: entry.values()[field] for field in HASHED_FIELDS_V3})
    assert entry.entry_hash != hashlib.sha256(canonical(content)).hexdigest()
    assert verify_ledger().ok


def test_a_backdated_entry_rechained_in_plain_sha256_through_the_head_is_detected(entries):
    rechain_from(2, confirmed_at=timezone.now() - timedelta(days=400))
    assert LedgerHead.objects.get().last_hash == LedgerEntry.objects.get(seq=5).entry_hash
    result = verify_ledger()
    assert not result.ok and result.first_broken == 2
    assert result.problem == _("it is not keyed although an entry before it is")


def test_a_backdated_entry_rechained_under_a_guessed_key_is_detected(entries):
    rechain_from(2, keyed_with=b"guess", confirmed_at=timezone.now() - timedelta(days=400))
    result = verify_ledger()
    assert not result.ok and result.first_broken == 2
    assert result.problem == _("its content does not match its hash")


def test_a_chain_rewritten_unkeyed_from_its_start_is_detected(entries):
    rechain_from(1)
    result = verify_ledger()
    assert not result.ok and result.problem == _("the chain holds no keyed entry")


def test_after_a_key_rotation_old_entries_verify_with_the_old_key(entries):
    with override_settings(SENSI_LEDGER_KEYS=[NEW_KEY, DEV_KEY]):
        new = correction(
            entries[0].employee,
            entries[0].obligation_version,
            entries[0].recorded_by,
            timezone.now(),
        )
        assert new.key_id == "k2027" and new.previous_hash == entries[-1].entry_hash
        assert verify_ledger().ok
    with override_settings(SENSI_LEDGER_KEYS=[NEW_KEY]):
        result = verify_ledger()
        assert not result.ok and result.first_broken == 1
        assert result.problem == _("it is signed with a key that is not configured")


def test_the_ledger_cannot_be_written_without_a_key(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.SENSI_LEDGER_KEYS = []
    person = employee()
    version = obligation().versions.get()
    with pytest.raises(ImproperlyConfigured):
        correction(person, version, UserFactory(), timezone.now())
    assert [e.id for e in run_checks()] == ["compliance.E002"]


def test_check_deploy_refuses_the_development_key_and_short_keys(settings):
    settings.SENSI_LEDGER_KEYS = [DEV_KEY, "short:tooshort"]
    settings.SENSI_LEDGER_ANCHOR_FILE = ""
    ids = {e.id for e in run_checks(include_deployment_checks=True) if e.id.startswith("comp")}
    assert ids == {"compliance.E003", "compliance.E004", "compliance.W001"}
    settings.SENSI_LEDGER_KEYS = ["nodelimiter"]
    assert [e.id for e in run_checks()] == ["compliance.E001"]


# --- the anchor ------------------------------------------------------------------------------


def test_anchor_ledger_appends_a_signed_checkpoint_and_the_report_can_print_it(
    entries, anchor_file, capsys
):
    call_command("anchor_ledger")
    call_command("anchor_ledger")
    lines = anchor_file.read_text().splitlines()
    assert len(lines) == 2 and lines[0].startswith("SENSI-LEDGER-CHECKPOINT v1 seq=5 ")
    assert f"hash={entries[-1].entry_hash}" in lines[0]
    assert capsys.readouterr().out.splitlines()[-1] == lines[-1]
    assert checkpoint_text() == lines[-1]
    assert newest_checkpoint().valid
    assert verify_ledger().ok


def test_deleting_the_last_entry_and_rewinding_the_head_is_detected_through_the_anchor(
    entries, anchor_file
):
    call_command("anchor_ledger")
    as_owner_without_triggers(
        ("DELETE FROM compliance_ledgerentry WHERE seq = 5", []),
        (
            "UPDATE compliance_ledgerhead SET last_seq = 4, last_hash = %s WHERE id = 1",
            [entries[3].entry_hash],
        ),
    )
    result = verify_ledger()
    assert not result.ok and result.first_broken == 5 and "#4" in result.problem
    assert "#5" in result.problem
    with pytest.raises(CommandError, match="#5"):
        call_command("verify_ledger", "--quick", verbosity=0)


def test_a_forged_checkpoint_is_not_accepted(entries, anchor_file):
    call_command("anchor_ledger")
    line = anchor_file.read_text().strip()
    anchor_file.write_text(line + "\n" + line.replace("seq=5", "seq=3") + "\n")
    result = verify_ledger()
    assert not result.ok
    assert result.problem == _("the newest checkpoint in the anchor file is not validly signed")
    assert checkpoint_text() is None


def test_a_broken_chain_is_not_anchored(entries, anchor_file):
    rechain_from(3)
    with pytest.raises(CommandError):
        call_command("anchor_ledger")
    assert not anchor_file.exists()


def test_anchor_ledger_needs_the_anchor_file(entries, settings):
    settings.SENSI_LEDGER_ANCHOR_FILE = ""
    with pytest.raises(CommandError, match="SENSI_LEDGER_ANCHOR_FILE"):
        call_command("anchor_ledger")


# --- standing failures -----------------------------------------------------------------------


def test_a_quick_check_after_a_failed_check_fails_until_a_full_check_passes(entries):
    assert verify_ledger().ok
    original = entries[1].language
    as_owner_without_triggers(
        ("UPDATE compliance_ledgerentry SET language = 'en' WHERE seq = 2", [])
    )
    assert not verify_ledger().ok
    # Put back as it was: a quick check, which would start after the last intact check,
    # must still fail.
    as_owner_without_triggers(
        ("UPDATE compliance_ledgerentry SET language = %s WHERE seq = 2", [original])
    )
    quick = verify_ledger(full=False)
    assert not quick.ok and quick.first_broken == 2
    with pytest.raises(CommandError, match="#2"):
        call_command("verify_ledger", "--quick", verbosity=0)
    assert not current_verification().ok
    assert verify_ledger().ok
    assert verify_ledger(full=False).ok


# --- what the triggers refuse while they are intact -------------------------------------------


def test_the_database_refuses_an_early_anonymisation(entries):
    """Three months old, retention five years: not even the exact anonymising UPDATE passes."""
    with pytest.raises(DatabaseError), transaction.atomic():
        LedgerEntry.objects.filter(seq=2).update(
            employee=None,
            recorded_by=None,
            reason="",
            personal_salt="",
            anonymised_at=timezone.now(),
        )
    assert LedgerEntry.objects.get(seq=2).employee_id is not None


def test_the_database_refuses_to_move_the_head_back_or_elsewhere(entries):
    with pytest.raises(DatabaseError), transaction.atomic():
        LedgerHead.objects.filter(pk=1).update(last_seq=4, last_hash=entries[3].entry_hash)
    with pytest.raises(DatabaseError), transaction.atomic():
        LedgerHead.objects.filter(pk=1).update(last_hash="f" * 64)
    with pytest.raises(DatabaseError), transaction.atomic():
        LedgerHead.objects.create(pk=2, last_seq=5, last_hash=entries[4].entry_hash)
    assert LedgerHead.objects.get().last_seq == 5


def test_the_compliance_report_prints_the_newest_checkpoint(home, entries, anchor_file, tmp_path):
    from tests.compliance.reports.org import build_org
    from tests.compliance.reports.test_exports import pdf_text

    build_org(home)
    call_command("anchor_ledger", stdout=io.StringIO())
    out = tmp_path / "report.pdf"
    call_command("compliance_report", format="pdf", out=str(out), verbosity=0)
    text = "".join(pdf_text(out.read_bytes()).split())
    assert "".join(checkpoint_text().split()) in text
