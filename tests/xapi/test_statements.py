"""The Statements resource, xAPI 1.0.3 Communication §2.1, driven by the `tincan` client
(RemoteLRS) and plain HTTP against a live server."""

import base64
import hashlib
import json
import uuid

import pytest
import requests
from tincan import (
    Activity,
    Agent,
    AgentAccount,
    Context,
    ContextActivities,
    Statement,
    StatementRef,
    Verb,
)

from xapi.models import LRSClient
from xapi.models import Statement as StoredStatement

pytestmark = pytest.mark.django_db(transaction=True)

EXPERIENCED = Verb(id="http://adlnet.gov/expapi/verbs/experienced")
ANSWERED = Verb(id="http://adlnet.gov/expapi/verbs/answered")
VOIDED = Verb(id="http://adlnet.gov/expapi/verbs/voided")
HOME = "https://sensi.example"


def agent(name):
    return Agent(account=AgentAccount(home_page=HOME, name=name))


def activity(name):
    return Activity(id=f"{HOME}/xapi/activities/{name}")


def statement(actor="p1", verb=EXPERIENCED, obj="lesson-1", **kwargs):
    return Statement(actor=agent(actor), verb=verb, object=activity(obj), **kwargs)


def ids_of(response):
    assert response.success, response.data
    return [s.id for s in response.content.statements]


def query(remote_lrs, **params):
    return remote_lrs.query_statements(params)


# --- §2.1.1 PUT, §2.1.2 POST, §2.1.3 GET by id -----------------------------------------------


def test_statement_is_saved_and_retrieved_with_lrs_set_properties(remote_lrs):
    saved = remote_lrs.save_statement(statement())
    assert saved.success, saved.data
    statement_id = saved.content.id
    fetched = remote_lrs.retrieve_statement(statement_id)
    assert fetched.success
    stored = fetched.content
    assert stored.verb.id == EXPERIENCED.id
    assert stored.authority.account.name == "lrs-client/moodle"
    assert stored.stored is not None and stored.version.startswith("1.0")


def test_put_with_statement_id_and_resend_of_the_same_statement_is_accepted(remote_lrs):
    first = statement(id=uuid.uuid4())
    assert remote_lrs.save_statement(first).response.status == 204
    assert remote_lrs.save_statement(first).response.status == 204
    assert StoredStatement.objects.count() == 1


def test_same_id_with_different_content_is_a_conflict(remote_lrs):
    statement_id = uuid.uuid4()
    remote_lrs.save_statement(statement(id=statement_id))
    response = remote_lrs.save_statement(statement(id=statement_id, obj="lesson-2"))
    assert response.response.status == 409
    assert StoredStatement.objects.get().object_activity_id.endswith("lesson-1")


def test_batch_with_a_conflicting_resend_stores_none_of_its_new_statements(remote_lrs):
    statement_id = uuid.uuid4()
    remote_lrs.save_statement(statement(id=statement_id))
    batch = [statement(obj="lesson-9"), statement(id=statement_id, obj="lesson-2")]
    response = remote_lrs.save_statements(batch)
    assert response.response.status == 409
    assert str(statement_id) in response.data
    assert list(StoredStatement.objects.values_list("object_activity_id", flat=True)) == [
        f"{HOME}/xapi/activities/lesson-1"
    ]


def test_batch_resending_a_stored_statement_stores_only_the_new_one(remote_lrs):
    known = statement(id=uuid.uuid4())
    remote_lrs.save_statement(known)
    fresh = statement(id=uuid.uuid4(), obj="lesson-2")
    response = remote_lrs.save_statements([fresh, known])
    assert response.success, response.data
    assert [str(s.id) for s in response.content] == [str(fresh.id), str(known.id)]
    assert StoredStatement.objects.count() == 2


def test_batch_post_stores_all_and_returns_ids_in_order(remote_lrs):
    batch = [statement(obj=f"lesson-{n}") for n in range(5)]
    response = remote_lrs.save_statements(batch)
    assert response.success
    ids = [s.id for s in response.content]
    stored = StoredStatement.objects.in_bulk(
        [uuid.UUID(str(i)) for i in ids], field_name="statement_id"
    )
    assert len(stored) == 5


def test_batch_with_one_invalid_statement_stores_nothing_and_names_the_field(
    lrs_endpoint, lrs_http
):
    good = json.loads(statement().to_json())
    bad = json.loads(statement().to_json())
    bad["context"] = {"registration": "not-a-uuid"}
    response = lrs_http.post(lrs_endpoint + "statements", json=[good, bad])
    assert response.status_code == 400
    assert "statements[1].context.registration" in response.json()["error"]
    assert StoredStatement.objects.count() == 0


def test_get_of_an_unknown_statement_is_404(remote_lrs):
    response = remote_lrs.retrieve_statement(uuid.uuid4())
    assert response.response.status == 404


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body,message",
    [
        (b'{"actor": ', "malformed JSON"),
        (b'{"actor": {}, "actor": {}}', "duplicate key"),
        (b'{"result": {"score": {"raw": NaN}}}', "NaN"),
        (b"\xff\xfe", "UTF-8"),
        (b"[]", "empty"),
        (b'{"result": {"response": "a\\u0000b"}}', "NUL"),
        (b'{"result": {"response": "\\ud800"}}', "unpaired surrogate"),
    ],
    ids=["truncated", "duplicate-keys", "nan", "not-utf8", "empty-list", "nul", "lone-surrogate"],
)
def test_malformed_json_is_refused_with_a_precise_message(lrs_endpoint, lrs_http, body, message):
    response = lrs_http.post(
        lrs_endpoint + "statements", data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert response.headers["X-Experience-API-Version"] == "1.0.3"
    assert StoredStatement.objects.count() == 0


def test_oversized_body_is_refused_before_it_is_read(lrs_endpoint, lrs_http, settings):
    settings.SENSI_XAPI_MAX_BODY_BYTES = 1000
    huge = json.loads(statement().to_json())
    huge["result"] = {"response": "x" * 2000}
    response = lrs_http.post(lrs_endpoint + "statements", json=huge)
    assert response.status_code == 413
    assert StoredStatement.objects.count() == 0


def test_missing_version_header_is_refused(lrs_endpoint, lrs_credentials):
    response = requests.get(lrs_endpoint + "statements", auth=lrs_credentials)
    assert response.status_code == 400
    assert "X-Experience-API-Version" in response.json()["error"]


# --- authentication ------------------------------------------------------------------------


def test_wrong_or_missing_credentials_get_401_and_nothing_else(lrs_endpoint, lrs_credentials):
    key, _secret = lrs_credentials
    body = json.loads(statement().to_json())
    headers = {"X-Experience-API-Version": "1.0.3"}
    for auth in (None, (key, "wrong"), ("unknown", "x")):
        response = requests.post(lrs_endpoint + "statements", json=body, auth=auth, headers=headers)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Basic")
        assert set(response.json()) == {"error"}
    assert StoredStatement.objects.count() == 0


def test_revoked_credentials_no_longer_work(remote_lrs):
    LRSClient.objects.update(revoked_at="2026-01-01T00:00:00Z")
    assert remote_lrs.save_statement(statement()).response.status == 401


def test_a_read_only_client_cannot_write_but_can_read(lrs_endpoint):
    client, secret = LRSClient.create(name="reporting", can_read=True, can_write=False)
    from tincan import RemoteLRS

    reader = RemoteLRS(endpoint=lrs_endpoint, username=client.key, password=secret, version="1.0.3")
    assert reader.save_statement(statement()).response.status == 403
    assert reader.query_statements({}).success
    assert StoredStatement.objects.count() == 0


# --- §2.1.3 queries --------------------------------------------------------------------------


@pytest.fixture
def sample(remote_lrs):
    """Four statements with different agents, verbs, activities and a registration."""
    registration = uuid.uuid4()
    statements = [
        statement("p1", EXPERIENCED, "lesson-1"),
        statement("p2", EXPERIENCED, "lesson-2"),
        statement("p1", ANSWERED, "question-1", context=Context(registration=registration)),
        statement(
            "p3",
            ANSWERED,
            "question-2",
            context=Context(
                instructor=agent("teacher"),
                context_activities=ContextActivities(parent=[activity("lesson-1")]),
            ),
        ),
    ]
    response = remote_lrs.save_statements(statements)
    assert response.success
    return [s.id for s in response.content], registration


def test_query_by_agent(remote_lrs, sample):
    ids, _ = sample
    assert ids_of(query(remote_lrs, agent=agent("p1"))) == [ids[2], ids[0]]


def test_query_by_verb(remote_lrs, sample):
    ids, _ = sample
    assert ids_of(query(remote_lrs, verb=ANSWERED)) == [ids[3], ids[2]]


def test_query_by_activity_and_related_activities(remote_lrs, sample):
    ids, _ = sample
    assert ids_of(query(remote_lrs, activity=activity("lesson-1"))) == [ids[0]]
    related = query(remote_lrs, activity=activity("lesson-1"), related_activities=True)
    assert ids_of(related) == [ids[3], ids[0]]


def test_query_by_related_agents_includes_instructors(remote_lrs, sample):
    ids, _ = sample
    assert ids_of(query(remote_lrs, agent=agent("teacher"))) == []
    assert ids_of(query(remote_lrs, agent=agent("teacher"), related_agents=True)) == [ids[3]]


def test_query_by_registration(remote_lrs, sample):
    ids, registration = sample
    assert ids_of(query(remote_lrs, registration=registration)) == [ids[2]]


def test_query_since_until_and_ascending(remote_lrs, sample, lrs_endpoint, lrs_http):
    ids, _ = sample
    sample_stored = StoredStatement.objects.get(statement_id=ids[0]).stored
    later = remote_lrs.save_statement(statement("p4")).content.id
    newest = StoredStatement.objects.get(statement_id=later).stored
    since = query(remote_lrs, since=sample_stored.isoformat())
    assert later in ids_of(since) and ids[0] not in ids_of(since)
    until = lrs_http.get(lrs_endpoint + "statements", params={"until": newest.isoformat()}).json()
    assert str(later) in [s["id"] for s in until["statements"]]
    ascending = ids_of(query(remote_lrs, ascending=True))
    assert ascending[0] == ids[0] and ascending[-1] == later


def test_format_ids_reduces_agents_and_activities(lrs_endpoint, lrs_http, remote_lrs):
    full = statement()
    full.object.definition = {"name": {"de-DE": "Lektion", "en-US": "Lesson"}}
    remote_lrs.save_statement(full)
    result = lrs_http.get(lrs_endpoint + "statements", params={"format": "ids"}).json()
    stored = result["statements"][0]
    assert stored["object"] == {"id": f"{HOME}/xapi/activities/lesson-1"}
    assert set(stored["actor"]) == {"objectType", "account"}


def test_format_canonical_keeps_one_language(lrs_endpoint, lrs_http, remote_lrs):
    full = statement()
    full.object.definition = {"name": {"de-DE": "Lektion", "en-US": "Lesson"}}
    remote_lrs.save_statement(full)
    result = lrs_http.get(
        lrs_endpoint + "statements",
        params={"format": "canonical"},
        headers={"Accept-Language": "en-GB, de;q=0.5"},
    ).json()
    assert result["statements"][0]["object"]["definition"]["name"] == {"en-US": "Lesson"}


def test_more_paging_returns_everything_once_while_new_statements_arrive(remote_lrs):
    remote_lrs.save_statements([statement(obj=f"lesson-{n}") for n in range(7)])
    seen = []
    page = query(remote_lrs, limit=3)
    seen += ids_of(page)
    while page.content.more:
        remote_lrs.save_statement(statement(obj="arrived-later"))
        page = remote_lrs.more_statements(page.content)
        seen += ids_of(page)
    assert len(seen) == len(set(seen)) == 7


def test_tampered_more_link_is_refused(lrs_endpoint, lrs_http):
    response = lrs_http.get(lrs_endpoint + "statements", params={"more": "forged"})
    assert response.status_code == 400
    assert "more" in response.json()["error"]


def test_unknown_query_parameter_is_refused(lrs_endpoint, lrs_http):
    response = lrs_http.get(lrs_endpoint + "statements", params={"colour": "red"})
    assert response.status_code == 400
    assert "colour" in response.json()["error"]


def test_query_responses_carry_consistency_headers(lrs_endpoint, lrs_http, sample):
    response = lrs_http.get(lrs_endpoint + "statements")
    assert response.headers["X-Experience-API-Version"] == "1.0.3"
    assert response.headers["X-Experience-API-Consistent-Through"]
    assert response.headers["Last-Modified"]


# --- voiding (Data §2.2) ---------------------------------------------------------------------


def test_voided_statement_is_only_retrievable_as_voided(remote_lrs):
    target = remote_lrs.save_statement(statement()).content.id
    voiding = statement(verb=VOIDED)
    voiding.object = StatementRef(id=target)
    assert remote_lrs.save_statement(voiding).success
    assert remote_lrs.retrieve_statement(target).response.status == 404
    assert remote_lrs.retrieve_voided_statement(target).success
    assert target not in ids_of(query(remote_lrs))


def test_a_voiding_statement_cannot_be_voided(remote_lrs):
    target = remote_lrs.save_statement(statement()).content.id
    voiding = statement(verb=VOIDED)
    voiding.object = StatementRef(id=target)
    voiding_id = remote_lrs.save_statement(voiding).content.id
    second = statement(verb=VOIDED)
    second.object = StatementRef(id=voiding_id)
    response = remote_lrs.save_statement(second)
    assert response.response.status == 400
    assert remote_lrs.retrieve_statement(voiding_id).success


def test_a_batch_may_void_a_statement_it_stores_itself(remote_lrs):
    target = statement(id=uuid.uuid4())
    voiding = statement(verb=VOIDED)
    voiding.object = StatementRef(id=target.id)
    assert remote_lrs.save_statements([target, voiding]).success
    assert remote_lrs.retrieve_statement(target.id).response.status == 404
    assert remote_lrs.retrieve_voided_statement(target.id).success


def test_a_batch_voiding_its_own_voiding_statement_stores_nothing(remote_lrs):
    target = remote_lrs.save_statement(statement()).content.id
    voiding = statement(id=uuid.uuid4(), verb=VOIDED)
    voiding.object = StatementRef(id=target)
    second = statement(verb=VOIDED)
    second.object = StatementRef(id=voiding.id)
    response = remote_lrs.save_statements([voiding, second])
    assert response.response.status == 400
    assert "statements[1].object.id" in response.data
    assert StoredStatement.objects.count() == 1
    assert remote_lrs.retrieve_statement(target).success


# --- attachments (Data §2.4.11, Communication §1.5.2) ---------------------------------------


def multipart(statement_json: dict, content: bytes, sha2: str):
    boundary = "sensi-boundary"
    body = (
        (
            f"--{boundary}\r\nContent-Type: application/json\r\n\r\n"
            f"{json.dumps(statement_json)}\r\n"
            f"--{boundary}\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n"
            f"X-Experience-API-Hash: {sha2}\r\n\r\n"
        ).encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f'multipart/mixed; boundary="{boundary}"'


def with_attachment(content: bytes) -> dict:
    body = json.loads(statement().to_json())
    body["attachments"] = [
        {
            "usageType": "http://id.tincanapi.com/attachment/supporting_media",
            "display": {"de-DE": "Nachweis"},
            "contentType": "text/plain",
            "length": len(content),
            "sha2": hashlib.sha256(content).hexdigest(),
        }
    ]
    return body


def test_attachment_is_stored_and_returned_with_its_statement(lrs_endpoint, lrs_http):
    content = "Bestätigt am 27.11.".encode()
    body, content_type = multipart(
        with_attachment(content), content, hashlib.sha256(content).hexdigest()
    )
    response = lrs_http.post(
        lrs_endpoint + "statements", data=body, headers={"Content-Type": content_type}
    )
    assert response.status_code == 200, response.text
    fetched = lrs_http.get(
        lrs_endpoint + "statements",
        params={"statementId": response.json()[0], "attachments": "true"},
    )
    assert fetched.headers["Content-Type"].startswith("multipart/mixed")
    assert content in fetched.content


def test_attachment_whose_content_does_not_match_its_hash_is_refused(lrs_endpoint, lrs_http):
    content = b"original"
    body, content_type = multipart(
        with_attachment(content), b"tampered", hashlib.sha256(content).hexdigest()
    )
    response = lrs_http.post(
        lrs_endpoint + "statements", data=body, headers={"Content-Type": content_type}
    )
    assert response.status_code == 400
    assert "hash" in response.json()["error"]
    assert StoredStatement.objects.count() == 0


def test_attachment_without_its_part_is_refused(lrs_endpoint, lrs_http):
    response = lrs_http.post(lrs_endpoint + "statements", json=with_attachment(b"missing"))
    assert response.status_code == 400
    assert "attachments[0].sha2" in response.json()["error"]


# --- alternate request syntax (Communication §1.3) --------------------------------------------


def test_alternate_request_syntax_stores_and_reads(lrs_endpoint, lrs_credentials):
    key, secret = lrs_credentials
    token = base64.b64encode(f"{key}:{secret}".encode()).decode()
    statement_id = str(uuid.uuid4())
    form = {
        "Authorization": f"Basic {token}",
        "X-Experience-API-Version": "1.0.3",
        "Content-Type": "application/json",
        "statementId": statement_id,
        "content": statement().to_json(),
    }
    put = requests.post(lrs_endpoint + "statements", params={"method": "PUT"}, data=form)
    assert put.status_code == 204, put.text
    get = requests.post(
        lrs_endpoint + "statements",
        params={"method": "GET"},
        data={k: v for k, v in form.items() if k not in {"content", "Content-Type"}},
    )
    assert get.status_code == 200
    assert get.json()["id"] == statement_id


def test_unknown_lrs_resources_are_404_with_the_version_header_and_no_redirect(
    lrs_endpoint, lrs_http
):
    response = lrs_http.get(lrs_endpoint + "nothing-here", allow_redirects=False)
    assert response.status_code == 404
    assert response.headers["X-Experience-API-Version"] == "1.0.3"


# --- activity definitions (Communication §2.5) -----------------------------------------------


def test_statements_keep_the_latest_definition_of_their_activity(lrs_endpoint, lrs_http):
    def send(name: str) -> None:
        sent = json.loads(statement(obj="lesson-7").to_json())
        sent["object"]["definition"] = {"name": {"de": name}}
        assert lrs_http.post(lrs_endpoint + "statements", json=sent).status_code == 200

    def known() -> dict:
        params = {"activityId": f"{HOME}/xapi/activities/lesson-7"}
        return lrs_http.get(lrs_endpoint + "activities", params=params).json()["definition"]

    send("Router absichern")
    send("Router absichern")
    assert known() == {"name": {"de": "Router absichern"}}
    send("Den Router absichern")
    assert known() == {"name": {"de": "Den Router absichern"}}
