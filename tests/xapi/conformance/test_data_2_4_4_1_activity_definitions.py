"""Data §2.4.4.1.s4.b3–b5: the Activities resource holds a definition merged from what
trusted sources sent, not the last one received."""

import json
from datetime import timedelta

from django.utils import timezone

from xapi.agents import agent_ifi
from xapi.models import LaunchCredential

from .conftest import LRS, activity, agent, basic, statement

QUESTION = "question-1"


def defined(**definition):
    return statement(obj=activity(QUESTION, **definition))


def canonical(lrs) -> dict:
    response = lrs.request("GET", "activities", {"activityId": activity(QUESTION)["id"]})
    assert response.status_code == 200
    return response.json().get("definition", {})


def test_data_2_4_4_1_s4_b3_languages_from_later_statements_are_merged(lrs):
    lrs.post(defined(name={"de-DE": "Frage"}, type="http://adlnet.gov/expapi/activities/question"))
    lrs.post(defined(name={"en-US": "Question"}, description={"en-US": "Which one?"}))
    assert canonical(lrs) == {
        "name": {"de-DE": "Frage", "en-US": "Question"},
        "description": {"en-US": "Which one?"},
        "type": "http://adlnet.gov/expapi/activities/question",
    }


def test_data_2_4_4_1_s4_b4_a_trusted_source_corrects_a_text(lrs):
    lrs.post(defined(name={"de-DE": "Frgae"}))
    lrs.post(defined(name={"de-DE": "Frage"}))
    assert canonical(lrs) == {"name": {"de-DE": "Frage"}}


def test_data_2_4_4_1_s4_b5_the_interaction_is_not_changed(lrs):
    choice = {
        "interactionType": "choice",
        "correctResponsesPattern": ["a"],
        "choices": [{"id": "a", "description": {"de-DE": "A"}}],
    }
    lrs.post(defined(**choice))
    changed = {
        "interactionType": "choice",
        "correctResponsesPattern": ["b"],
        "choices": [
            {"id": "a", "description": {"en-US": "A"}},
            {"id": "b", "description": {"de-DE": "B"}},
        ],
    }
    lrs.post(defined(**changed))
    assert canonical(lrs) == {
        "interactionType": "choice",
        "correctResponsesPattern": ["a"],
        "choices": [{"id": "a", "description": {"de-DE": "A", "en-US": "A"}}],
    }


def test_data_2_4_4_1_s4_b3_a_launch_credential_adds_but_does_not_change(lrs, client, lrs_client):
    lrs.post(defined(name={"de-DE": "Frage"}))
    credential, secret = LaunchCredential.issue(
        client=lrs_client[0],
        actor=agent(),
        actor_ifi=agent_ifi(agent()),
        activity_ids=[activity(QUESTION)["id"]],
        expires_at=timezone.now() + timedelta(hours=1),
    )
    launched = LRS(client, basic(credential.key, secret))
    response = launched.post(defined(name={"de-DE": "Gefälscht", "en-US": "Question"}))
    assert response.status_code == 200, response.content
    assert canonical(lrs) == {"name": {"de-DE": "Frage", "en-US": "Question"}}
    assert json.dumps(canonical(lrs))
