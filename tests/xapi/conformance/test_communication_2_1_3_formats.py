"""Communication §2.1.3, the `format` parameter: `ids` keeps only what identifies Agents,
Groups, Verbs and Activities; `canonical` returns one language per language map
(§2.1.3.s4.b1), wherever Activities occur."""

from .conftest import activity, agent, statement

LANGUAGES = {"de-DE": "deutsch", "en-US": "english"}


def definition():
    return {
        "name": dict(LANGUAGES),
        "description": dict(LANGUAGES),
        "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
        "interactionType": "choice",
        "correctResponsesPattern": ["a"],
        "choices": [{"id": "a", "description": dict(LANGUAGES)}],
    }


def rich_statement():
    object_activity = {**activity("question-1"), "definition": definition()}
    context = {
        "contextActivities": {
            "parent": [{**activity("quiz-1"), "definition": definition()}],
            "category": {**activity("cat"), "definition": definition()},
        },
        "instructor": {**agent("teacher"), "name": "Frau Lehrerin"},
    }
    inner = {
        "objectType": "SubStatement",
        "actor": {**agent("p2"), "name": "Erika"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": dict(LANGUAGES)},
        "object": object_activity,
        "context": context,
    }
    return statement(
        verb="planned",
        obj=inner,
        context=context,
        attachments=[
            {
                "usageType": "https://sensi.example/u",
                "display": dict(LANGUAGES),
                "contentType": "text/plain",
                "length": 1,
                "sha2": "0" * 64,
                "fileUrl": "https://files.example/x",
            }
        ],
    )


def language_maps(value, path=""):
    """(path, map) for every language map in a statement."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("name", "description", "display") and isinstance(item, dict):
                yield f"{path}.{key}", item
            else:
                yield from language_maps(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from language_maps(item, f"{path}[{index}]")


def test_communication_2_1_3_s4_b1_canonical_reduces_every_language_map(lrs):
    assert lrs.post(rich_statement()).status_code == 200
    response = lrs.request(
        "GET", "statements", {"format": "canonical"}, HTTP_ACCEPT_LANGUAGE="en-US"
    )
    found = response.json()["statements"][0]
    maps = dict(language_maps(found))
    assert ".object.context.contextActivities.parent[0].definition.name" in maps
    assert ".object.object.definition.choices[0].description" in maps
    for path, language_map in maps.items():
        assert list(language_map) == ["en-US"], path


def test_communication_2_1_3_format_ids_keeps_only_identifiers(lrs):
    assert lrs.post(rich_statement()).status_code == 200
    found = lrs.get(format="ids").json()["statements"][0]
    assert found["actor"] == agent()
    assert found["verb"] == {"id": "http://adlnet.gov/expapi/verbs/planned"}
    inner = found["object"]
    assert inner["actor"] == agent("p2")
    assert inner["verb"] == {"id": "http://adlnet.gov/expapi/verbs/answered"}
    assert inner["object"] == {"id": activity("question-1")["id"]}  # no objectType either
    for part in (found, inner):
        context = part["context"]
        assert context["instructor"] == agent("teacher")
        assert context["contextActivities"] == {
            "parent": [{"id": activity("quiz-1")["id"]}],
            "category": [{"id": activity("cat")["id"]}],
        }
    assert not [path for path, _ in language_maps(found) if "attachments" not in path]


def test_communication_2_1_3_format_canonical_uses_the_lrs_canonical_definition(lrs):
    """Canonical returns "the canonical definition of the Activity Objects ... as determined
    by the LRS": the definition merged from every statement (Data §2.4.4.1.s4.b3)."""
    german = statement(obj=activity("lesson-9", name={"de-DE": "Lektion"}))
    english = statement(obj=activity("lesson-9", name={"en-US": "Lesson"}))
    assert lrs.post([german, english]).status_code == 200
    response = lrs.request(
        "GET",
        "statements",
        {"statementId": german["id"], "format": "canonical"},
        HTTP_ACCEPT_LANGUAGE="en-US",
    )
    assert response.json()["object"]["definition"] == {"name": {"en-US": "Lesson"}}
    exact = lrs.get(statementId=german["id"]).json()
    assert exact["object"]["definition"] == {"name": {"de-DE": "Lektion"}}
