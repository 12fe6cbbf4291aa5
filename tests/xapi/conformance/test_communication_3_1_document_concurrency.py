"""Communication §3.1, concurrency of the document resources under xAPI 1.0.3: the profile
resources need a precondition to replace a document, the State resource does not."""

import hashlib
import json

import pytest

from xapi.models import Document

from .conftest import activity, agent

AGENT = json.dumps(agent())
RESOURCES = {
    "activities/state": {"activityId": activity()["id"], "agent": AGENT, "stateId": "doc"},
    "activities/profile": {"activityId": activity()["id"], "profileId": "doc"},
    "agents/profile": {"agent": AGENT, "profileId": "doc"},
}
PROFILES = ["activities/profile", "agents/profile"]


def put(lrs, resource, content: bytes, **headers):
    return lrs.request("PUT", resource, RESOURCES[resource], content, **headers)


def stored(resource) -> bytes:
    return bytes(Document.objects.get().content)


def etag(content: bytes) -> str:
    return f'"{hashlib.sha1(content).hexdigest()}"'


@pytest.mark.parametrize("resource", RESOURCES)
def test_communication_3_1_s4_b1_b2_b4_get_has_the_quoted_sha1_etag(lrs, resource):
    assert put(lrs, resource, b'{"a": 1}', HTTP_IF_NONE_MATCH="*").status_code == 204
    response = lrs.request("GET", resource, RESOURCES[resource])
    assert response["ETag"] == etag(b'{"a": 1}')
    listing = {k: v for k, v in RESOURCES[resource].items() if k not in ("stateId", "profileId")}
    ids = lrs.request("GET", resource, listing)
    assert ids.json() == ["doc"] and ids["ETag"] == etag(ids.content)


@pytest.mark.parametrize("resource", PROFILES)
def test_communication_3_1_s4_b13_to_b15_profile_put_without_precondition_is_a_409(lrs, resource):
    assert put(lrs, resource, b'{"a": 1}').status_code == 204  # creating needs none
    response = put(lrs, resource, b'{"a": 2}')
    assert response.status_code == 409
    assert "If-Match" in response.json()["error"]
    assert stored(resource) == b'{"a": 1}'


def test_communication_3_1_s3_state_put_without_precondition_replaces(lrs):
    assert put(lrs, "activities/state", b'{"a": 1}').status_code == 204
    assert put(lrs, "activities/state", b'{"a": 2}').status_code == 204
    assert stored("activities/state") == b'{"a": 2}'


@pytest.mark.parametrize("resource", RESOURCES)
def test_communication_3_1_s4_b5_b9_b10_put_with_a_stale_if_match_is_a_412(lrs, resource):
    put(lrs, resource, b'{"a": 1}', HTTP_IF_NONE_MATCH="*")
    assert put(lrs, resource, b'{"a": 2}', HTTP_IF_MATCH=etag(b"old")).status_code == 412
    assert put(lrs, resource, b'{"a": 3}', HTTP_IF_MATCH=etag(b'{"a": 1}')).status_code == 204
    assert stored(resource) == b'{"a": 3}'


@pytest.mark.parametrize("resource", RESOURCES)
def test_communication_3_1_s4_b6_put_with_if_none_match_star_never_overwrites(lrs, resource):
    assert put(lrs, resource, b'{"a": 1}', HTTP_IF_NONE_MATCH="*").status_code == 204
    assert put(lrs, resource, b'{"a": 2}', HTTP_IF_NONE_MATCH="*").status_code == 412
    assert stored(resource) == b'{"a": 1}'


@pytest.mark.parametrize("resource", RESOURCES)
def test_communication_3_1_s4_b7_b8_b11_post_honours_its_preconditions(lrs, resource):
    params = RESOURCES[resource]
    put(lrs, resource, b'{"a": 1}', HTTP_IF_NONE_MATCH="*")
    stale = lrs.request("POST", resource, params, b'{"b": 2}', HTTP_IF_MATCH=etag(b"old"))
    assert stale.status_code == 412
    exists = lrs.request("POST", resource, params, b'{"b": 2}', HTTP_IF_NONE_MATCH="*")
    assert exists.status_code == 412
    assert stored(resource) == b'{"a": 1}'
    # §3.1.s3.b2: a precondition on POST is a SHOULD for clients, so 1.0.3 merges without one
    assert lrs.request("POST", resource, params, b'{"b": 2}').status_code == 204
    assert json.loads(stored(resource)) == {"a": 1, "b": 2}


@pytest.mark.parametrize("resource", RESOURCES)
def test_communication_3_1_s4_b7_b11_b12_delete_with_a_stale_if_match_is_a_412(lrs, resource):
    params = RESOURCES[resource]
    put(lrs, resource, b'{"a": 1}', HTTP_IF_NONE_MATCH="*")
    assert lrs.request("DELETE", resource, params, HTTP_IF_MATCH=etag(b"x")).status_code == 412
    assert Document.objects.exists()
    assert lrs.request("DELETE", resource, params).status_code == 204
    assert not Document.objects.exists()
