"""Migration xapi 0006 moves the per-statement agent and activity rows into lists on the
statement: the `agent` and `activity` filters (xAPI 1.0.3 Communication §2.1.3) find the
statements stored before it exactly as they did, and it can be reversed."""

import json
import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from xapi.agents import agent_ifi
from xapi.models import Statement
from xapi.queries import parse_query, run_query

BEFORE = [("xapi", "0005_launch_credentials")]
AFTER = [("xapi", "0006_statement_index_arrays")]

A = {"mbox": "mailto:a@example.org"}
B = {"mbox": "mailto:b@example.org"}
C = {"mbox": "mailto:c@example.org"}
AUTHORITY = {"account": {"homePage": "https://sensi.example", "name": "lrs-client/moodle"}}
X, P, Y = (f"https://sensi.example/activities/{name}" for name in "xpy")
VERB = "http://adlnet.gov/expapi/verbs/experienced"


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


# name: (actor, object, agent rows (agent, direct), activity rows (id, direct)) as the store
# wrote them before 0006
STORED = {
    "activity": (A, {"id": X}, [(A, True), (AUTHORITY, False)], [(X, True), (P, False)]),
    "agent": (A, {"objectType": "Agent", **B}, [(A, True), (B, True), (AUTHORITY, False)], []),
    "self": (B, {"objectType": "Agent", **B}, [(B, True), (AUTHORITY, False)], []),
    "group": (
        {"objectType": "Group", "member": [C]},
        {"id": Y},
        [(C, False), (AUTHORITY, False)],
        [(Y, True)],
    ),
}


def store_old_rows(apps) -> dict[str, uuid.UUID]:
    OldStatement = apps.get_model("xapi", "Statement")
    StatementAgent = apps.get_model("xapi", "StatementAgent")
    StatementActivity = apps.get_model("xapi", "StatementActivity")
    ids = {}
    for name, (actor, obj, agents, activities) in STORED.items():
        ids[name] = uuid.uuid4()
        statement = OldStatement.objects.create(
            statement_id=ids[name],
            stored=timezone.now(),
            timestamp=timezone.now(),
            actor_ifi=agent_ifi(actor) or "",
            verb_id=VERB,
            object_activity_id=obj.get("id", ""),
            comparison_hash="0" * 64,
            data={"id": str(ids[name]), "actor": actor, "verb": {"id": VERB}, "object": obj},
        )
        for agent, direct in agents:
            StatementAgent.objects.create(statement=statement, ifi=agent_ifi(agent), direct=direct)
        for activity, direct in activities:
            StatementActivity.objects.create(
                statement=statement, activity_id=activity, direct=direct
            )
    return ids


def found(**params) -> set[str]:
    query = parse_query(
        {
            key: str(value).lower() if isinstance(value, bool) else value
            for key, value in params.items()
        }
    )
    return {statement["id"] for statement in run_query(query).statements()}


def agent(who: dict) -> str:
    return json.dumps({"mbox": who["mbox"]})


@pytest.mark.django_db(transaction=True)
def test_statements_stored_before_0006_are_found_by_every_agent_and_activity_filter():
    apps = migrate(BEFORE)
    try:
        ids = {name: str(value) for name, value in store_old_rows(apps).items()}
        migrate(AFTER)
        rows = {str(s.statement_id): s for s in Statement.objects.all()}
        assert set(rows[ids["activity"]].agents) == {agent_ifi(A), agent_ifi(AUTHORITY)}
        assert set(rows[ids["activity"]].activities) == {X, P}
        assert rows[ids["activity"]].object_agent_ifi is None
        assert rows[ids["agent"]].object_agent_ifi == agent_ifi(B)
        assert rows[ids["self"]].object_agent_ifi == agent_ifi(B)
        assert rows[ids["group"]].object_agent_ifi is None

        assert found(agent=agent(A)) == {ids["activity"], ids["agent"]}
        assert found(agent=agent(B)) == {ids["agent"], ids["self"]}
        assert found(agent=agent(C)) == set()
        assert found(agent=agent(C), related_agents=True) == {ids["group"]}
        assert found(activity=X) == {ids["activity"]}
        assert found(activity=P) == set()
        assert found(activity=P, related_activities=True) == {ids["activity"]}
        assert found(activity=Y, related_activities=True) == {ids["group"]}

        apps = migrate(BEFORE)  # and back: the rows again, direct as before
        StatementAgent = apps.get_model("xapi", "StatementAgent")
        StatementActivity = apps.get_model("xapi", "StatementActivity")
        agent_rows = set(
            StatementAgent.objects.values_list("statement__statement_id", "ifi", "direct")
        )
        expected = {
            (uuid.UUID(ids[name]), agent_ifi(who), direct)
            for name, (_actor, _obj, agents, _activities) in STORED.items()
            for who, direct in agents
        }
        assert agent_rows == expected
        activity_rows = set(
            StatementActivity.objects.values_list(
                "statement__statement_id", "activity_id", "direct"
            )
        )
        assert activity_rows == {
            (uuid.UUID(ids[name]), activity, direct)
            for name, (_actor, _obj, _agents, activities) in STORED.items()
            for activity, direct in activities
        }
    finally:
        migrate(latest())
