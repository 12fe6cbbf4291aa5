"""xapi.queries: `more` pages, newest first and ascending, each statement once and within the
first page's bound."""

import base64
import uuid

import pytest

from xapi.models import LRSClient

pytestmark = pytest.mark.django_db

VERSION = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}


@pytest.fixture
def lrs(client):
    lrs_client, secret = LRSClient.create(name="moodle", can_read=True, can_write=True)
    token = base64.b64encode(f"{lrs_client.key}:{secret}".encode()).decode()
    auth = {"HTTP_AUTHORIZATION": f"Basic {token}", **VERSION}

    def post(count: int) -> list[str]:
        ids = [str(uuid.uuid4()) for _ in range(count)]
        statements = [
            {
                "id": statement_id,
                "actor": {"mbox": "mailto:learner@example.org"},
                "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
                "object": {"id": f"https://sensi.example/xapi/activities/{n}"},
            }
            for n, statement_id in enumerate(ids)
        ]
        response = client.post(
            "/xapi/statements", statements, content_type="application/json", **auth
        )
        assert response.status_code == 200
        return ids

    def pages(**params) -> list[list[str]]:
        result, url, data = [], "/xapi/statements", params
        while url:
            body = client.get(url, data, **auth).json()
            result.append([s["id"] for s in body["statements"]])
            url, data = body["more"], {}
        return result

    return post, pages


@pytest.mark.parametrize("ascending", [False, True])
def test_paging_newest_first_and_ascending_returns_each_statement_once_in_order(lrs, ascending):
    post, pages = lrs
    stored = post(7)
    first, *rest = pages(limit=2, ascending=str(ascending).lower())
    post(3)  # stored while the client pages: beyond the first page's bound
    later = pages(limit=2, ascending=str(ascending).lower())
    expected = stored if ascending else stored[::-1]
    assert first == expected[:2] and [s for page in rest for s in page] == expected[2:]
    assert len(later) == 5 and len({s for page in later for s in page}) == 10
