"""The statement table partitioned by month (xapi/partitioning.py, `partition_statements`):
the LRS's own scenarios run unchanged against it, statement ids stay unique across months,
and months are created ahead and dropped after the retention period. PostgreSQL only: the
module converts the test database's table once and converts it back at the end."""

import io
import uuid
from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from tests.xapi.test_concurrent_writes import (  # noqa: F401  (the id registry under a race)
    test_another_statement_under_an_id_being_stored_at_once_is_a_conflict,
    test_the_same_statement_sent_twice_at_once_is_stored_once_and_both_are_accepted,
)
from tests.xapi.test_moodle import test_the_plugin_replayed_end_to_end  # noqa: F401
from tests.xapi.test_statements import (  # noqa: F401  (collected here, on the partitioned table)
    sample,
    test_a_batch_may_void_a_statement_it_stores_itself,
    test_a_batch_voiding_its_own_voiding_statement_stores_nothing,
    test_a_voiding_statement_cannot_be_voided,
    test_attachment_is_stored_and_returned_with_its_statement,
    test_attachment_without_its_part_is_refused,
    test_batch_post_stores_all_and_returns_ids_in_order,
    test_batch_resending_a_stored_statement_stores_only_the_new_one,
    test_batch_with_a_conflicting_resend_stores_none_of_its_new_statements,
    test_batch_with_one_invalid_statement_stores_nothing_and_names_the_field,
    test_get_of_an_unknown_statement_is_404,
    test_more_paging_returns_everything_once_while_new_statements_arrive,
    test_put_with_statement_id_and_resend_of_the_same_statement_is_accepted,
    test_query_by_activity_and_related_activities,
    test_query_by_agent,
    test_query_by_registration,
    test_query_by_related_agents_includes_instructors,
    test_query_by_verb,
    test_query_responses_carry_consistency_headers,
    test_query_since_until_and_ascending,
    test_same_id_with_different_content_is_a_conflict,
    test_statement_is_saved_and_retrieved_with_lrs_set_properties,
    test_statements_keep_the_latest_definition_of_their_activity,
    test_voided_statement_is_only_retrievable_as_voided,
)
from xapi import partitioning
from xapi.models import Statement, StatementAttachment
from xapi.store import StatementConflict, store_statements

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="declarative partitioning is PostgreSQL's"
    ),
]

AUTHORITY = {"objectType": "Agent", "account": {"homePage": "https://sensi.example", "name": "t"}}


@pytest.fixture(scope="module", autouse=True)
def partitioned(django_db_setup, django_db_blocker):
    if connection.vendor != "postgresql":
        yield
        return
    with django_db_blocker.unblock():
        call_command("partition_statements", stdout=io.StringIO())
        yield
        call_command("partition_statements", "--revert", stdout=io.StringIO())


def raw_statement(statement_id=None, actor="p1", activity="lesson-1", **extra):
    statement = {
        "actor": {"account": {"homePage": "https://sensi.example", "name": actor}},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
        "object": {"id": f"https://sensi.example/xapi/activities/{activity}"},
        **extra,
    }
    if statement_id:
        statement["id"] = str(statement_id)
    return statement


def store_at(moment, *raws, **kwargs):
    with mock.patch("xapi.store.timezone.now", return_value=moment):
        return store_statements(list(raws), authority=AUTHORITY, **kwargs)


def registry():
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT statement_id, seq, stored FROM {partitioning.REGISTRY}")
        return {row[0]: (row[1], row[2]) for row in cursor.fetchall()}


def months_ago(count):
    month = partitioning.Month.of(timezone.now()).next(-count)
    return month.start + timedelta(days=3)


def test_the_table_is_partitioned_by_month_with_months_ahead():
    assert partitioning.is_partitioned()
    assert partitioning.months_ahead(timezone.now()) >= 3
    with connection.cursor() as cursor:  # lookups by id read one index per month
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [partitioning.ID_INDEX])
        assert cursor.fetchone()
    out = io.StringIO()
    call_command("partition_statements", "--check", stdout=out)
    assert "months after this one have a partition" in out.getvalue()


def test_every_stored_statement_is_registered_with_its_seq():
    ids = store_at(timezone.now(), raw_statement(), raw_statement(actor="p2"))
    stored = dict(Statement.objects.values_list("statement_id", "seq"))
    assert {str(id_) for id_ in stored} == set(ids)
    assert {id_: seq for id_, (seq, _stored) in registry().items()} == stored


def test_an_id_stored_in_an_older_month_is_unique_across_months():
    """The id lives in last month's partition; this month's partition alone would accept it
    again. The registry makes the resend a resend and the changed statement a conflict."""
    statement_id = uuid.uuid4()
    call_command("partition_statements", "--ensure", stdout=io.StringIO())
    with connection.cursor() as cursor:  # a month long ago, created by hand for this test
        cursor.execute(partitioning.create_month_sql(partitioning.Month.of(months_ago(2))))
    store_at(months_ago(2), raw_statement(statement_id))
    store_at(timezone.now(), raw_statement(statement_id))  # the same statement: accepted
    assert Statement.objects.filter(statement_id=statement_id).count() == 1
    with pytest.raises(StatementConflict):
        store_at(timezone.now(), raw_statement(statement_id, actor="someone-else"))
    assert Statement.objects.filter(statement_id=statement_id).count() == 1


def test_a_statement_whose_month_has_no_partition_is_refused_loudly():
    too_late = partitioning.Month.of(timezone.now()).next(12).start
    with pytest.raises(Exception, match="no partition"):
        store_at(too_late, raw_statement())
    assert not registry()


def test_ids_seq_and_stored_cannot_change():
    store_at(timezone.now(), raw_statement())
    with pytest.raises(Exception, match="do not change"):
        Statement.objects.update(stored=timezone.now() - timedelta(days=1))


def test_deleting_statements_through_django_unregisters_them():
    """privacy's purge_expired deletes statements row by row: their ids go with them."""
    ids = store_at(timezone.now(), raw_statement(), raw_statement(actor="p2"))
    Statement.objects.filter(statement_id=ids[0]).delete()
    assert set(map(str, registry())) == {ids[1]}
    store_at(timezone.now(), raw_statement(ids[0], actor="new content"))  # the id is free again


def test_ensure_creates_the_missing_months_and_check_fails_without_them():
    call_command("partition_statements", "--ensure", "--ahead", "5", stdout=io.StringIO())
    assert partitioning.months_ahead(timezone.now()) == 5
    later = timezone.now() + timedelta(days=31 * 5)
    with (
        mock.patch("django.utils.timezone.now", return_value=later),
        pytest.raises(CommandError, match="--ensure"),
    ):
        call_command("partition_statements", "--check", stdout=io.StringIO())
    out = io.StringIO()
    call_command("partition_statements", "--ensure", "--dry-run", stdout=out)
    assert out.getvalue().strip() == ""  # nothing missing


def test_drop_expired_drops_whole_months_with_their_ids_and_attachment_references():
    with connection.cursor() as cursor:
        for count in (14, 13, 12):
            cursor.execute(partitioning.create_month_sql(partitioning.Month.of(months_ago(count))))
    old = store_at(months_ago(14), raw_statement())
    borderline = store_at(months_ago(12), raw_statement())  # younger than 365 days, in part
    new = store_at(timezone.now(), raw_statement())
    seqs = dict(Statement.objects.values_list("statement_id", "seq"))
    StatementAttachment.objects.create(statement_id=seqs[uuid.UUID(old[0])], sha2="a" * 64)

    out = io.StringIO()
    call_command("partition_statements", "--drop-expired", "--dry-run", stdout=out)
    assert "DETACH PARTITION" in out.getvalue()
    assert Statement.objects.count() == 3

    call_command("partition_statements", "--drop-expired", "--retention-days", "365", stdout=out)
    kept = {str(id_) for id_ in Statement.objects.values_list("statement_id", flat=True)}
    assert kept == {borderline[0], new[0]}
    assert set(map(str, registry())) == kept
    assert not StatementAttachment.objects.exists()
    assert partitioning.Month.of(months_ago(14)) not in partitioning.months()
    assert partitioning.Month.of(months_ago(12)) in partitioning.months()


def test_converting_twice_is_refused():
    with pytest.raises(CommandError, match="partitioned already"):
        call_command("partition_statements", stdout=io.StringIO())


def test_the_month_names_and_bounds():
    month = partitioning.Month.of(datetime(2026, 12, 31, 23, 59, tzinfo=UTC))
    assert month.name == "xapi_statement_y2026m12"
    assert month.next().start == datetime(2027, 1, 1, tzinfo=UTC)
    assert month.next(-12) == partitioning.Month(2025, 12)
    assert partitioning.Month.parse(month.name) == month
