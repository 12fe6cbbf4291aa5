"""An LRS client over Django's test client for the conformance tests: each test names the
xAPI 1.0.3 clause it checks (Data §…, Communication §…)."""

import base64
import json
import uuid
from urllib.parse import urlencode

import pytest

from xapi.models import LRSClient

VERSION = "1.0.3"
HOME = "https://sensi.example"


def agent(name: str = "p1") -> dict:
    return {"objectType": "Agent", "account": {"homePage": HOME, "name": name}}


def activity(slug: str = "lesson-1", **definition) -> dict:
    result = {"objectType": "Activity", "id": f"{HOME}/xapi/activities/{slug}"}
    if definition:
        result["definition"] = definition
    return result


def statement(actor: str = "p1", verb: str = "experienced", obj: dict | None = None, **more):
    return {
        "id": str(uuid.uuid4()),
        "actor": agent(actor),
        "verb": {"id": f"http://adlnet.gov/expapi/verbs/{verb}", "display": {"en-US": verb}},
        "object": obj or activity(),
        **more,
    }


class LRS:
    def __init__(self, client, authorization: str):
        self.client = client
        self.authorization = authorization

    def request(
        self,
        method: str,
        resource: str,
        params: dict | None = None,
        body=b"",
        content_type: str = "application/json",
        **headers,
    ):
        path = f"/xapi/{resource}" + (f"?{urlencode(params)}" if params else "")
        if isinstance(body, dict | list):
            body = json.dumps(body)
        extra = {
            "HTTP_AUTHORIZATION": self.authorization,
            "HTTP_X_EXPERIENCE_API_VERSION": VERSION,
        }
        extra.update(headers)
        return self.client.generic(method, path, body, content_type=content_type, **extra)

    def post(self, statements, **kwargs):
        return self.request("POST", "statements", body=statements, **kwargs)

    def get(self, **params):
        return self.request("GET", "statements", params=params)

    def ids(self, **params) -> list[str]:
        response = self.get(**params)
        assert response.status_code == 200, response.content
        return [s["id"] for s in response.json()["statements"]]


def basic(key: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()


@pytest.fixture
def lrs_client(db):
    return LRSClient.create(name="conformance", can_read=True, can_write=True)


@pytest.fixture
def lrs(client, lrs_client):
    return LRS(client, basic(lrs_client[0].key, lrs_client[1]))
