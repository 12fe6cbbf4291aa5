"""Communication §1.1.s3.b1: the LRS answers HEAD on every resource like GET, without a body.

The view is called directly (Django's test client drops HEAD bodies itself, as most servers
do, which would hide a view that sends one)."""

import json

import pytest
from django.test import RequestFactory
from django.urls import resolve

from xapi.models import ActivityDefinition, Document

from .conftest import HOME, VERSION, activity, agent, statement

AGENT = json.dumps(agent())
ACTIVITY = activity()["id"]

RESOURCES = {
    "statements": {},
    "about": {},
    "activities": {"activityId": ACTIVITY},
    "activities/state": {"activityId": ACTIVITY, "agent": AGENT, "stateId": "s"},
    "activities/profile": {"activityId": ACTIVITY, "profileId": "p"},
    "agents": {"agent": AGENT},
    "agents/profile": {"agent": AGENT, "profileId": "p"},
}


@pytest.fixture
def stored(lrs):
    assert lrs.post(statement()).status_code == 200
    ActivityDefinition.objects.create(activity_id=ACTIVITY, definition={"name": {"de": "L"}})
    for resource, params in RESOURCES.items():
        if resource.endswith(("state", "profile")):
            response = lrs.request("PUT", resource, params, b'{"a": 1}', HTTP_IF_NONE_MATCH="*")
            assert response.status_code == 204, response.content
    assert Document.objects.count() == 3


def call(lrs, method: str, resource: str, params: dict):
    request = getattr(RequestFactory(), method.lower())(
        f"/xapi/{resource}",
        params,
        HTTP_AUTHORIZATION=lrs.authorization,
        HTTP_X_EXPERIENCE_API_VERSION=VERSION,
    )
    return resolve(f"/xapi/{resource}").func(request)


@pytest.mark.parametrize("resource", RESOURCES)
def test_communication_1_1_s3_b1_head_answers_like_get_without_a_body(lrs, stored, resource):
    params = RESOURCES[resource]
    get = call(lrs, "GET", resource, params)
    head = call(lrs, "HEAD", resource, params)
    assert get.status_code == head.status_code == 200
    assert get.content and head.content == b""
    assert head["Content-Type"] == get["Content-Type"]
    assert head["Content-Length"] == str(len(get.content))
    for name in ("ETag", "Last-Modified"):
        assert (name in head) == (name in get)


def test_communication_1_1_s3_b1_head_of_a_missing_document_is_a_404_without_body(lrs, db):
    params = {**RESOURCES["activities/state"], "stateId": "missing"}
    head = call(lrs, "HEAD", "activities/state", params)
    assert head.status_code == 404 and head.content == b""


def test_communication_1_1_s3_b1_head_through_the_test_client_is_allowed(lrs, stored):
    for resource, params in RESOURCES.items():
        assert lrs.request("HEAD", resource, params).status_code == 200, resource
    assert HOME


@pytest.mark.django_db(transaction=True)
def test_communication_1_1_s3_b1_head_over_http_sends_headers_only(live_server, lrs_client):
    """Through a real server: the answer ends after the headers, and the next request on the
    same connection still works (a body after a HEAD answer would corrupt it)."""
    import requests

    with requests.Session() as session:
        session.auth = (lrs_client[0].key, lrs_client[1])
        session.headers["X-Experience-API-Version"] = VERSION
        head = session.head(f"{live_server.url}/xapi/statements", timeout=10)
        get = session.get(f"{live_server.url}/xapi/statements", timeout=10)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["Content-Length"] == str(len(get.content))
    assert get.json() == {"statements": [], "more": ""}
