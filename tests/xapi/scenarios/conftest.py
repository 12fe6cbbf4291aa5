"""The client-scenario suite: every scenario runs under xAPI 1.0.3 and 2.0.0, through two
clients each:

- `django`: plain HTTP through Django's test client;
- `live`: against pytest-django's live server, with the `tincan` client for 1.0.3 and plain
  HTTP (`requests`) for 2.0.0, because tincan speaks 1.0.x only.

A scenario talks to `lrs`, which offers the few operations the scenarios need; what tincan
cannot send (documents with preconditions, multipart bodies) goes through `lrs.request`,
which is plain HTTP for every client.
"""

import base64
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

import pytest
import requests
from tincan import Activity, Agent, RemoteLRS, Verb
from tincan import Statement as TinCanStatement

from xapi.models import LRSClient

VERSIONS = ("1.0.3", "2.0.0")
CLIENTS = ("django", "live")


@dataclass
class Reply:
    status: int
    headers: Mapping[str, str]  # case-insensitive
    body: bytes = field(repr=False)

    def json(self):
        return json.loads(self.body)


class HttpLRS:
    """The LRS through plain HTTP; `send` is Django's test client or requests."""

    def __init__(self, send, version: str, credentials: tuple[str, str]):
        self._send = send
        self.version = version
        token = base64.b64encode(":".join(credentials).encode()).decode()
        self.authorization = f"Basic {token}"  # for the alternate request syntax's form

    def request(self, method, resource, *, params=None, body=b"", content_type=None, headers=()):
        all_headers = {"X-Experience-API-Version": self.version, **dict(headers)}
        if content_type:
            all_headers["Content-Type"] = content_type
        return self._send(method, resource, params or {}, body, all_headers)

    def post_json(self, resource, value, **kwargs) -> Reply:
        body = json.dumps(value).encode()
        return self.request("POST", resource, body=body, content_type="application/json", **kwargs)

    def save_statements(self, statements: list[dict]) -> Reply:
        return self.post_json("statements", statements)

    def put_statement(self, statement: dict) -> Reply:
        return self.request(
            "PUT",
            "statements",
            params={"statementId": statement["id"]},
            body=json.dumps(statement).encode(),
            content_type="application/json",
        )

    def statement(self, statement_id: str, *, voided=False, **params) -> Reply:
        name = "voidedStatementId" if voided else "statementId"
        return self.request("GET", "statements", params={name: statement_id, **params})

    def query(self, **params) -> Reply:
        if "agent" in params:
            params["agent"] = json.dumps(params["agent"])
        return self.request("GET", "statements", params=params)

    def more(self, link: str) -> Reply:
        return self.request("GET", "statements", params={"more": link.split("more=", 1)[1]})


class TinCanLRS(HttpLRS):
    """Statements through tincan's RemoteLRS (xAPI 1.0.3 only); the rest as plain HTTP."""

    def __init__(self, send, remote: RemoteLRS, credentials: tuple[str, str]):
        super().__init__(send, remote.version, credentials)
        self.remote = remote

    @staticmethod
    def _reply(response) -> Reply:
        raw = response.response
        body = response.data if isinstance(response.data, bytes) else response.data.encode()
        return Reply(raw.status, _Headers(raw.getheaders()), body)

    def save_statements(self, statements):
        batch = [TinCanStatement.from_json(json.dumps(s)) for s in statements]
        return self._reply(self.remote.save_statements(batch))

    def put_statement(self, statement):
        return self._reply(
            self.remote.save_statement(TinCanStatement.from_json(json.dumps(statement)))
        )

    def statement(self, statement_id, *, voided=False, **params):
        if params:
            return super().statement(statement_id, voided=voided, **params)
        fetch = self.remote.retrieve_voided_statement if voided else self.remote.retrieve_statement
        return self._reply(fetch(statement_id))

    def query(self, **params):
        if "agent" in params:
            params["agent"] = Agent.from_json(json.dumps(params["agent"]))
        if "verb" in params:
            params["verb"] = Verb(id=params["verb"])
        if "activity" in params:
            params["activity"] = Activity(id=params["activity"])
        return self._reply(self.remote.query_statements(params))

    def more(self, link):
        return self._reply(self.remote.more_statements(link))


class _Headers(dict):
    def __init__(self, pairs):
        super().__init__((name.lower(), value) for name, value in pairs)

    def __getitem__(self, name):
        return super().__getitem__(name.lower())

    def get(self, name, default=None):
        return super().get(name.lower(), default)


def _django_send(client, credentials):
    token = base64.b64encode(f"{credentials[0]}:{credentials[1]}".encode()).decode()

    def send(method, resource, params, body, headers):
        extra = {"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()}
        content_type = extra.pop("HTTP_CONTENT_TYPE", "application/octet-stream")
        url = "/xapi/" + resource + ("?" + urlencode(params) if params else "")
        response = client.generic(
            method,
            url,
            body,
            content_type=content_type,
            HTTP_AUTHORIZATION=f"Basic {token}",
            **extra,
        )
        return Reply(response.status_code, response.headers, response.content)

    return send


def _requests_send(endpoint, credentials):
    def send(method, resource, params, body, headers):
        response = requests.request(
            method,
            endpoint + resource,
            params=params,
            data=body,
            headers=headers,
            auth=credentials,
            timeout=10,
        )
        return Reply(response.status_code, response.headers, response.content)

    return send


@pytest.fixture(params=VERSIONS)
def version(request):
    return request.param


@pytest.fixture(params=CLIENTS)
def lrs(request, version, client, transactional_db):
    """The LRS as one client in one xAPI version sees it."""
    record, secret = LRSClient.create(name="scenario", can_read=True, can_write=True)
    credentials = (record.key, secret)
    if request.param == "django":
        return HttpLRS(_django_send(client, credentials), version, credentials)
    endpoint = request.getfixturevalue("live_server").url + "/xapi/"
    send = _requests_send(endpoint, credentials)
    if version.startswith("1."):
        remote = RemoteLRS(endpoint=endpoint, username=record.key, password=secret, version=version)
        return TinCanLRS(send, remote, credentials)
    return HttpLRS(send, version, credentials)
