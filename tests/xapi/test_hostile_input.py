"""Hostile bodies and fuzzed statements: the LRS answers 4xx with a message and stores nothing,
never a 5xx. Through Django's test client: the real middleware, views and database."""

import base64
import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xapi.models import LRSClient, Statement
from xapi.validation import StatementInvalid, validate_statement

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


@settings(max_examples=300, deadline=None)
@given(value=json_values)
def test_the_validator_refuses_any_json_with_statement_invalid_or_accepts_it(value):
    try:
        validate_statement(value, "statement")
    except StatementInvalid as error:
        assert error.args  # names the field


@settings(max_examples=300, deadline=None)
@given(path=st.sampled_from(VALID_PATHS), value=json_values)
def test_a_valid_statement_with_one_part_replaced_is_refused_precisely_or_accepted(path, value):
    try:
        validate_statement(replaced(VALID, path, value), "statement")
    except StatementInvalid as error:
        assert error.args


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(path=st.sampled_from(VALID_PATHS), value=json_values)
def test_fuzzed_statements_over_http_never_get_a_server_error(post, path, value):
    before = Statement.objects.count()
    response = post(json.dumps(replaced(VALID, path, value)))
    assert response.status_code in (200, 400), (response.status_code, response.content[:300])
    assert Statement.objects.count() == before + (1 if response.status_code == 200 else 0)
