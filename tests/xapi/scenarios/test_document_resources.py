"""Client scenarios on the document resources and their concurrency rules (1.0.3
Communication §2.2–§2.7 and §3.1; 2.0 §4.1.4 and §4.1.6.2–§4.1.6.6), under xAPI 1.0.3 and
2.0.0. Documents go through plain HTTP for every client: tincan 1.0.0 sends its state PUT
twice and drops preconditions (see tests/xapi/test_documents.py)."""

import json

import pytest

from .statements import activity_id, agent

ACTIVITY = activity_id("phishing")
AGENT = json.dumps(agent("p1"))
RESOURCES = {
    "state": ("activities/state", {"activityId": ACTIVITY, "agent": AGENT, "stateId": "s"}),
    "activity profile": ("activities/profile", {"activityId": ACTIVITY, "profileId": "p"}),
    "agent profile": ("agents/profile", {"agent": AGENT, "profileId": "p"}),
}


@pytest.fixture(params=list(RESOURCES))
def resource(request):
    return RESOURCES[request.param]


def put(lrs, resource, value, **headers):
    path, params = resource
    body = json.dumps(value).encode()
    return lrs.request(
        "PUT", path, params=params, body=body, content_type="application/json", headers=headers
    )


def get(lrs, resource):
    path, params = resource
    return lrs.request("GET", path, params=params)


def test_put_replacing_a_document_without_precondition(lrs, resource):
    """1.0.3 §3.1 lets a state PUT replace a document without If-Match; 2.0 §4.1.4 puts State
    under the same concurrency control as the profiles: 409, and nothing changes."""
    assert put(lrs, resource, {"page": 1}).status == 204
    reply = put(lrs, resource, {"page": 2})
    is_state = resource[0] == "activities/state"
    if is_state and lrs.version.startswith("1."):
        assert reply.status == 204
        assert get(lrs, resource).json() == {"page": 2}
    else:
        assert reply.status == 409
        assert "If-Match" in reply.json()["error"]
        assert get(lrs, resource).json() == {"page": 1}


def test_put_with_the_current_etag_replaces_and_a_stale_one_is_refused(lrs, resource):
    put(lrs, resource, {"page": 1})
    etag = get(lrs, resource).headers["ETag"]
    assert put(lrs, resource, {"page": 2}, **{"If-Match": etag}).status == 204
    assert put(lrs, resource, {"page": 3}, **{"If-Match": etag}).status == 412
    assert put(lrs, resource, {"page": 3}, **{"If-None-Match": "*"}).status == 412
    assert get(lrs, resource).json() == {"page": 2}


def test_missing_document(lrs, resource):
    """Both versions: a missing document is a 404; a PUT without precondition creates it;
    If-Match cannot match a document that is not there (412, RFC 2616 §14.24); DELETE of
    a missing document is done already (204)."""
    path, params = resource
    assert get(lrs, resource).status == 404
    assert put(lrs, resource, {"page": 1}, **{"If-Match": '"' + "0" * 40 + '"'}).status == 412
    assert get(lrs, resource).status == 404
    assert lrs.request("DELETE", path, params=params).status == 204
    assert put(lrs, resource, {"page": 1}, **{"If-None-Match": "*"}).status == 204
    assert get(lrs, resource).json() == {"page": 1}


def test_post_merges_into_an_existing_document_without_precondition(lrs, resource):
    """POST merges top-level keys (§2.2). 2.0 §4.1.4 asks a precondition of PUT only, and the
    ADL 2.0 test suite posts to existing documents without one, so POST needs none in
    either version; a wrong If-Match still fails."""
    path, params = resource
    put(lrs, resource, {"page": 1, "score": 5})
    reply = lrs.post_json(path, {"page": 2}, params=params)
    assert reply.status == 204
    assert get(lrs, resource).json() == {"page": 2, "score": 5}
    stale = lrs.post_json(path, {"page": 3}, params=params, headers={"If-Match": '"stale"'})
    assert stale.status == 412
