"""Communication §2.1.3.s2.b5: X-Experience-API-Consistent-Through on all responses to
Statements Resource requests, errors included."""

import uuid
from datetime import datetime

import pytest

from .conftest import statement

HEADER = "X-Experience-API-Consistent-Through"
NEW_ID = str(uuid.uuid4())


def assert_consistent_through(response):
    assert HEADER in response, (response.status_code, dict(response.items()))
    assert datetime.fromisoformat(response[HEADER]).tzinfo is not None


@pytest.mark.parametrize(
    "call",
    [
        lambda lrs: lrs.post(statement()),  # 200
        lambda lrs: lrs.request(
            "PUT", "statements", {"statementId": str(uuid.uuid4())}, statement()
        ),
        lambda lrs: lrs.get(),  # 200, StatementResult
        lambda lrs: lrs.get(verb="not an IRI"),  # 400
        lambda lrs: lrs.post({"actor": {}}),  # 400
        lambda lrs: lrs.get(statementId=str(uuid.uuid4())),  # 404
        lambda lrs: lrs.request("DELETE", "statements"),  # 405
        lambda lrs: lrs.request("GET", "statements", HTTP_AUTHORIZATION="Basic eDp5"),  # 401
    ],
    ids=["post", "put", "get", "get-400", "post-400", "get-404", "delete-405", "get-401"],
)
def test_communication_2_1_3_s2_b5_every_statements_response_has_consistent_through(lrs, call):
    assert_consistent_through(call(lrs))


def test_communication_2_1_3_s2_b5_a_404_statement_still_names_the_moment(lrs):
    response = lrs.get(statementId=str(uuid.uuid4()))
    assert response.status_code == 404
    assert_consistent_through(response)
