"""dbrouting: which reads go to the replica, without a replica (the router's rules)."""

import pytest
from django.http import StreamingHttpResponse

from dbrouting import routing
from dbrouting.routing import (
    REPLICA,
    ReplicaRouter,
    consistent_through,
    reads_from_replica,
    replica_reads,
    writes_not_read_back,
)

router = ReplicaRouter()


@pytest.fixture
def replica_up(monkeypatch):
    monkeypatch.setattr(routing, "_replica_usable", lambda: True)


def test_reads_outside_a_marked_view_use_the_primary(replica_up):
    assert router.db_for_read(object) is None


def test_a_marked_view_reads_from_the_replica_until_its_first_write(replica_up):
    with replica_reads():
        assert router.db_for_read(object) == REPLICA
        assert router.db_for_write(object) is None  # writes always go to the primary
        assert router.db_for_read(object) is None  # it must see what it wrote
    assert router.db_for_read(object) is None


def test_a_marked_view_reads_the_database_cache_from_the_primary(replica_up):
    from django.core.cache import caches

    cache_entry = caches["default"].cache_model_class  # the table is unlogged on PostgreSQL
    with replica_reads():
        assert router.db_for_read(cache_entry) is None
        assert router.db_for_read(object) == REPLICA


def test_a_write_the_view_does_not_read_back_keeps_the_replica(replica_up):
    with replica_reads():
        with writes_not_read_back():
            router.db_for_write(object)
        assert router.db_for_read(object) == REPLICA


def test_a_streamed_response_keeps_reading_from_the_replica_while_it_is_sent(replica_up):
    @reads_from_replica
    def view(request):
        return StreamingHttpResponse(router.db_for_read(object) for _ in range(2))

    response = view(None)
    assert router.db_for_read(object) is None  # the view has returned
    assert list(response.streaming_content) == [REPLICA.encode()] * 2


def test_an_unreachable_or_unconfigured_replica_is_not_used():
    with replica_reads():
        assert router.db_for_read(object) is None  # no DATABASE_REPLICA_URL in this run


def test_the_primary_is_consistent_through_now():
    with replica_reads():
        before = consistent_through()
    assert before <= consistent_through()


def test_the_replica_gets_no_migrations():
    assert router.allow_migrate(REPLICA, "xapi") is False
    assert router.allow_migrate("default", "xapi") is True
