"""Property-based tests of the LRS's limits (issue 12, "No 5xx, and nothing stored that cannot
be read back"): statements and documents generated at and beyond every limit the validator
enforces (xapi.validation: IRI and identifier lengths, content types, nesting depth, number
and timestamp ranges). Each must either be refused with a 400 that names the field, storing
nothing, or be stored and read back without error: by id and by every filter, in every format.

CI-friendly: few examples, no deadline, derandomized (the same examples on every run) and no
example database, on SQLite and PostgreSQL alike.
"""

import base64
import json
import uuid
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from xapi.models import Document, LRSClient, Statement
from xapi.values import MAX_CONTENT_TYPE_LENGTH, MAX_DEPTH, MAX_IFI_LENGTH, MAX_IRI_LENGTH

LIMITS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FORMATS = ("exact", "ids", "canonical")


@pytest.fixture
def lrs(client, db):
    lrs_client, secret = LRSClient.create(name="limits", can_read=True, can_write=True)
    token = base64.b64encode(f"{lrs_client.key}:{secret}".encode()).decode()
    client.raise_request_exception = False  # a 5xx is a finding, reported with its body

    def send(method, path, params=None, body=b"", content_type="application/json", **extra):
        url = f"{path}?{urlencode(params)}" if params else path
        return client.generic(
            method,
            url,
            body,
            content_type=content_type,
            HTTP_AUTHORIZATION=f"Basic {token}",
            HTTP_X_EXPERIENCE_API_VERSION="1.0.3",
            **extra,
        )

    return send


# --- values at and beyond each limit --------------------------------------------------------
# Each example pushes at most one field beyond its limit (`over`); the others lie at or just
# below theirs, so that as many examples are stored (and read back) as are refused.

FILLER = st.sampled_from(["a", "ä", "中", "%20", "😀"])


def excess(draw, over: bool) -> int:
    return draw(st.sampled_from([1, 8] if over else [-2, 0, 0]))


def sized(prefix: str, size: int, fill: str, suffix: str = "") -> str:
    count = max(0, size - len(prefix) - len(suffix)) // len(fill)
    return prefix + fill * count + suffix


@st.composite
def iris(draw, over=False):
    return sized("https://sensi.example/", MAX_IRI_LENGTH + excess(draw, over), draw(FILLER))


@st.composite
def agents(draw, over=False):
    kind = draw(st.sampled_from(["mbox", "openid", "account", "sha1"]))
    size = MAX_IFI_LENGTH + excess(draw, over)
    fill = draw(FILLER)
    if kind == "mbox":
        agent = {"mbox": sized("mailto:", size - len("mbox:"), fill, "@example.org")}
    elif kind == "openid":
        agent = {"openid": sized("https://id.example/", size - len("openid:"), fill)}
    elif kind == "account":
        # the identifier is `account:["homePage","name"]`, with \u escapes for non-ASCII
        home = sized("https://sensi.example/", 200, "a")
        room = size - len(json.dumps([home, ""])) - len("account:")
        agent = {"account": {"homePage": home, "name": sized("", room, "a")}}
    else:
        agent = {"mbox_sha1sum": draw(st.text("0123456789abcdef", min_size=40, max_size=40))}
    if draw(st.booleans()):
        agent["name"] = sized("", draw(st.integers(0, 600)), fill)
    return {"objectType": "Agent", **agent}


WITHIN = [
    "0001-01-01T00:00:00Z",
    "0001-01-01T01:30:00+01:00",
    "0001-01-01T00:00:00",
    "9999-12-31T23:59:59.999999Z",
    "9999-12-31T18:00:00-05:00",
    "9999-12-31T23:59:59",
    "2026-12-06T20:00:00.123+14:00",
]
BEYOND = ["0001-01-01T00:30:00+01:00", "9999-12-31T23:00:00-05:00", "0001-01-01T23:59:00+23:59"]


@st.composite
def timestamps(draw, over=False):
    return draw(st.sampled_from(BEYOND if over else WITHIN))


@st.composite
def numbers(draw, over=False):
    beyond = [10**309, -(10**309), 2**1024]
    within = [0, -1, 10**308, 2**1023, 1.7976931348623157e308, -1.7976931348623157e308, 5e-324]
    return draw(st.sampled_from(beyond if over else within))


def nested(depth: int, as_list: bool):
    value: object = "leaf"
    for _ in range(depth):
        value = [value] if as_list else {"k": value}
    return value


@st.composite
def extensions(draw, over=False):
    # the extensions object is one level, its value the rest
    depth = MAX_DEPTH - 1 + excess(draw, over)
    return {draw(iris()): nested(depth, draw(st.booleans()))}


@st.composite
def content_types(draw, over=False):
    size = MAX_CONTENT_TYPE_LENGTH + excess(draw, over)
    broken = over and draw(st.booleans())
    value = sized("application/x-", size, "ä" if broken else "a")
    if broken and draw(st.booleans()):
        value = value[:20] + draw(st.sampled_from(["\r\n", "\n", "\t", "\x7f", "中"]))
    return value


@st.composite
def activities(draw, over=""):
    activity = {"objectType": "Activity", "id": draw(iris(over == "id"))}
    if draw(st.booleans()) or over in ("type", "extensions"):
        activity["definition"] = {
            "name": {"de": "Frage", "en-US": "Question"},
            "type": draw(iris(over == "type")),
            "extensions": draw(extensions(over == "extensions")),
        }
    return activity


FIELDS = [
    "",
    "actor",
    "verb",
    "object.id",
    "object.type",
    "object.extensions",
    "object.agent",
    "timestamp",
    "score",
    "result.extensions",
    "instructor",
    "context.activity",
    "context.extensions",
    "attachment.contentType",
    "attachment.fileUrl",
]


@st.composite
def cores(draw, *, sub: bool = False, over: str | None = None):
    over = draw(st.sampled_from([""] * 7 + FIELDS[1:])) if over is None else over
    result = {
        "actor": draw(agents(over == "actor")),
        "verb": {"id": draw(iris(over == "verb")), "display": {"de": "tat", "en": "did"}},
        "object": draw(activities(over.removeprefix("object."))),
        "timestamp": draw(timestamps(over == "timestamp")),
    }
    if over == "object.agent" or draw(st.integers(0, 5)) == 0:
        result["object"] = draw(agents(over == "object.agent"))
    elif not sub and draw(st.integers(0, 3)) == 0:
        result["object"] = {"objectType": "SubStatement", **draw(cores(sub=True, over=over))}
        over = ""  # the SubStatement carries it
    result["result"] = {
        "score": {"raw": draw(numbers(over == "score"))},
        "extensions": draw(extensions(over == "result.extensions")),
    }
    result["context"] = {
        "registration": str(uuid.uuid4()),
        "instructor": draw(agents(over == "instructor")),
        "extensions": draw(extensions(over == "context.extensions")),
    }
    if result["object"].get("objectType", "Activity") == "Activity":
        kind = draw(st.sampled_from(["parent", "grouping", "category", "other"]))
        activity = draw(activities("id" if over == "context.activity" else ""))
        result["context"]["contextActivities"] = {kind: activity}
    if not sub and (over.startswith("attachment") or draw(st.booleans())):
        result["attachments"] = [
            {
                "usageType": draw(iris()),
                "display": {"de": "Anhang"},
                "contentType": draw(content_types(over == "attachment.contentType")),
                "length": 1,
                "sha2": "0" * 64,
                "fileUrl": draw(iris(over == "attachment.fileUrl")),
            }
        ]
    return result


# --- statements -----------------------------------------------------------------------------


def ids_of(response) -> list[str]:
    assert response.status_code == 200, (response.status_code, response.content[:300])
    return [s["id"] for s in response.json()["statements"]]


def read_back(lrs, stored: dict) -> None:
    statement_id = stored["id"]
    for fmt in FORMATS:
        response = lrs("GET", "/xapi/statements", {"statementId": statement_id, "format": fmt})
        assert response.status_code == 200, (fmt, response.content[:300])
        assert response.json()["id"] == statement_id
        assert statement_id in ids_of(lrs("GET", "/xapi/statements", {"format": fmt}))
    context = stored["context"]
    filters = [
        {"agent": json.dumps(stored["actor"])},
        {"agent": json.dumps(context["instructor"]), "related_agents": "true"},
        {"verb": stored["verb"]["id"]},
        {"registration": context["registration"]},
        {"since": "0001-01-01T00:00:00Z", "until": "9999-12-31T23:59:59Z"},
    ]
    obj = stored["object"]
    if obj.get("objectType", "Activity") == "Activity":
        filters.append({"activity": obj["id"]})
        for items in context.get("contextActivities", {}).values():
            for activity in items if isinstance(items, list) else [items]:
                filters.append({"activity": activity["id"], "related_activities": "true"})
    for params in filters:
        for fmt in FORMATS:
            found = ids_of(lrs("GET", "/xapi/statements", {**params, "format": fmt}))
            assert statement_id in found, (params, fmt)


@LIMITS
@given(statement=cores())
def test_a_statement_at_or_beyond_the_limits_is_refused_or_read_back(lrs, statement):
    statement = {"id": str(uuid.uuid4()), **statement}
    before = Statement.objects.count()
    response = lrs("POST", "/xapi/statements", body=json.dumps(statement))
    if response.status_code == 400:
        message = response.json()["error"]
        assert message.startswith("statements[0].") or message.startswith("request body"), message
        assert Statement.objects.count() == before
        event("refused")
        return
    assert response.status_code == 200, (response.status_code, response.content[:300])
    event("stored")
    read_back(lrs, statement)


@LIMITS
@given(statement=cores())
def test_a_statement_put_at_or_beyond_the_limits_is_refused_or_read_back(lrs, statement):
    statement_id = str(uuid.uuid4())
    response = lrs(
        "PUT", "/xapi/statements", {"statementId": statement_id}, body=json.dumps(statement)
    )
    if response.status_code == 400:
        assert response.json()["error"].startswith("statement")
        assert not Statement.objects.filter(statement_id=statement_id).exists()
        event("refused")
        return
    event("stored")
    assert response.status_code == 204, (response.status_code, response.content[:300])
    read_back(lrs, {**statement, "id": statement_id})


# --- documents ------------------------------------------------------------------------------


@st.composite
def document_ids(draw, over=False):
    return sized("doc-", 255 + excess(draw, over), draw(FILLER))


@st.composite
def document_bodies(draw):
    kind = draw(st.sampled_from(["json", "deep-json", "bytes"]))
    if kind == "bytes":
        return draw(st.binary(max_size=64)), draw(content_types())
    depth = draw(st.integers(1, 300)) if kind == "deep-json" else 2
    return json.dumps({"k": nested(depth, draw(st.booleans()))}).encode(), "application/json"


@st.composite
def documents(draw):
    over = draw(st.sampled_from(["", "activityId", "agent", "id", "content-type"]))
    content, content_type = draw(document_bodies())
    if over == "content-type":
        content_type = draw(content_types(True))
    return {
        "activity_id": draw(iris(over == "activityId")),
        "agent": draw(agents(over == "agent")),
        "document_id": draw(document_ids(over == "id")),
        "body": (content, content_type),
    }


@LIMITS
@given(
    resource=st.sampled_from(["state", "activity-profile", "agent-profile"]),
    document=documents(),
    registration=st.none() | st.uuids(version=4).map(str),
    method=st.sampled_from(["PUT", "POST"]),
)
def test_a_document_at_or_beyond_the_limits_is_refused_or_read_back(
    lrs, resource, document, registration, method
):
    content, content_type = document["body"]
    activity_id, agent = document["activity_id"], document["agent"]
    document_id = document["document_id"]
    if resource == "state":
        path, id_name = "/xapi/activities/state", "stateId"
        scope = {"activityId": activity_id, "agent": json.dumps(agent)}
        if registration:
            scope["registration"] = registration
    elif resource == "activity-profile":
        path, id_name, scope = "/xapi/activities/profile", "profileId", {"activityId": activity_id}
    else:
        path, id_name, scope = "/xapi/agents/profile", "profileId", {"agent": json.dumps(agent)}
    one = {**scope, id_name: document_id}
    before = Document.objects.count()
    headers = {"HTTP_IF_NONE_MATCH": "*"} if resource != "state" else {}
    response = lrs(method, path, one, body=content, content_type=content_type, **headers)
    if response.status_code == 400:
        assert response.json()["error"]
        assert Document.objects.count() == before
        event("refused")
        return
    event("stored")
    assert response.status_code in (204, 412), (response.status_code, response.content[:300])
    got = lrs("GET", path, one)
    assert got.status_code == 200, (got.status_code, got.content[:300])
    assert got["Content-Type"] == content_type
    if response.status_code == 204 and method == "PUT":
        assert got.content == content
    listed = lrs("GET", path, {**scope, "since": "0001-01-01T00:00:00Z"})
    assert listed.status_code == 200, listed.content[:300]
    assert document_id in listed.json()
    assert lrs("DELETE", path, one, HTTP_IF_MATCH="*").status_code == 204
