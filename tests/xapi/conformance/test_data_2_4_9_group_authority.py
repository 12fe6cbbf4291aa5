"""Data §2.4.9 (and §2.2.s4.b1): an authority that is a Group is an anonymous Group of exactly
two Agents (three-legged OAuth); any other Group is refused."""

import pytest

from xapi.models import Statement

from .conftest import agent, statement

APP = {"objectType": "Agent", "account": {"homePage": "https://oauth.example", "name": "app"}}


def group(*members, **more):
    return {"objectType": "Group", "member": list(members), **more}


def test_data_2_4_9_two_member_anonymous_group_authority_is_accepted(lrs):
    response = lrs.post(statement(authority=group(APP, agent("user"))))
    assert response.status_code == 200, response.content


@pytest.mark.parametrize(
    "authority",
    [
        group(APP),
        group(APP, agent("u1"), agent("u2")),
        group(APP, agent("user"), mbox="mailto:group@example.org"),
        group(APP, {"objectType": "Group", "member": [agent("x")]}),
    ],
    ids=["one-member", "three-members", "identified", "group-member"],
)
def test_data_2_4_9_other_group_authorities_are_refused(lrs, authority):
    response = lrs.post(statement(authority=authority))
    assert response.status_code == 400
    assert "authority" in response.json()["error"]
    assert not Statement.objects.exists()
