"""Statement validation, xAPI 1.0.3 Data §2.4: each invalid statement names its field."""

import copy

import pytest

from xapi.validation import validate_statement
from xapi.values import StatementInvalid

VALID = {
    "id": "fd41c918-b88b-4b20-a0a5-a4c32391aaa0",
    "actor": {
        "objectType": "Agent",
        "account": {"homePage": "https://sensi.example", "name": "p1"},
    },
    "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}},
    "object": {
        "id": "https://sensi.example/xapi/activities/q1",
        "definition": {
            "name": {"de-DE": "Frage"},
            "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
            "interactionType": "choice",
            "correctResponsesPattern": ["a[,]b"],
            "choices": [{"id": "a", "description": {"de-DE": "A"}}, {"id": "b"}],
        },
    },
    "result": {
        "score": {"raw": 3, "min": 0, "max": 5, "scaled": 0.6},
        "success": True,
        "response": "a[,]b",
        "duration": "PT1M30.5S",
    },
    "context": {
        "registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7",
        "contextActivities": {"parent": [{"id": "https://sensi.example/xapi/activities/m1"}]},
        "language": "de-DE",
        "platform": "Sensi",
        "extensions": {"https://sensi.example/xapi/extensions/version": "1.0"},
    },
    "timestamp": "2026-11-27T10:00:00.123+01:00",
}


def mutated(change):
    statement = copy.deepcopy(VALID)
    change(statement)
    return statement


def test_a_complete_valid_statement_passes():
    validate_statement(copy.deepcopy(VALID))


def test_a_group_actor_and_a_substatement_pass():
    validate_statement(
        mutated(
            lambda s: s.update(
                actor={"objectType": "Group", "member": [{"mbox": "mailto:a@example.org"}]},
                object={
                    "objectType": "SubStatement",
                    "actor": {"mbox": "mailto:b@example.org"},
                    "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
                    "object": {"id": "https://sensi.example/x"},
                },
                context={"registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7"},
            )
        )
    )


CASES = {
    "extra property": (lambda s: s.update(colour="red"), "statement.colour"),
    "two identifiers": (
        lambda s: s["actor"].update(mbox="mailto:a@example.org"),
        "statement.actor",
    ),
    "no identifier": (lambda s: s["actor"].pop("account"), "statement.actor"),
    "mbox without mailto": (
        lambda s: s.update(actor={"mbox": "a@example.org"}),
        "statement.actor.mbox",
    ),
    "bad sha1": (lambda s: s.update(actor={"mbox_sha1sum": "xyz"}), "statement.actor.mbox_sha1sum"),
    "account without name": (
        lambda s: s["actor"]["account"].pop("name"),
        "statement.actor.account.name",
    ),
    "verb not an IRI": (lambda s: s["verb"].update(id="answered"), "statement.verb.id"),
    "empty display": (lambda s: s["verb"].update(display={}), "statement.verb.display"),
    "bad language tag": (
        lambda s: s["verb"].update(display={"de_DE!": "x"}),
        "statement.verb.display",
    ),
    "id not a uuid": (lambda s: s.update(id="1234"), "statement.id"),
    "bad registration": (
        lambda s: s["context"].update(registration="nope"),
        "statement.context.registration",
    ),
    "scaled above one": (
        lambda s: s["result"]["score"].update(scaled=1.5),
        "statement.result.score.scaled",
    ),
    "raw above max": (lambda s: s["result"]["score"].update(raw=9), "statement.result.score.raw"),
    "min not below max": (
        lambda s: s["result"]["score"].update(min=5),
        "statement.result.score.max",
    ),
    "success as string": (lambda s: s["result"].update(success="true"), "statement.result.success"),
    "bad duration": (
        lambda s: s["result"].update(duration="90 seconds"),
        "statement.result.duration",
    ),
    "bad timestamp": (lambda s: s.update(timestamp="yesterday"), "statement.timestamp"),
    "minus zero offset": (
        lambda s: s.update(timestamp="2026-11-27T10:00:00-00:00"),
        "statement.timestamp",
    ),
    "null value": (lambda s: s["result"].update(response=None), "statement.result.response"),
    "unknown interaction": (
        lambda s: s["object"]["definition"].update(interactionType="quiz"),
        "statement.object.definition.interactionType",
    ),
    "scale on a choice": (
        lambda s: s["object"]["definition"].update(scale=[{"id": "1"}]),
        "statement.object.definition.scale",
    ),
    "duplicate choice ids": (
        lambda s: s["object"]["definition"]["choices"].append({"id": "a"}),
        "statement.object.definition.choices[2].id",
    ),
    "platform for an agent object": (
        lambda s: s.update(object={"objectType": "Agent", "mbox": "mailto:x@example.org"}),
        "statement.context.platform",
    ),
    "voiding without a StatementRef": (
        lambda s: s["verb"].update(id="http://adlnet.gov/expapi/verbs/voided"),
        "statement.object",
    ),
    "extension key not an IRI": (
        lambda s: s["context"].update(extensions={"version": 1}),
        "statement.context.extensions",
    ),
    "version 2": (lambda s: s.update(version="2.0.0"), "statement.version"),
    "anonymous group without members": (
        lambda s: s.update(actor={"objectType": "Group", "name": "Team"}),
        "statement.actor.member",
    ),
}


@pytest.mark.parametrize("change,path", CASES.values(), ids=CASES.keys())
def test_invalid_statements_are_refused_naming_the_field(change, path):
    with pytest.raises(StatementInvalid) as error:
        validate_statement(mutated(change))
    assert error.value.path.startswith(path), error.value


def test_a_substatement_inside_a_substatement_is_refused():
    inner = {
        "objectType": "SubStatement",
        "actor": {"mbox": "mailto:b@example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
        "object": {"id": "https://sensi.example/x"},
    }
    outer = {**inner, "object": copy.deepcopy(inner)}
    with pytest.raises(StatementInvalid) as error:
        validate_statement(mutated(lambda s: (s.update(object=outer), s.pop("context"))))
    assert error.value.path == "statement.object.object.objectType"


def test_an_activity_or_verb_found_valid_before_is_still_checked_when_it_differs():
    """Activities and verbs found valid are not checked again (xapi.validation._VALID), but
    one with the same id and different content is, and a change the caller makes to the
    statement it had validated does not change what counts as valid."""
    statement = copy.deepcopy(VALID)
    validate_statement(statement)
    statement["object"]["definition"]["name"] = {"not a tag!": "Frage"}  # after validation
    with pytest.raises(StatementInvalid) as refused:
        validate_statement(statement)
    assert refused.value.path == "statement.object.definition.name.not a tag!"
    with pytest.raises(StatementInvalid) as refused:
        validate_statement(mutated(lambda s: s["verb"].update(display={"en-US": 1})))
    assert refused.value.path == "statement.verb.display.en-US"
    with pytest.raises(StatementInvalid) as refused:
        validate_statement(
            mutated(lambda s: s["context"]["contextActivities"]["parent"][0].update(x=1))
        )
    assert refused.value.path == "statement.context.contextActivities.parent[0].x"
