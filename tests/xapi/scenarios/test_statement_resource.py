"""Client scenarios on the Statements resource (1.0.3 Communication §2.1, 2.0 §4.1.6.1), each
run under xAPI 1.0.3 and 2.0.0 by every client of conftest.py. Where the versions differ, the
scenario says what each version expects."""

import hashlib
import json

from xapi.models import Statement as StoredStatement

from .statements import (
    ANSWERED,
    EXPERIENCED,
    INSTRUCTOR_TYPE,
    activity_id,
    agent,
    statement,
    voiding,
)


def ids(reply) -> list[str]:
    assert reply.status == 200, reply.body
    return [s["id"] for s in reply.json()["statements"]]


def test_statement_is_stored_and_read_back_in_the_clients_version(lrs):
    sent = statement()
    reply = lrs.save_statements([sent])
    assert reply.status == 200, reply.body
    assert reply.json() == [sent["id"]]
    assert reply.headers["X-Experience-API-Version"] == lrs.version
    fetched = lrs.statement(sent["id"])
    assert fetched.status == 200
    assert fetched.headers["X-Experience-API-Version"] == lrs.version
    stored = fetched.json()
    # 1.0.3 Data §2.4.10 / 2.0 §4.2.4.3: a statement without version gets the LRS's version
    assert stored["version"] == lrs.version
    assert stored["verb"]["id"] == EXPERIENCED
    assert stored["authority"]["account"]["name"] == "lrs-client/scenario"


def test_put_resend_is_accepted_and_different_content_conflicts(lrs):
    sent = statement()
    assert lrs.put_statement(sent).status == 204
    assert lrs.put_statement(sent).status == 204
    changed = {**sent, "object": {"objectType": "Activity", "id": activity_id("other")}}
    assert lrs.put_statement(changed).status == 409
    assert StoredStatement.objects.get().object_activity_id == activity_id("lesson-1")


def test_query_filters_by_agent_verb_and_activity_and_pages_with_more(lrs):
    batch = [
        statement("p1", obj="lesson-1"),
        statement("p1", obj="lesson-2"),
        statement("p1", verb=ANSWERED, obj="quiz"),
        statement("p2", obj="lesson-1"),
    ]
    assert lrs.save_statements(batch).status == 200
    first = lrs.query(agent=agent("p1"), verb=EXPERIENCED, limit=1)
    assert ids(first) == [batch[1]["id"]]  # newest first
    more = first.json()["more"]
    assert more
    second = lrs.more(more)
    assert ids(second) == [batch[0]["id"]]
    assert second.json()["more"] == ""
    by_activity = lrs.query(activity=activity_id("lesson-1"))
    assert ids(by_activity) == [batch[3]["id"], batch[0]["id"]]


def test_voided_statement_is_found_only_by_voided_statement_id(lrs):
    target = statement()
    lrs.save_statements([target])
    void = voiding(target["id"])
    assert lrs.save_statements([void]).status == 200
    assert lrs.statement(target["id"]).status == 404
    assert lrs.statement(target["id"], voided=True).status == 200
    # The voided statement is gone from queries; the voiding statement, whose StatementRef
    # targets a statement that matches, is returned (1.0.3 Communication §2.1.3.s3, §2.1.4.s1.b2)
    assert ids(lrs.query(agent=agent("p1"))) == [void["id"]]
    # 2.0 §4.2.5 as 1.0.3 Data §2.3.2: a voiding statement cannot be voided; Sensi refuses it
    assert lrs.save_statements([voiding(void["id"])]).status == 400
    assert lrs.statement(void["id"]).status == 200


def test_invalid_statement_in_a_batch_stores_nothing_and_names_the_field(lrs):
    broken = statement()
    del broken["verb"]
    reply = lrs.post_json("statements", [statement(), broken])
    assert reply.status == 400
    assert "statements[1].verb" in reply.json()["error"]
    assert not StoredStatement.objects.exists()


def test_related_agents_finds_an_instructor_the_agent_filter_does_not(lrs):
    sent = statement(context={"instructor": agent("teacher")})
    lrs.save_statements([sent])
    assert ids(lrs.query(agent=agent("teacher"))) == []
    assert ids(lrs.query(agent=agent("teacher"), related_agents="true")) == [sent["id"]]


def test_attachment_sent_as_multipart_comes_back_with_attachments_true(lrs):
    content = b"Teilnahmebescheinigung"
    sha2 = hashlib.sha256(content).hexdigest()
    sent = statement(
        attachments=[
            {
                "usageType": "http://id.tincanapi.com/attachment/certificate-of-completion",
                "display": {"de": "Bescheinigung"},
                "contentType": "text/plain",
                "length": len(content),
                "sha2": sha2,
            }
        ]
    )
    boundary = "sensi-scenario"
    body = (
        (
            f"--{boundary}\r\nContent-Type: application/json\r\n\r\n{json.dumps(sent)}\r\n"
            f"--{boundary}\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n"
            f"X-Experience-API-Hash: {sha2}\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    reply = lrs.request(
        "POST",
        "statements",
        body=body,
        content_type=f'multipart/mixed; boundary="{boundary}"',
    )
    assert reply.status == 200, reply.body
    fetched = lrs.request(
        "GET", "statements", params={"statementId": sent["id"], "attachments": "true"}
    )
    assert fetched.status == 200
    assert fetched.headers["Content-Type"].startswith("multipart/mixed")
    assert content in fetched.body


def test_context_agents_and_groups_exist_in_2_0_only(lrs):
    """2.0 §4.2.2.5: contextAgents and contextGroups; 1.0.3 knows no such context property,
    so it refuses them (1.0.3 Data §2.2.s4.b1: no properties outside the specification)."""
    sent = statement(
        context={
            "contextAgents": [
                {
                    "objectType": "contextAgent",
                    "agent": agent("coach"),
                    "relevantTypes": [INSTRUCTOR_TYPE],
                }
            ],
            "contextGroups": [
                {
                    "objectType": "contextGroup",
                    "group": {"objectType": "Group", "member": [agent("peer-1"), agent("peer-2")]},
                }
            ],
        }
    )
    reply = lrs.post_json("statements", sent)
    if lrs.version.startswith("1."):
        assert reply.status == 400
        assert "context.contextAgents" in reply.json()["error"]
        return
    assert reply.status == 200, reply.body
    # 2.0 §4.1.6.1: related_agents matches context agents and the members of context groups
    assert ids(lrs.query(agent=agent("coach"), related_agents="true")) == [sent["id"]]
    assert ids(lrs.query(agent=agent("peer-2"), related_agents="true")) == [sent["id"]]
    assert ids(lrs.query(agent=agent("coach"))) == []
    stored = lrs.statement(sent["id"]).json()
    assert stored["context"]["contextAgents"] == sent["context"]["contextAgents"]
    reduced = lrs.statement(sent["id"], format="ids").json()
    assert reduced["context"]["contextAgents"][0]["agent"] == agent("coach")


def test_timestamp_without_offset_is_accepted_in_1_0_3_and_refused_in_2_0(lrs):
    reply = lrs.post_json("statements", statement(timestamp="2026-12-06T10:00:00"))
    if lrs.version.startswith("1."):
        assert reply.status == 200  # 1.0.3 Data §2.4.7: "SHOULD" carry a time zone
    else:
        assert reply.status == 400  # 2.0: timestamps are RFC 3339, with an offset
        assert "statements[0].timestamp" in reply.json()["error"]


def test_timestamp_with_offset_is_kept_in_1_0_3_and_converted_to_utc_in_2_0(lrs):
    sent = statement(timestamp="2026-12-06T11:30:00.250+01:00")
    assert lrs.post_json("statements", sent).status == 200
    stored = lrs.statement(sent["id"]).json()
    if lrs.version.startswith("1."):
        assert stored["timestamp"] == "2026-12-06T11:30:00.250+01:00"
    else:
        assert stored["timestamp"] == "2026-12-06T10:30:00.250Z"  # 2.0 §4.2.7


def test_statement_version_2_0_0_needs_a_2_0_client(lrs):
    sent = statement(version="2.0.0")
    reply = lrs.post_json("statements", sent)
    if lrs.version.startswith("1."):
        assert reply.status == 400  # 1.0.3 Data §2.4.10: only 1.0.x
        return
    assert reply.status == 200
    assert lrs.statement(sent["id"]).json()["version"] == "2.0.0"
    older = statement(version="1.0.3")  # 2.0 §4.2.4.3: kept as accepted
    assert lrs.post_json("statements", older).status == 200
    assert lrs.statement(older["id"]).json()["version"] == "1.0.3"
