"""Two clients storing the same statement id at the same moment (Communication §2.1.2): the
id is stored once, a resend of the same content is accepted, different content is a conflict.
The second writer must wait for the first one's commit and then see its row, on the plain
table (the unique index with ON CONFLICT DO NOTHING) and on the partitioned one (the id
registry's trigger; tests/xapi/test_partitioning.py collects these tests again). PostgreSQL
only: SQLite has one writer at a time, so the race cannot happen there."""

import threading
import time
import uuid

import pytest
from django.db import connection, connections, transaction

from xapi.models import Statement
from xapi.store import StatementConflict, store_statements

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a race between connections"),
]

AUTHORITY = {"objectType": "Agent", "account": {"homePage": "https://sensi.example", "name": "t"}}


def learner_statement(statement_id, verb="experienced"):
    return {
        "id": str(statement_id),
        "actor": {"account": {"homePage": "https://sensi.example", "name": "p1"}},
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}"},
        "object": {"id": "https://sensi.example/xapi/activities/lesson-1"},
    }


def wait_until_a_backend_waits_for_a_lock(timeout=10.0):
    """The second writer blocks on the first one's uncommitted id; wait until PostgreSQL says
    so, so that the first commit really happens while the second insert is under way."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
        time.sleep(0.02)
    raise AssertionError("the second writer never waited for the first one's row")


def race(first, second):
    """Store `first` in a transaction held open until `second`, stored from another
    connection, waits for it; then commit. Returns what the second store returned or raised."""
    inserted, release, outcome = threading.Event(), threading.Event(), {}

    def hold_first_open():
        try:
            with transaction.atomic():
                store_statements([first], authority=AUTHORITY)
                inserted.set()
                release.wait(15)
        finally:
            inserted.set()
            connections.close_all()

    def store_second():
        inserted.wait(15)
        try:
            outcome["ids"] = store_statements([second], authority=AUTHORITY)
        except StatementConflict as conflict:
            outcome["conflict"] = conflict
        finally:
            connections.close_all()

    threads = [threading.Thread(target=hold_first_open), threading.Thread(target=store_second)]
    for thread in threads:
        thread.start()
    try:
        inserted.wait(15)
        wait_until_a_backend_waits_for_a_lock()
    finally:
        release.set()
        for thread in threads:
            thread.join(30)
    assert not any(thread.is_alive() for thread in threads)
    return outcome


def test_the_same_statement_sent_twice_at_once_is_stored_once_and_both_are_accepted():
    statement_id = uuid.uuid4()

    outcome = race(learner_statement(statement_id), learner_statement(statement_id))

    assert outcome == {"ids": [str(statement_id)]}
    assert Statement.objects.filter(statement_id=statement_id).count() == 1


def test_another_statement_under_an_id_being_stored_at_once_is_a_conflict():
    statement_id = uuid.uuid4()

    outcome = race(
        learner_statement(statement_id), learner_statement(statement_id, verb="completed")
    )

    assert "is stored already with different content" in str(outcome["conflict"])
    stored = Statement.objects.get(statement_id=statement_id)
    assert stored.verb_id == "http://adlnet.gov/expapi/verbs/experienced"
