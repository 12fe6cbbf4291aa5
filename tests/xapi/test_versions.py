"""xapi/versions.py and the xAPI 2.0 (IEEE 9274.1.1-2023) rules it switches on: version
negotiation (2.0 §4.1.7), context agents and groups (2.0 §4.2.2.5) in statements and
SubStatements, and what stays 1.0.3 outside requests."""

import base64
import json
import uuid

import pytest

from tests.xapi.scenarios.statements import INSTRUCTOR_TYPE, agent, statement
from xapi import versions
from xapi.models import LRSClient
from xapi.models import Statement as StoredStatement
from xapi.store import store_statements
from xapi.validation import validate_statement
from xapi.values import StatementInvalid

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(client):
    record, secret = LRSClient.create(name="v2", can_read=True, can_write=True)
    token = base64.b64encode(f"{record.key}:{secret}".encode()).decode()

    def send(body, version="2.0.0"):
        return client.post(
            "/xapi/statements",
            json.dumps(body),
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Basic {token}",
            HTTP_X_EXPERIENCE_API_VERSION=version,
        )

    send.auth = f"Basic {token}"
    return send


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("1.0", versions.XAPI_1_0_3),
        ("1.0.0", versions.XAPI_1_0_3),
        ("1.0.3", versions.XAPI_1_0_3),
        (" 2.0 ", None),
        ("2.0.0", versions.XAPI_2_0_0),
        ("2.0.9", versions.XAPI_2_0_0),
        ("2.1.0", None),
        ("1.0.3.1", None),
        ("", None),
        (None, None),
    ],
)
def test_negotiate_maps_each_header_to_its_version(header, expected):
    assert versions.negotiate(header) is expected


def test_outside_a_request_statements_are_validated_and_stamped_as_1_0_3():
    """Sensi's own recording (xapi.recording, built with tincan) stays xAPI 1.0.3."""
    assert versions.current() is versions.XAPI_1_0_3
    [statement_id] = store_statements([statement()], authority=agent("sensi"))
    assert StoredStatement.objects.get().data["version"] == "1.0.3"
    assert statement_id


def test_activate_switches_the_rules_and_restores_them():
    with_agents = statement(
        context={"contextAgents": [{"objectType": "contextAgent", "agent": agent("coach")}]}
    )
    with pytest.raises(StatementInvalid):
        validate_statement(with_agents)
    with versions.activate(versions.XAPI_2_0_0):
        validate_statement(with_agents)
    assert versions.current() is versions.XAPI_1_0_3


CONTEXT_AGENT = {"objectType": "contextAgent", "agent": agent("coach")}
CONTEXT_GROUP = {
    "objectType": "contextGroup",
    "group": {"objectType": "Group", "mbox": "mailto:team@example.org"},
}


@pytest.mark.parametrize(
    ("context", "path"),
    [
        ({"contextAgents": CONTEXT_AGENT}, "contextAgents"),
        (
            {"contextAgents": [{**CONTEXT_AGENT, "objectType": "Agent"}]},
            "contextAgents[0].objectType",
        ),
        ({"contextAgents": [{"objectType": "contextAgent"}]}, "contextAgents[0].agent"),
        (
            {
                "contextAgents": [
                    {**CONTEXT_AGENT, "agent": {"objectType": "Group", "member": [agent("a")]}}
                ]
            },
            "contextAgents[0].agent.member",  # a Group is no Agent
        ),
        (
            {"contextAgents": [{**CONTEXT_AGENT, "agent": {"key": "x"}}]},
            "contextAgents[0].agent.key",
        ),
        (
            {"contextAgents": [{**CONTEXT_AGENT, "relevantTypes": []}]},
            "contextAgents[0].relevantTypes",
        ),
        (
            {"contextAgents": [{**CONTEXT_AGENT, "relevantTypes": ["abc"]}]},
            "contextAgents[0].relevantTypes[0]",
        ),
        ({"contextAgents": [{**CONTEXT_AGENT, "role": "x"}]}, "contextAgents[0].role"),
        (
            {"contextGroups": [{**CONTEXT_GROUP, "objectType": "Should fail"}]},
            "contextGroups[0].objectType",
        ),
        (
            {"contextGroups": [{"objectType": "contextGroup", "group": {"key": "x"}}]},
            "contextGroups[0].group",
        ),
        (
            {"contextGroups": [{**CONTEXT_GROUP, "group": agent("solo")}]},
            "contextGroups[0].group.objectType",
        ),
        (
            {"contextGroups": [{**CONTEXT_GROUP, "relevantTypes": []}]},
            "contextGroups[0].relevantTypes",
        ),
        (
            {"contextGroups": [{**CONTEXT_GROUP, "relevantTypes": [1]}]},
            "contextGroups[0].relevantTypes[0]",
        ),
    ],
)
def test_invalid_context_agents_and_groups_are_refused_with_their_path(post, context, path):
    """2.0 §4.2.2.5, as the ADL 2.0 test suite checks them (configs/contextagents.js and
    contextgroups.js), in a statement and in a SubStatement."""
    response = post(statement(context=context))
    assert response.status_code == 400
    assert f"context.{path}" in response.json()["error"]
    sub = statement()
    sub["object"] = {**statement(context=context), "objectType": "SubStatement"}
    del sub["object"]["id"]
    response = post(sub)
    assert response.status_code == 400
    assert f"object.context.{path}" in response.json()["error"]
    assert not StoredStatement.objects.exists()


def test_valid_context_agents_and_groups_are_stored_in_a_statement_and_a_substatement(post):
    context = {
        "contextAgents": [{**CONTEXT_AGENT, "relevantTypes": [INSTRUCTOR_TYPE]}, CONTEXT_AGENT],
        "contextGroups": [
            CONTEXT_GROUP,
            {
                "objectType": "contextGroup",
                "group": {"objectType": "Group", "member": [agent("a")]},
            },
        ],
    }
    sub = statement()
    sub["object"] = {**statement(context=context), "objectType": "SubStatement"}
    del sub["object"]["id"]
    for body in (statement(context=context), sub):
        response = post(body)
        assert response.status_code == 200, response.content
    assert StoredStatement.objects.count() == 2


def test_context_agents_are_refused_from_a_1_0_3_client(post):
    response = post(statement(context={"contextAgents": [CONTEXT_AGENT]}), version="1.0.3")
    assert response.status_code == 400
    assert "context.contextAgents: is not a property allowed here" in response.json()["error"]


def test_2_0_timestamps_need_an_offset_also_in_a_substatement(post):
    sub = statement()
    sub["object"] = {**statement(timestamp="2026-12-06T10:00:00"), "objectType": "SubStatement"}
    del sub["object"]["id"]
    response = post(sub)
    assert response.status_code == 400
    assert "object.timestamp" in response.json()["error"]
    assert post(sub, version="1.0.3").status_code == 200


def test_2_0_statement_version_other_than_1_0_x_or_2_0_0_is_refused(post):
    for version in ("2.0", "2.1.0", "3.0.0"):
        response = post(statement(version=version))
        assert response.status_code == 400
        assert "version: must be 1.0.x or 2.0.0" in response.json()["error"]


def test_2_0_stored_statement_is_stamped_2_0_0(post):
    sent = statement(id=str(uuid.uuid4()))
    assert post(sent).status_code == 200
    assert StoredStatement.objects.get().data["version"] == "2.0.0"


def test_a_1_0_3_reader_finds_statements_by_their_2_0_context_agents(post, client):
    """Statements are returned as stored whatever the reader's version; related_agents
    matches context agents for a 1.0.3 reader too."""
    sent = statement(context={"contextAgents": [CONTEXT_AGENT]})
    assert post(sent).status_code == 200
    response = client.get(
        "/xapi/statements",
        {"agent": json.dumps(agent("coach")), "related_agents": "true"},
        HTTP_AUTHORIZATION=post.auth,
        HTTP_X_EXPERIENCE_API_VERSION="1.0.3",
    )
    assert response.status_code == 200
    assert response["X-Experience-API-Version"] == "1.0.3"
    [found] = response.json()["statements"]
    assert found["id"] == sent["id"]
    assert found["version"] == "2.0.0"
    assert found["context"]["contextAgents"] == [CONTEXT_AGENT]
