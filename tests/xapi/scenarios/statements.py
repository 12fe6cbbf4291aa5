"""Statement builders shared by the scenarios."""

import uuid

HOME = "https://sensi.example"
EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced"
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
VOIDED = "http://adlnet.gov/expapi/verbs/voided"
INSTRUCTOR_TYPE = "https://w3id.org/xapi/cmi5/context/relevanttypes/instructor"


def agent(name: str) -> dict:
    return {"objectType": "Agent", "account": {"homePage": HOME, "name": name}}


def activity_id(name: str) -> str:
    return f"{HOME}/xapi/activities/{name}"


def statement(actor="p1", verb=EXPERIENCED, obj="lesson-1", **extra) -> dict:
    return {
        "id": str(uuid.uuid4()),
        "actor": agent(actor),
        "verb": {"id": verb, "display": {"de": "erlebt", "en-US": "experienced"}},
        "object": {"objectType": "Activity", "id": activity_id(obj)},
        **extra,
    }


def voiding(target_id: str, actor="admin") -> dict:
    voiding_statement = statement(actor=actor, verb=VOIDED)
    voiding_statement["object"] = {"objectType": "StatementRef", "id": target_id}
    return voiding_statement
