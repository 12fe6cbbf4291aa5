"""The document resources, Activities, Agents and About (xAPI 1.0.3 Communication §2.2–§2.8,
§3.1), driven over HTTP by the tincan client an LMS would use.

tincan 1.0.0 quirks these tests work around:
- save_state sends its PUT twice and drops `registration`; delete_state drops it too. Writes
  that need a registration or a single If-Match'd send go through `requests`.
- retrieve_* never fills in etag or content_type (it looks them up in the list of header
  tuples as if it were a dict), so tests read `response.response.getheader(...)`.
- retrieve_* of one document counts a 404 as success, so tests check the status.
"""

import base64
import hashlib
import json
import time
import uuid

import pytest
import requests
from django.utils import timezone
from tincan import (
    Activity,
    ActivityProfileDocument,
    Agent,
    AgentAccount,
    AgentProfileDocument,
    RemoteLRS,
    StateDocument,
)

from xapi.models import ActivityDefinition, Document, LRSClient

pytestmark = pytest.mark.django_db(transaction=True)

ACTIVITY = Activity(id="https://sensi.example/modules/phishing")
AGENT = Agent(name="Erika Mustermann", mbox="mailto:erika@example.org")
AGENT_JSON = AGENT.to_json("1.0.3")
VERSION = {"X-Experience-API-Version": "1.0.3"}


@pytest.fixture
def lrs(remote_lrs):
    return remote_lrs


@pytest.fixture
def http(lrs_endpoint, lrs_credentials):
    """A requests session for what tincan cannot send."""

    def send(method, resource, *, params, headers=None, **kwargs):
        return requests.request(
            method,
            lrs_endpoint + resource,
            params=params,
            headers={**VERSION, **(headers or {})},
            auth=lrs_credentials,
            timeout=10,
            **kwargs,
        )

    return send


def state(state_id, content, **kwargs):
    return StateDocument(
        id=state_id,
        activity=ACTIVITY,
        agent=AGENT,
        content=content,
        content_type="application/json",
        **kwargs,
    )


def state_params(**extra):
    return {"activityId": ACTIVITY.id, "agent": AGENT_JSON, **extra}


def status(response):
    return response.response.status


def etag(response):
    return response.response.getheader("ETag")


def quoted_sha1(content: bytes) -> str:
    return f'"{hashlib.sha1(content).hexdigest()}"'


# --- State resource (§2.3) -----------------------------------------------------------------


def test_state_is_saved_retrieved_listed_and_deleted(lrs):
    saved = lrs.save_state(state("bookmark", '{"page": 3}'))
    assert status(saved) == 204

    fetched = lrs.retrieve_state(ACTIVITY, AGENT, "bookmark")
    assert status(fetched) == 200
    assert bytes(fetched.content.content) == b'{"page": 3}'
    assert fetched.response.getheader("Content-Type") == "application/json"
    assert etag(fetched) == quoted_sha1(b'{"page": 3}')  # §3.1.s4.b2
    assert fetched.response.getheader("Last-Modified")

    listed = lrs.retrieve_state_ids(ACTIVITY, AGENT)
    assert listed.content == ["bookmark"]

    assert status(lrs.delete_state(fetched.content)) == 204
    assert status(lrs.retrieve_state(ACTIVITY, AGENT, "bookmark")) == 404
    assert lrs.retrieve_state_ids(ACTIVITY, AGENT).content == []
    assert not Document.objects.exists()


def test_state_with_registration_is_kept_apart_from_state_without(lrs, http):
    registration = str(uuid.uuid4())
    # tincan's save_state leaves out the registration, so this PUT goes through requests.
    response = http(
        "PUT",
        "activities/state",
        params=state_params(stateId="progress", registration=registration),
        headers={"Content-Type": "application/json"},
        data='{"attempt": 2}',
    )
    assert response.status_code == 204
    lrs.save_state(state("progress", '{"attempt": 1}'))

    with_registration = lrs.retrieve_state(ACTIVITY, AGENT, "progress", registration)
    without = lrs.retrieve_state(ACTIVITY, AGENT, "progress")
    assert bytes(with_registration.content.content) == b'{"attempt": 2}'
    assert bytes(without.content.content) == b'{"attempt": 1}'
    assert lrs.retrieve_state_ids(ACTIVITY, AGENT, registration).content == ["progress"]

    assert status(lrs.clear_state(ACTIVITY, AGENT, registration)) == 204
    assert lrs.retrieve_state_ids(ACTIVITY, AGENT, registration).content == []
    assert status(lrs.retrieve_state(ACTIVITY, AGENT, "progress")) == 200


def test_state_of_another_agent_or_activity_is_not_listed(lrs):
    other = Agent(account=AgentAccount(home_page="https://sensi.example", name="42"))
    lrs.save_state(state("mine", "{}"))
    lrs.save_state(StateDocument(id="theirs", activity=ACTIVITY, agent=other, content="{}"))
    lrs.save_state(
        StateDocument(
            id="elsewhere", activity=Activity(id="https://x.example/a"), agent=AGENT, content="{}"
        )
    )
    assert lrs.retrieve_state_ids(ACTIVITY, AGENT).content == ["mine"]
    assert lrs.retrieve_state_ids(ACTIVITY, other).content == ["theirs"]


def test_deleting_all_state_without_registration_deletes_every_registration(lrs, http):
    for registration in (str(uuid.uuid4()), str(uuid.uuid4())):
        http(
            "PUT",
            "activities/state",
            params=state_params(stateId="s", registration=registration),
            data="x",
        )
    lrs.save_state(state("t", "{}"))
    assert lrs.retrieve_state_ids(ACTIVITY, AGENT).content == ["s", "t"]

    assert status(lrs.clear_state(ACTIVITY, AGENT)) == 204  # §2.3.s5
    assert Document.objects.count() == 0


def test_since_lists_only_documents_updated_afterwards(lrs):
    lrs.save_state(state("before", "{}"))
    time.sleep(0.05)
    cut = timezone.now().isoformat()
    time.sleep(0.05)
    lrs.save_state(state("after", "{}"))

    listed = lrs.retrieve_state_ids(ACTIVITY, AGENT, since=cut)
    assert listed.content == ["after"]
    assert listed.response.getheader("Last-Modified")  # §2.2.s6.b2


def test_state_put_replaces_without_precondition_but_not_with_a_stale_one(lrs, http):
    lrs.save_state(state("score", '{"points": 1}'))
    old_etag = etag(lrs.retrieve_state(ACTIVITY, AGENT, "score"))
    lrs.save_state(state("score", '{"points": 2}'))  # §3.1.s3: state needs no If-Match

    stale = http(
        "PUT",
        "activities/state",
        params=state_params(stateId="score"),
        headers={"If-Match": old_etag},
        data='{"points": 3}',
    )
    assert stale.status_code == 412
    assert bytes(lrs.retrieve_state(ACTIVITY, AGENT, "score").content.content) == b'{"points": 2}'


def test_getting_a_missing_document_is_a_404(lrs):
    assert status(lrs.retrieve_state(ACTIVITY, AGENT, "nothing")) == 404
    assert status(lrs.retrieve_activity_profile(ACTIVITY, "nothing")) == 404
    assert status(lrs.retrieve_agent_profile(AGENT, "nothing")) == 404


# --- concurrency on the profile resources (§3.1) -----------------------------------------


def profile(profile_id, content, etag=None):
    return ActivityProfileDocument(
        id=profile_id, activity=ACTIVITY, content=content, content_type="text/plain", etag=etag
    )


def test_profile_put_with_current_if_match_replaces_and_a_stale_one_is_a_412(lrs):
    assert status(lrs.save_activity_profile(profile("settings", "v1"))) == 204
    first_etag = etag(lrs.retrieve_activity_profile(ACTIVITY, "settings"))

    assert status(lrs.save_activity_profile(profile("settings", "v2", first_etag))) == 204
    assert status(lrs.save_activity_profile(profile("settings", "v3", first_etag))) == 412

    fetched = lrs.retrieve_activity_profile(ACTIVITY, "settings")
    assert bytes(fetched.content.content) == b"v2"
    assert fetched.response.getheader("Content-Type") == "text/plain"


def test_profile_put_without_precondition_on_an_existing_document_is_a_409(lrs):
    assert status(lrs.save_activity_profile(profile("settings", "v1"))) == 204
    conflict = lrs.save_activity_profile(profile("settings", "v2"))
    assert status(conflict) == 409
    assert "If-Match" in json.loads(conflict.data)["error"]  # §3.1.s4.b14
    assert bytes(lrs.retrieve_activity_profile(ACTIVITY, "settings").content.content) == b"v1"


def test_if_none_match_star_creates_but_never_overwrites(http):
    params = {"activityId": ACTIVITY.id, "profileId": "once"}
    only_new = {"If-None-Match": "*"}
    first = http("PUT", "activities/profile", params=params, headers=only_new, data="a")
    second = http("PUT", "activities/profile", params=params, headers=only_new, data="b")
    assert (first.status_code, second.status_code) == (204, 412)
    assert bytes(Document.objects.get().content) == b"a"


def test_if_match_on_a_missing_document_is_a_412(http):
    params = {"activityId": ACTIVITY.id, "profileId": "ghost"}
    response = http("PUT", "activities/profile", params=params, headers={"If-Match": '"abc"'})
    assert response.status_code == 412
    assert not Document.objects.exists()


def test_delete_with_stale_if_match_is_a_412_and_keeps_the_document(lrs):
    lrs.save_activity_profile(profile("settings", "v1"))
    assert status(lrs.delete_activity_profile(profile("settings", "", '"0000"'))) == 412
    assert status(lrs.retrieve_activity_profile(ACTIVITY, "settings")) == 200


# --- JSON merge on POST (§2.2, JSON Procedure) ---------------------------------------------


def test_post_merges_top_level_keys_of_json_documents(lrs, http):
    lrs.save_state(state("vars", '{"x": "foo", "y": "bar", "nested": {"a": 1}}'))
    response = http(
        "POST",
        "activities/state",
        params=state_params(stateId="vars"),
        headers={"Content-Type": "application/json"},
        data='{"x": "bash", "z": "faz", "nested": {"b": 2}}',
    )
    assert response.status_code == 204

    fetched = lrs.retrieve_state(ACTIVITY, AGENT, "vars")
    content = bytes(fetched.content.content)
    assert json.loads(content) == {"x": "bash", "y": "bar", "z": "faz", "nested": {"b": 2}}
    assert etag(fetched) == quoted_sha1(content)


def test_post_creates_a_missing_json_document(lrs, http):
    response = http(
        "POST",
        "activities/state",
        params=state_params(stateId="new"),
        headers={"Content-Type": "application/json"},
        data='{"a": 1}',
    )
    assert response.status_code == 204
    assert json.loads(bytes(lrs.retrieve_state(ACTIVITY, AGENT, "new").content.content)) == {"a": 1}


@pytest.mark.parametrize(
    ("stored_type", "stored", "posted_type", "posted"),
    [
        ("application/json", '{"a": 1}', "text/plain", '{"b": 2}'),
        ("text/plain", "notes", "application/json", '{"b": 2}'),
        ("application/json", "[1, 2]", "application/json", '{"b": 2}'),
        ("application/json", '{"a": 1}', "application/json", "[3]"),
    ],
)
def test_post_that_cannot_be_merged_is_a_400_and_changes_nothing(
    http, stored_type, stored, posted_type, posted
):
    params = state_params(stateId="vars")
    http(
        "PUT", "activities/state", params=params, headers={"Content-Type": stored_type}, data=stored
    )
    response = http(
        "POST",
        "activities/state",
        params=params,
        headers={"Content-Type": posted_type},
        data=posted,
    )
    assert response.status_code == 400  # §2.2.s8.b1
    assert bytes(Document.objects.get().content) == stored.encode()


# --- parameters (§3.2.s3) ------------------------------------------------------------------


@pytest.mark.parametrize(
    "agent",
    ['{"mbox": "mailto:erika@example.org"', '{"name": "no identifier"}', '"mailto:a@b.example"'],
)
def test_malformed_agent_is_a_400_naming_agent_and_stores_nothing(http, agent):
    params = {"activityId": ACTIVITY.id, "agent": agent, "stateId": "s"}
    response = http("PUT", "activities/state", params=params, data="{}")
    assert response.status_code == 400
    assert response.json()["error"].startswith("agent")
    assert not Document.objects.exists()


def test_missing_activity_id_is_a_400_naming_it(http):
    response = http("GET", "activities/state", params={"agent": AGENT_JSON, "stateId": "s"})
    assert response.status_code == 400
    assert "activityId" in response.json()["error"]


@pytest.mark.parametrize(
    ("params", "named"),
    [
        (state_params(stateId="s", registration="not-a-uuid"), "registration"),
        (state_params(activityId="no iri", stateId="s"), "activityId"),
        (state_params(stateId="s", color="red"), "color"),
        (state_params(stateid="s"), "stateid"),  # §3.2.s3.b8: wrong case is unknown
        (state_params(stateId="s", since="2026-01-01T00:00:00Z"), "since"),
        (state_params(since="yesterday"), "since"),
    ],
)
def test_invalid_or_unknown_parameters_are_a_400_naming_them(http, params, named):
    response = http("GET", "activities/state", params=params)
    assert response.status_code == 400
    assert named in response.json()["error"]


def test_agent_profile_takes_an_agent_not_a_group(http):
    group = json.dumps({"objectType": "Group", "mbox": "mailto:team@example.org"})
    response = http("GET", "agents/profile", params={"agent": group})
    assert response.status_code == 400
    assert response.json()["error"].startswith("agent.objectType")


# --- credentials (§4 Security; the frame) -------------------------------------------------


def test_read_only_client_can_read_but_not_write(lrs_endpoint):
    client, secret = LRSClient.create(name="reports", can_read=True, can_write=False)
    reader = RemoteLRS(endpoint=lrs_endpoint, username=client.key, password=secret, version="1.0.3")

    assert status(reader.save_state(state("s", "{}"))) == 403
    assert status(reader.retrieve_state_ids(ACTIVITY, AGENT)) == 200
    assert not Document.objects.exists()


def test_request_without_credentials_is_a_401_and_stores_nothing(lrs_endpoint):
    anonymous = RemoteLRS(endpoint=lrs_endpoint, version="1.0.3")
    assert status(anonymous.save_activity_profile(profile("p", "x"))) == 401
    assert status(anonymous.retrieve_state_ids(ACTIVITY, AGENT)) == 401
    assert not Document.objects.exists()


# --- alternate request syntax (§1.3) -------------------------------------------------------


def test_alternate_request_syntax_puts_and_reads_state(lrs_endpoint, lrs_credentials, lrs):
    key, secret = lrs_credentials
    basic = "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()
    form = {
        "Authorization": basic,
        "X-Experience-API-Version": "1.0.3",
        "Content-Type": "application/json",
        "content": '{"from": "form"}',
        **state_params(stateId="cors"),
    }
    put = requests.post(lrs_endpoint + "activities/state?method=PUT", data=form, timeout=10)
    assert put.status_code == 204
    assert bytes(lrs.retrieve_state(ACTIVITY, AGENT, "cors").content.content) == (
        b'{"from": "form"}'
    )

    get = requests.post(
        lrs_endpoint + "activities/state?method=GET",
        data={"Authorization": basic, "X-Experience-API-Version": "1.0.3", **state_params()},
        timeout=10,
    )
    assert get.json() == ["cors"]


# --- Agent profile, Activities, Agents, About (§2.4–§2.8) ----------------------------------


def test_agent_profile_is_saved_retrieved_listed_and_deleted(lrs):
    document = AgentProfileDocument(
        id="preferences", agent=AGENT, content='{"lang": "de"}', content_type="application/json"
    )
    assert status(lrs.save_agent_profile(document)) == 204
    fetched = lrs.retrieve_agent_profile(AGENT, "preferences")
    assert bytes(fetched.content.content) == b'{"lang": "de"}'
    assert lrs.retrieve_agent_profile_ids(AGENT).content == ["preferences"]

    fetched.content.etag = etag(fetched)
    assert status(lrs.delete_agent_profile(fetched.content)) == 204
    assert lrs.retrieve_agent_profile_ids(AGENT).content == []


def test_activity_profile_ids_honour_since(lrs):
    lrs.save_activity_profile(profile("old", "x"))
    time.sleep(0.05)
    cut = timezone.now().isoformat()
    time.sleep(0.05)
    lrs.save_activity_profile(profile("new", "y"))
    assert lrs.retrieve_activity_profile_ids(ACTIVITY).content == ["new", "old"]
    assert lrs.retrieve_activity_profile_ids(ACTIVITY, since=cut).content == ["new"]


def test_activities_returns_the_known_definition_or_just_the_id(http):
    definition = {"name": {"de": "Phishing erkennen"}}
    ActivityDefinition.objects.create(activity_id=ACTIVITY.id, definition=definition)

    known = http("GET", "activities", params={"activityId": ACTIVITY.id}).json()
    unknown = http("GET", "activities", params={"activityId": "https://x.example/new"}).json()
    assert known == {"objectType": "Activity", "id": ACTIVITY.id, "definition": definition}
    assert unknown == {"objectType": "Activity", "id": "https://x.example/new"}


def test_agents_returns_a_person_with_the_agents_own_identifiers(http):
    response = http("GET", "agents", params={"agent": AGENT_JSON})
    assert response.json() == {
        "objectType": "Person",
        "name": ["Erika Mustermann"],
        "mbox": ["mailto:erika@example.org"],
    }


def test_about_answers_without_credentials(lrs_endpoint):
    # tincan 1.0.0's About refuses any version it does not know, "2.0.0" included, so this
    # reads /about with plain HTTP only.
    versions = ["2.0.0", "1.0.3", "1.0.2", "1.0.1", "1.0.0"]
    raw = requests.get(lrs_endpoint + "about", timeout=10)  # no version header either (§2.8.s5)
    assert raw.json() == {"version": versions, "extensions": {}}
    assert raw.headers["X-Experience-API-Version"] == "1.0.3"
