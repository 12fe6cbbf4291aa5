"""`manage.py purge_expired`: learning data past its period is deleted (also from the LRS),
acknowledgements past theirs are anonymised and the ledger still verifies."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import override_settings
from django.utils import timezone

from compliance.ledger import triggers as ledger_triggers
from compliance.ledger.verify import verify_ledger
from compliance.models import LedgerEntry, LedgerHead, Reminder
from compliance.models.ledger import GENESIS_HASH, compute_entry_hash, seal_values
from compliance.services import record_correction
from courses.models import LessonRead, ModuleProgress
from quizzes.models import QuizAttempt, QuizDraw
from tests.factories import UserFactory
from tests.privacy.conftest import agent_of
from xapi.agents import agent_ifi
from xapi.models import Registration, Statement
from xapi.recording import actor_for

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - timedelta(days=400)


def age_learning_data(user, when=LONG_AGO):
    """Move a learner's learning data back in time (auto_now fields ignore update())."""
    ModuleProgress.objects.filter(user=user).update(updated_at=when, started_at=when)
    LessonRead.objects.filter(user=user).update(read_at=when)
    QuizAttempt.objects.filter(user=user).update(submitted_at=when)
    QuizDraw.objects.filter(user=user).update(created_at=when)
    Statement.objects.filter(actor_ifi=agent_ifi(actor_for(user))).update(stored=when)
    Registration.objects.filter(user=user).update(created_at=when)
    Reminder.objects.filter(employee__user=user).update(sent_on=when.date())


def learning_rows(user) -> dict[str, int]:
    statements = Statement.objects.filter(actor_ifi=agent_ifi(actor_for(user)))
    return {
        "progress": ModuleProgress.objects.filter(user=user).count(),
        "lessons": LessonRead.objects.filter(user=user).count(),
        "attempts": QuizAttempt.objects.filter(user=user).count(),
        "draws": QuizDraw.objects.filter(user=user).count(),
        "statements": statements.count(),
        "registrations": Registration.objects.filter(user=user).count(),
        "reminders": Reminder.objects.filter(employee__user=user).count(),
    }


def purge(*args) -> str:
    out = StringIO()
    call_command("purge_expired", *args, stdout=out)
    return out.getvalue()


def old_correction(learner, years=6):
    return record_correction(
        employee=learner.employee,
        version=LedgerEntry.objects.filter(employee=learner.employee).first().obligation_version,
        confirmed_at=timezone.now() - timedelta(days=365 * years),
        language="de",
        reason="Auf Papier unterschrieben, Frau Annasen war krank",
        recorded_by=UserFactory(email="admin@example.org"),
    )


def test_learning_data_older_than_the_period_is_deleted_and_newer_data_stays(learners):
    old, recent = learners
    assert all(learning_rows(old.user).values())
    kept_before = learning_rows(recent.user)
    age_learning_data(old.user)

    output = purge()

    assert set(learning_rows(old.user).values()) == {0}
    assert learning_rows(recent.user) == kept_before
    assert "xapi_statements: " in output


def test_deleted_statements_are_gone_from_lrs_queries_not_just_voided(learners, lrs_get):
    """xAPI 1.0.3 Communication §2.1.3: neither a plain nor a voidedStatementId GET finds them."""
    old, recent = learners
    statement_id = Statement.objects.filter(actor_ifi=agent_ifi(actor_for(old.user))).first()
    statement_id = str(statement_id.statement_id)
    age_learning_data(old.user)
    purge()

    found = json.loads(lrs_get("statements", agent=agent_of(old.user)).content)
    assert found["statements"] == []
    assert lrs_get("statements", statementId=statement_id).status_code == 404
    assert lrs_get("statements", voidedStatementId=statement_id).status_code == 404
    others = json.loads(lrs_get("statements", agent=agent_of(recent.user)).content)
    assert others["statements"]


@override_settings(SENSI_RETENTION_LEARNING_DAYS=500)
def test_the_period_comes_from_the_setting(learners):
    old, _recent = learners
    age_learning_data(old.user)  # 400 days: within 500
    purge()
    assert learning_rows(old.user)["statements"]


def test_a_lesson_read_long_ago_stays_while_its_module_is_still_in_progress(learners):
    old, _recent = learners
    LessonRead.objects.filter(user=old.user).update(read_at=LONG_AGO)
    purge()
    assert LessonRead.objects.filter(user=old.user).count() == 3


def test_dry_run_counts_and_changes_nothing(learners):
    old, _recent = learners
    age_learning_data(old.user)
    entry = old_correction(old)
    before = learning_rows(old.user)

    output = purge("--dry-run")

    assert learning_rows(old.user) == before
    entry.refresh_from_db()
    assert entry.employee_id == old.employee.pk and entry.anonymised_at is None
    assert "Dry run" in output
    assert f"xapi_statements: {before['statements']} (would)" in output
    assert "ledger_entries_anonymised: 1 (would)" in output


def test_a_second_run_finds_nothing_more(learners):
    old, _recent = learners
    age_learning_data(old.user)
    old_correction(old)
    purge()
    second = purge()
    counts = [line.rsplit(":", 1)[1] for line in second.splitlines() if line.startswith("  ")]
    assert counts and all(count.strip() == "0 (done)" for count in counts)


def test_expired_acknowledgements_are_anonymised_and_the_ledger_still_verifies(learners):
    old, recent = learners
    expired = old_correction(old)
    current = LedgerEntry.objects.filter(employee=old.employee, kind="confirmation").get()

    purge()

    expired.refresh_from_db()
    assert expired.employee_id is None and expired.recorded_by_id is None
    assert expired.reason == "" and expired.personal_salt == ""
    assert expired.anonymised_at is not None
    # What the entry proves without the person stays, and so does the chain.
    assert expired.obligation_version_id == current.obligation_version_id
    assert expired.entry_hash and expired.personal_digest
    current.refresh_from_db()
    assert current.employee_id == old.employee.pk and current.anonymised_at is None
    result = verify_ledger()
    assert result.ok, result.problem
    assert result.entries == 3


@override_settings(SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS=10 * 365)
def test_acknowledgements_within_their_longer_period_stay(learners):
    old, _recent = learners
    entry = old_correction(old)
    age_learning_data(old.user)
    purge()
    entry.refresh_from_db()
    assert entry.employee_id == old.employee.pk and entry.reason


def test_the_database_allows_anonymising_but_no_other_change(learners):
    old, _recent = learners
    entry = old_correction(old)  # past its retention period
    with pytest.raises(DatabaseError), transaction.atomic():
        # The person removed but the evidence changed too
        LedgerEntry.objects.filter(pk=entry.pk).update(
            employee=None, personal_salt="", anonymised_at=timezone.now(), language="en"
        )
    with pytest.raises(DatabaseError), transaction.atomic():
        # Someone else put in the employee's place
        LedgerEntry.objects.filter(pk=entry.pk).update(employee=_recent.employee)
    LedgerEntry.objects.filter(pk=entry.pk).update(
        employee=None, recorded_by=None, reason="", personal_salt="", anonymised_at=timezone.now()
    )
    with pytest.raises(DatabaseError), transaction.atomic():
        LedgerEntry.objects.filter(pk=entry.pk).update(anonymised_at=None)
    assert verify_ledger().ok


def run(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def rewrite_as_format_1_chain():
    """The ledger as an installation from before the salted digest and the key has it after
    migration 0008: every entry format 1, closed by a keyed boundary entry."""
    ledger_triggers.execute(run, connection.vendor, create=False)
    previous = GENESIS_HASH
    for entry in LedgerEntry.objects.order_by("seq"):
        values = {
            **entry.values(),
            "hash_format": 1,
            "personal_salt": "",
            "personal_digest": "",
            "key_id": "",
            "previous_hash": previous,
        }
        previous = compute_entry_hash(values)
        LedgerEntry.objects.filter(pk=entry.pk).update(
            hash_format=1,
            personal_salt="",
            personal_digest="",
            key_id="",
            previous_hash=values["previous_hash"],
            entry_hash=previous,
        )
    now = timezone.now()
    boundary = seal_values(
        {
            "seq": entry.seq + 1,
            "kind": "boundary",
            "employee_id": None,
            "obligation_version_id": None,
            "language": "",
            "text_hash": "",
            "confirmed_at": now,
            "recorded_at": now,
            "recorded_by_id": None,
            "reason": "",
            "previous_hash": previous,
        }
    )
    LedgerEntry.objects.create(**boundary)
    LedgerHead.objects.filter(pk=1).update(
        last_seq=boundary["seq"], last_hash=boundary["entry_hash"]
    )
    ledger_triggers.execute(run, connection.vendor, create=True)


def test_format_1_entries_keep_verifying_and_are_kept_not_anonymised(learners):
    """Entries written before the salted digest hash the personal fields themselves."""
    old, _recent = learners
    entry = old_correction(old)
    rewrite_as_format_1_chain()
    assert verify_ledger().ok

    output = purge()

    entry.refresh_from_db()
    assert entry.employee_id == old.employee.pk and entry.anonymised_at is None
    assert "ledger_entries_kept_format_1: 1" in output
    assert verify_ledger().ok
