"""dbrouting against a real PostgreSQL streaming replica (`bin/start-postgres --replica`,
which CI starts): the LRS's statement queries, the reports and "Meine Daten" read there,
Consistent-Through follows the replica's replay, and a replica that goes away leaves the
primary answering."""

import base64
import fcntl
import os
import time
import uuid
from datetime import datetime

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from compliance.reports.scopes import Role
from dbrouting import routing
from tests.compliance.reports.org import build_org, user_with
from tests.factories import sign_in_with_mfa
from xapi.models import LRSClient

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_REPLICA_URL"), reason="needs DATABASE_REPLICA_URL"
    ),
    pytest.mark.django_db(transaction=True, databases=["default", "replica"]),
]


@pytest.fixture(autouse=True)
def one_replica_test_at_a_time(tmp_path_factory):
    """Pausing the replica's replay (below) must not hold up another pytest-xdist worker's
    replica test, so the workers take turns: a lock file in the directory they share. (Not
    xdist's `xdist_group` mark: pytest-xdist 3.8 cannot group under pytest 9, whose node ids
    it no longer rewrites.)"""
    with open(tmp_path_factory.getbasetemp().parent / "replica-tests.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


VERSION = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}


@pytest.fixture(autouse=True)
def replica_on():
    routing._down_until = 0.0
    with override_settings(SENSI_READ_REPLICA=True):
        yield
    routing._down_until = 0.0


@pytest.fixture
def lrs(client):
    lrs_client, secret = LRSClient.create(name="moodle", can_read=True, can_write=True)
    token = base64.b64encode(f"{lrs_client.key}:{secret}".encode()).decode()
    auth = {"HTTP_AUTHORIZATION": f"Basic {token}", **VERSION}

    class LRS:
        def post(self) -> str:
            statement_id = str(uuid.uuid4())
            statement = {
                "id": statement_id,
                "actor": {"mbox": "mailto:learner@example.org"},
                "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
                "object": {"id": "https://sensi.example/xapi/activities/replica"},
            }
            response = client.post(
                "/xapi/statements", statement, content_type="application/json", **auth
            )
            assert response.status_code == 200, response.content
            return statement_id

        def get(self):
            response = client.get("/xapi/statements", **auth)
            assert response.status_code == 200, response.content
            ids = {s["id"] for s in response.json()["statements"]}
            through = datetime.fromisoformat(response["X-Experience-API-Consistent-Through"])
            return ids, through

    return LRS()


def on_replica(statement_id: str) -> bool:
    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT 1 FROM xapi_statement WHERE statement_id = %s", [statement_id])
        return cursor.fetchone() is not None


def replayed(statement_id: str, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while not on_replica(statement_id):
        assert time.monotonic() < deadline, "the replica did not replay the statement"
        time.sleep(0.1)


def stored_at(statement_id: str) -> datetime:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT stored FROM xapi_statement WHERE statement_id = %s", [statement_id])
        return cursor.fetchone()[0]


def test_statement_queries_read_from_the_replica(lrs):
    first = lrs.post()
    replayed(first)
    with CaptureQueriesContext(connections["replica"]) as on_the_replica:
        ids, through = lrs.get()
    assert first in ids
    assert any("xapi_statement" in q["sql"] for q in on_the_replica.captured_queries)
    assert through >= stored_at(first)


def test_consistent_through_stops_where_the_replica_stopped_replaying(lrs):
    replayed(lrs.post())
    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")
    try:
        time.sleep(0.5)  # the pause takes effect at the next record
        late = lrs.post()
        ids, through = lrs.get()
        assert late not in ids
        assert through < stored_at(late)  # the client knows it may miss newer statements
    finally:
        with connections["replica"].cursor() as cursor:
            cursor.execute("SELECT pg_wal_replay_resume()")
    replayed(late)
    ids, through = lrs.get()
    assert late in ids and through >= stored_at(late)


def test_a_replica_that_goes_away_leaves_the_primary_answering(lrs):
    replica = connections["replica"]
    port = replica.settings_dict["PORT"]
    replica.close()
    replica.settings_dict["PORT"] = "1"  # nothing listens there
    try:
        statement_id = lrs.post()
        with CaptureQueriesContext(connections["default"]) as on_the_primary:
            ids, _through = lrs.get()
        assert statement_id in ids  # read from the primary, at once
        assert any("xapi_statement" in q["sql"] for q in on_the_primary.captured_queries)
        assert routing._down_until > time.monotonic()  # not tried again for a while
    finally:
        replica.close()
        replica.settings_dict["PORT"] = port


def test_reports_and_my_data_read_from_the_replica(client, home):
    build_org(home)
    ciso = user_with(Role.CISO)
    sign_in_with_mfa(client, ciso)
    time.sleep(1)  # let the replica replay the organisation and the sign-in
    for url in (reverse("compliance:reports"), reverse("privacy:my_data")):
        with CaptureQueriesContext(connections["replica"]) as on_the_replica:
            response = client.get(url)
        assert response.status_code == 200, url
        assert on_the_replica.captured_queries, url
