"""xapi.recording builds interaction definitions as Data §2.4.4.1 names their components:
`choices` for choice and sequencing, `source` and `target` for matching."""

import json
import uuid

from xapi.activities import ActivityRef, Interaction
from xapi.recording import Event, build
from xapi.vocabulary import ANSWERED, TYPE_LESSON, TYPE_QUESTION

ROOT = ActivityRef("https://sensi.example/xapi/activities/module", TYPE_LESSON, {"de-DE": "M"})
ACTOR = {"objectType": "Agent", "account": {"homePage": "https://sensi.example", "name": "p"}}


def definition(interaction: Interaction) -> dict:
    activity = ActivityRef(
        "https://sensi.example/xapi/activities/q", TYPE_QUESTION, {"de-DE": "Q"}, {}, interaction
    )
    statement = build(
        actor=ACTOR,
        registration=uuid.uuid4(),
        root=ROOT,
        language="de",
        event=Event(ANSWERED, activity, result={"response": "a[.]1", "success": True}),
    )
    return json.loads(statement.to_json())["object"]["definition"]


def test_matching_interaction_lists_source_and_target():
    data = definition(
        Interaction(
            "matching",
            ("a[.]1",),
            source=(("a", {"de-DE": "Bildschirm sperren"}),),
            target=(("1", {"de-DE": "sicher"}), ("2", {"de-DE": "unsicher"})),
        )
    )
    assert data["interactionType"] == "matching"
    assert data["correctResponsesPattern"] == ["a[.]1"]
    assert data["source"] == [{"id": "a", "description": {"de-DE": "Bildschirm sperren"}}]
    assert [target["id"] for target in data["target"]] == ["1", "2"]
    assert "choices" not in data


def test_sequencing_interaction_lists_its_steps_as_choices():
    data = definition(
        Interaction("sequencing", ("b[,]a",), (("a", {"de-DE": "A"}), ("b", {"de-DE": "B"})))
    )
    assert data["interactionType"] == "sequencing"
    assert [choice["id"] for choice in data["choices"]] == ["a", "b"]
    assert "source" not in data and "target" not in data
