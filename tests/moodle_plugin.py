"""What Moodle's TinCan Launch plugin (mod_tincanlaunch, "LRS integration" = "Learning
Locker 1", "Identify by email") sends to Sensi, replayed against a live server.

- `request_credentials`: locallib.php `tincanlaunch_get_creds_learninglocker`. PHP's
  json_encode cannot see the properties of TinCanPHP's Agent, so `auth` arrives as {} and only
  the e-mail address in `actors` identifies the learner.
- `launch_url`: `tincanlaunch_get_launch_url`, the launch credential in `auth`.
- `completion_query`: lib.php `tincanlaunch_get_statements` with the master credentials, via
  TinCanPHP, which turns the string "false" into related_activities=true.
"""

import base64
import json
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import requests
from tincan import Activity, Agent, RemoteLRS, Verb

VERSION = "1.0.3"


def moodle_actor(email: str, name: str = "Erika Mustermann") -> dict:
    return {"name": name, "mbox": f"mailto:{email}", "objectType": "Agent"}


def request_credentials(
    endpoint, master, *, actor, activity_id, registration, minutes=60, expiry=None
):
    """POST {endpoint}Basic/request; returns the response (JSON {"key", "secret"} on 200)."""
    expiry = expiry or datetime.now(UTC) + timedelta(minutes=minutes)
    body = {
        "scope": ["all"],
        "expiry": expiry.isoformat(timespec="seconds"),
        "historical": False,
        "actors": {"objectType": "Person", "name": [actor["name"]]},
        "auth": {},
        "activity": [activity_id],
        "registration": str(registration),
    }
    if "mbox" in actor:
        body["actors"]["mbox"] = [actor["mbox"]]
    elif "account" in actor:
        body["actors"]["account"] = [{}]
    return requests.post(
        endpoint + "Basic/request",
        data=json.dumps(body).replace("\\/", "/"),
        auth=master,
        headers={"Content-Type": "application/json", "Accept": "application/json, */*; q=0.01"},
        timeout=10,
    )


def basic(key: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()


def launch_url(module_url, *, endpoint, auth, actor, registration, activity_id) -> str:
    params = {
        "endpoint": endpoint,
        "auth": auth,
        "actor": json.dumps(actor),
        "registration": str(registration),
        "activity_id": activity_id,
    }
    return f"{module_url}?{urlencode(params)}"


def lrs(endpoint, key, secret) -> RemoteLRS:
    return RemoteLRS(endpoint=endpoint, username=key, password=secret, version=VERSION)


def completion_query(endpoint, master, *, actor, activity_id) -> list:
    """The plugin's completion check: completed statements of the actor for the activity,
    related_activities=true, format=ids, following `more`."""
    remote = lrs(endpoint, *master)
    response = remote.query_statements(
        {
            "agent": Agent(mbox=actor["mbox"]),
            "verb": Verb(id="http://adlnet.gov/expapi/verbs/completed"),
            "activity": Activity(id=activity_id),
            "related_activities": "true",
            "format": "ids",
        }
    )
    assert response.success, response.data
    statements = list(response.content.statements)
    more = response.content.more
    while more:
        page = remote.more_statements(more)
        assert page.success, page.data
        statements += page.content.statements
        more = page.content.more
    return statements
