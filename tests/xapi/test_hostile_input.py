"""Hostile bodies and fuzzed statements: the LRS answers 4xx with a message and stores nothing,
never a 5xx. Through Django's test client: the real middleware, views and database."""

import base64
import copy
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xapi.models import LRSClient, Statement
from xapi.validation import validate_statement
from xapi.values import StatementInvalid

VALID = {
    "actor": {
        "objectType": "Agent",
        "account": {"homePage": "https://sensi.example", "name": "p1"},
    },
    "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"de": "beantwortet"}},
    "object": {
        "id": "https://sensi.example/xapi/activities/question/1",
        "definition": {
            "name": {"de": "Frage 1"},
            "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
            "interactionType": "choice",
            "correctResponsesPattern": ["a"],
            "choices": [{"id": "a", "description": {"de": "A"}}],
        },
    },
    "result": {"success": True, "response": "a", "score": {"raw": 1, "min": 0, "max": 1}},
    "context": {"registration": "7e5e4bd1-53a6-4f0f-8d2b-2a8a7a1c0d10", "language": "de"},
}

HOSTILE_BODIES = {
    "nan": b'{"result": {"score": {"raw": NaN}}}',
    "infinity": b'[{"result": {"score": {"raw": -Infinity}}}]',
    "overflowing-float": b'{"result": {"extensions": {"https://x.example/e": 1e999}}}',
    "huge-integer": b'{"result": {"extensions": {"https://x.example/e": ' + b"9" * 5000 + b"}}}",
    "duplicate-keys": b'{"verb": {"id": "a"}, "verb": {"id": "b"}}',
    "lone-surrogate": b'{"result": {"response": "\\udc00"}}',
    "nul": b'{"result": {"response": "\\u0000"}}',
    "raw-control-character": b'{"result": {"response": "a\x01b"}}',
    "deep-nesting": b"[" * 100_000 + b"]" * 100_000,
    "not-utf8": b'{"result": {"response": "\xc3\x28"}}',
    "utf8-bom": b'\xef\xbb\xbf{"actor": {}}',
    "empty-body": b"",
    "bare-string": b'"statement"',
    "number": b"42",
    "null": b"null",
    "list-of-nulls": b"[null, null]",
}


@pytest.fixture
def post(client, db):
    lrs_client, secret = LRSClient.create(name="fuzz", can_read=True, can_write=True)
    token = base64.b64encode(f"{lrs_client.key}:{secret}".encode()).decode()

    def send(body: bytes | str, content_type: str = "application/json"):
        return client.post(
            "/xapi/statements",
            body,
            content_type=content_type,
            HTTP_AUTHORIZATION=f"Basic {token}",
            HTTP_X_EXPERIENCE_API_VERSION="1.0.3",
        )

    return send


@pytest.mark.parametrize("body", HOSTILE_BODIES.values(), ids=HOSTILE_BODIES.keys())
def test_hostile_json_gets_a_400_with_a_message_and_stores_nothing(post, body):
    response = post(body)
    assert response.status_code == 400, response.content[:300]
    assert response.json()["error"]
    assert Statement.objects.count() == 0


def test_deeply_nested_extensions_within_the_parser_limit_are_handled(post):
    deep = copy.deepcopy(VALID)
    nested: object = "leaf"
    for _ in range(200):
        nested = {"k": nested}
    deep["result"]["extensions"] = {"https://x.example/deep": nested}
    response = post(json.dumps(deep))
    assert response.status_code in (200, 400), response.content[:300]


def test_the_valid_statement_is_stored(post):
    response = post(json.dumps(VALID))
    assert response.status_code == 200, response.content
    assert Statement.objects.count() == 1


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


def paths(value, prefix=()):
    """Every path into a JSON value, for replacing one part of a valid statement."""
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from paths(child, (*prefix, index))


VALID_PATHS = [p for p in paths(VALID) if p]


def replaced(statement: dict, path: tuple, value) -> dict:
    result = copy.deepcopy(statement)
    target = result
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return result


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(value=json_values)
def test_the_validator_refuses_any_json_with_statement_invalid_or_accepts_it(value):
    try:
        validate_statement(value, "statement")
    except StatementInvalid as error:
        assert error.args  # names the field


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(path=st.sampled_from(VALID_PATHS), value=json_values)
def test_a_valid_statement_with_one_part_replaced_is_refused_precisely_or_accepted(path, value):
    try:
        validate_statement(replaced(VALID, path, value), "statement")
    except StatementInvalid as error:
        assert error.args


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(path=st.sampled_from(VALID_PATHS), value=json_values)
def test_fuzzed_statements_over_http_never_get_a_server_error(post, path, value):
    before = Statement.objects.count()
    response = post(json.dumps(replaced(VALID, path, value)))
    assert response.status_code in (200, 400), (response.status_code, response.content[:300])
    assert Statement.objects.count() == before + (1 if response.status_code == 200 else 0)


# --- No 5xx, and nothing stored that cannot be read back (issue 12) ----------------------------
# Each test is named after the field or clause it exercises.

STATE = "/xapi/activities/state"
ACTIVITY = "https://sensi.example/xapi/activities/question/1"
AGENT = json.dumps({"mbox": "mailto:p1@example.org"})


@pytest.fixture
def lrs(client, db):
    """Any request to the LRS with a client credential; extra WSGI keys override."""
    lrs_client, secret = LRSClient.create(name="robust", can_read=True, can_write=True)
    token = base64.b64encode(f"{lrs_client.key}:{secret}".encode()).decode()
    client.raise_request_exception = False

    def send(method, path, body=b"", content_type="application/json", **extra):
        headers = {
            "HTTP_AUTHORIZATION": f"Basic {token}",
            "HTTP_X_EXPERIENCE_API_VERSION": "1.0.3",
            **extra,
        }
        return client.generic(method, path, body, content_type=content_type, **headers)

    return send


def assert_400(response, *names):
    assert response.status_code == 400, (response.status_code, response.content[:300])
    message = response.json()["error"]
    for name in names:
        assert name in message, message


def statement(**changes):
    result = copy.deepcopy(VALID)
    for dotted, value in changes.items():
        target = result
        *steps, last = dotted.split("__")
        for step in steps:
            target = target.setdefault(step, {})
        target[last] = value
    return result


def test_communication_4_1_a_nul_byte_in_the_basic_key_is_a_401(client, db):
    client.raise_request_exception = False
    token = base64.b64encode(b"key\x00:secret").decode()
    response = client.get(
        "/xapi/statements",
        HTTP_AUTHORIZATION=f"Basic {token}",
        HTTP_X_EXPERIENCE_API_VERSION="1.0.3",
    )
    assert response.status_code == 401, response.content[:300]


@pytest.mark.parametrize("raw", [10**400, -(10**400)])
def test_result_score_raw_beyond_a_double_is_a_400(lrs, raw):
    body = json.dumps(statement(result__score={"raw": raw}))
    assert_400(lrs("POST", "/xapi/statements", body), "result.score.raw")
    assert Statement.objects.count() == 0


@pytest.mark.parametrize("bad_id", [1, None, ["7e5e4bd1-53a6-4f0f-8d2b-2a8a7a1c0d10"], {}])
def test_put_statement_id_of_the_wrong_type_is_a_400(lrs, bad_id):
    statement_id = "7e5e4bd1-53a6-4f0f-8d2b-2a8a7a1c0d10"
    body = json.dumps({**VALID, "id": bad_id})
    response = lrs("PUT", f"/xapi/statements?statementId={statement_id}", body)
    assert_400(response, "statement.id")
    assert Statement.objects.count() == 0


LONG = "https://sensi.example/" + "a" * 500
LONG_MBOX = "mailto:" + "i" * 600 + "@example.org"
PARENT = {"parent": [{"id": LONG}]}


@pytest.mark.parametrize(
    ("field", "changes"),
    [
        ("verb.id", {"verb__id": LONG}),
        ("object.id", {"object__id": LONG}),
        ("object.definition.type", {"object__definition__type": LONG}),
        ("actor.mbox", {"actor": {"mbox": "mailto:" + "a" * 600 + "@example.org"}}),
        ("actor.openid", {"actor": {"openid": LONG}}),
        ("actor.account", {"actor": {"account": {"homePage": LONG[:400], "name": "n" * 200}}}),
        ("context.contextActivities.parent[0].id", {"context__contextActivities": PARENT}),
        ("context.instructor.mbox", {"context__instructor": {"mbox": LONG_MBOX}}),
    ],
)
def test_iris_and_identifiers_longer_than_the_columns_are_a_400(lrs, field, changes):
    body = json.dumps(statement(**changes))
    assert_400(lrs("POST", "/xapi/statements", body), f"statements[0].{field}", "512")
    assert Statement.objects.count() == 0


def test_an_iri_of_512_characters_is_stored_and_found(lrs):
    iri = "https://sensi.example/" + "a" * (512 - len("https://sensi.example/"))
    response = lrs("POST", "/xapi/statements", json.dumps(statement(verb__id=iri)))
    assert response.status_code == 200, response.content
    found = lrs("GET", f"/xapi/statements?verb={iri}")
    assert len(found.json()["statements"]) == 1


def multipart_body(statement_json: dict, content: bytes, part_type: str, closing=True):
    import hashlib

    boundary = "sensiboundary"
    sha2 = hashlib.sha256(content).hexdigest()
    statement_json = copy.deepcopy(statement_json)
    statement_json["attachments"] = [
        {
            "usageType": "https://sensi.example/usage",
            "display": {"de": "Anhang"},
            "contentType": "text/plain",
            "length": len(content),
            "sha2": sha2,
        }
    ]
    body = (
        (
            f"--{boundary}\r\nContent-Type: application/json\r\n\r\n"
            f"{json.dumps(statement_json)}\r\n"
            f"--{boundary}\r\nContent-Type: {part_type}\r\nContent-Transfer-Encoding: binary\r\n"
            f"X-Experience-API-Hash: {sha2}\r\n\r\n"
        ).encode()
        + content
        + b"\r\n"
    )
    if closing:
        body += f"--{boundary}--\r\n".encode()
    return body, f'multipart/mixed; boundary="{boundary}"'


def test_an_attachment_part_content_type_longer_than_255_is_a_400(lrs):
    body, content_type = multipart_body(VALID, b"hello", "text/x-" + "y" * 300)
    assert_400(lrs("POST", "/xapi/statements", body, content_type), "Content-Type", "255")
    assert Statement.objects.count() == 0


def test_multipart_without_its_closing_boundary_is_a_400(lrs):
    body, content_type = multipart_body(VALID, b"hello", "text/plain", closing=False)
    assert_400(lrs("POST", "/xapi/statements", body, content_type), "closing boundary")
    assert Statement.objects.count() == 0


def test_a_document_content_type_longer_than_255_is_a_400(lrs):
    url = f"{STATE}?activityId={ACTIVITY}&agent={AGENT}&stateId=s1"
    response = lrs("PUT", url, b"x", "text/plain; x=" + "y" * 300)
    assert_400(response, "Content-Type", "255")


def test_a_document_content_type_with_a_line_break_is_refused_at_write(client, lrs):
    from urllib.parse import urlencode

    form = urlencode(
        {
            "Authorization": lrs("GET", "/xapi/about").wsgi_request.META["HTTP_AUTHORIZATION"],
            "X-Experience-API-Version": "1.0.3",
            "Content-Type": "text/plain\r\nSet-Cookie: evil=1",
            "content": "x",
            "activityId": ACTIVITY,
            "agent": AGENT,
            "stateId": "s1",
        }
    )
    response = client.post(
        f"{STATE}?method=PUT", form, content_type="application/x-www-form-urlencoded"
    )
    assert_400(response, "Content-Type")
    assert lrs("GET", f"{STATE}?activityId={ACTIVITY}&agent={AGENT}&stateId=s1").status_code == 404


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/xapi/statements?verb=http://x.example/v%00", "verb"),
        ("/xapi/statements?activity=http://x.example/a%00", "activity"),
        (f"{STATE}?activityId=http://x.example/a%00&agent={AGENT}&stateId=s", "activityId"),
        (f"{STATE}?activityId={ACTIVITY}&agent={AGENT}&stateId=s%00", "stateId"),
        ("/xapi/activities/profile?activityId=http://x.example/a&profileId=p%00", "profileId"),
    ],
)
def test_a_nul_in_a_parameter_is_a_400_naming_it(lrs, path, name):
    assert_400(lrs("GET", path), name)


@pytest.mark.parametrize("limit", ["²", "١", "-1", "1.5", ""])
def test_statement_query_limit_must_be_ascii_digits(lrs, limit):
    assert_400(lrs("GET", f"/xapi/statements?limit={limit}"), "limit")


def test_statement_query_limit_of_many_digits_is_capped(lrs):
    response = lrs("GET", "/xapi/statements?limit=" + "9" * 5000)
    assert response.status_code == 200, response.content[:300]


def nested(depth: int):
    value: object = "leaf"
    for _ in range(depth):
        value = {"k": value}
    return value


@pytest.mark.parametrize("depth", [500, 900])
def test_extensions_nested_too_deeply_are_a_400(lrs, depth):
    body = json.dumps(statement(result__extensions={"https://x.example/deep": nested(depth)}))
    response = lrs("POST", "/xapi/statements", body)
    # where Python's parser gives up first (it depends on the stack), it says so without a field
    assert_400(response, "deep")
    if "nested too deeply" not in response.json()["error"]:
        assert_400(response, "result.extensions")
    assert Statement.objects.count() == 0


def test_extensions_at_the_depth_limit_are_read_back_in_every_format(lrs):
    from xapi.values import MAX_DEPTH

    # the extension value's own levels: the extensions object itself is one more
    deep = statement(context__extensions={"https://x.example/deep": nested(MAX_DEPTH - 1)})
    deep["object"] = {"objectType": "SubStatement", **{k: VALID[k] for k in ("actor", "verb")}}
    deep["object"]["object"] = VALID["object"]
    deep["object"]["context"] = {"extensions": {"https://x.example/d": nested(MAX_DEPTH - 1)}}
    response = lrs("POST", "/xapi/statements", json.dumps(deep))
    assert response.status_code == 200, response.content[:300]
    for fmt in ("exact", "ids", "canonical"):
        response = lrs("GET", f"/xapi/statements?format={fmt}")
        assert response.status_code == 200, (fmt, response.content[:300])


@pytest.mark.parametrize("timestamp", ["9999-12-31T23:00:00-05:00", "0001-01-01T00:30:00+01:00"])
def test_data_4_5_a_timestamp_out_of_range_in_utc_is_a_400(lrs, timestamp):
    body = json.dumps(statement(timestamp=timestamp))
    assert_400(lrs("POST", "/xapi/statements", body), "timestamp", "range")
    assert Statement.objects.count() == 0
    assert_400(lrs("GET", f"/xapi/statements?since={timestamp.replace('+', '%2B')}"), "since")


def test_a_duplicate_key_is_named_as_such(post):
    response = post(HOSTILE_BODIES["duplicate-keys"])
    assert response.json()["error"] == "request body: duplicate key 'verb'" or (
        "out of range" not in response.json()["error"]
        and "duplicate key 'verb'" in response.json()["error"]
    )


@pytest.mark.parametrize("version", ["1.0garbage", "1.0.", "1.0.3.1", "1.0.x", "1.0 "])
def test_communication_3_3_a_malformed_version_header_is_a_400(lrs, version):
    response = lrs("GET", "/xapi/statements", HTTP_X_EXPERIENCE_API_VERSION=version)
    assert_400(response, "version")


def test_a_chunked_body_is_read_when_the_server_decodes_it(lrs):
    body = json.dumps(VALID).encode()
    response = lrs(
        "POST",
        "/xapi/statements",
        CONTENT_LENGTH="",
        CONTENT_TYPE="application/json",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": io.BytesIO(body), "wsgi.input_terminated": True},
    )
    assert response.status_code == 200, response.content[:300]
    assert Statement.objects.count() == 1


def test_a_chunked_body_beyond_the_size_limit_is_a_413(lrs, settings):
    settings.SENSI_XAPI_MAX_BODY_BYTES = 100
    body = json.dumps(VALID).encode()
    response = lrs(
        "POST",
        "/xapi/statements",
        CONTENT_LENGTH="",
        CONTENT_TYPE="application/json",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": io.BytesIO(body), "wsgi.input_terminated": True},
    )
    assert response.status_code == 413, response.content[:300]


def test_a_chunked_body_the_server_cannot_delimit_is_a_411(lrs):
    response = lrs(
        "POST",
        "/xapi/statements",
        CONTENT_LENGTH="",
        CONTENT_TYPE="application/json",
        HTTP_TRANSFER_ENCODING="chunked",
        **{"wsgi.input": io.BytesIO(b"")},
    )
    assert response.status_code == 411, response.content[:300]
    assert response.json()["error"]


def test_a_server_error_under_xapi_is_json(lrs, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("xapi.views.run_query", broken)
    response = lrs("GET", "/xapi/statements")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]
    assert "boom" not in response.content.decode()


def test_an_unknown_resource_under_xapi_is_json(lrs):
    response = lrs("GET", "/xapi/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"]


# --- launches (xapi.launches, mod_tincanlaunch) ----------------------------------------------


@pytest.mark.parametrize(
    "actor",
    [
        [],
        ["x"],
        "x",
        None,
        {"account": [1]},
        {"account": ["x"]},
        {"account": [None]},
        {"account": [[]]},
        {"mbox": [1]},
        {"name": [None], "mbox": ["mailto:a@example.org"]},
        {"mbox": "mailto:" + "a" * 600 + "@example.org"},
    ],
)
def test_launch_actor_that_is_not_an_agent_is_a_launch_invalid(db, actor):
    from xapi.activities import ActivityRef
    from xapi.launches import LaunchInvalid, check_launch

    root = ActivityRef(iri=ACTIVITY, type="https://x.example/t", name={"de": "M"})
    params = {
        "actor": json.dumps(actor),
        "registration": "7e5e4bd1-53a6-4f0f-8d2b-2a8a7a1c0d10",
        "activity_id": ACTIVITY,
        "auth": "Basic eDp5",
    }
    with pytest.raises(LaunchInvalid) as error:
        check_launch(root=root, params=params)
    assert "actor" in error.value.detail
    assert type(error.value) is LaunchInvalid  # a 400 about the actor, not the credential


def test_a_credential_request_for_a_600_character_mbox_is_a_400(lrs):
    body = {
        "scope": ["all"],
        "actors": {"objectType": "Person", "mbox": ["mailto:" + "a" * 600 + "@example.org"]},
        "activity": [ACTIVITY],
        "registration": "7e5e4bd1-53a6-4f0f-8d2b-2a8a7a1c0d10",
    }
    response = lrs("POST", "/xapi/Basic/request", json.dumps(body))
    assert response.status_code == 400, response.content[:300]
