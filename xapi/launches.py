"""Launches from an LMS by the Rustici launch method, as Moodle's TinCan Launch plugin
(mod_tincanlaunch) does it: the learner's browser opens the content's launch URL with
`endpoint`, `auth`, `actor`, `registration` and `activity_id` in the query string.

Sensi is itself the LRS the LMS reads from, so it keeps the launch's actor and registration
for the module and records the learner's statements under them; `endpoint` and `auth` are not
needed for that.
"""

import uuid

from django.db import transaction
from django.utils import timezone

from . import jsonio
from .activities import ActivityRef
from .models import Registration
from .recording import Event, record, registration_for
from .validation import StatementInvalid, check_actor, check_uuid
from .vocabulary import COMPLETED, LAUNCHED

LAUNCH_PARAMS = {"actor", "registration", "activity_id"}


class LaunchInvalid(ValueError):
    pass


def is_launch(params) -> bool:
    return set(params) >= LAUNCH_PARAMS


def _launch_actor(raw: str) -> dict:
    try:
        actor = jsonio.loads(raw)
    except jsonio.JSONInvalid as error:
        raise LaunchInvalid(f"actor: {error}") from error
    # TinCan launch clients may send a list of names/identifiers (Rustici's early format).
    for key in ("name", "mbox", "mbox_sha1sum", "openid"):
        if isinstance(actor.get(key), list) and actor[key]:
            actor[key] = actor[key][0]
    if isinstance(actor.get("account"), list) and actor["account"]:
        account = actor["account"][0]
        actor["account"] = {
            "homePage": account.get("homePage", account.get("accountServiceHomePage")),
            "name": account.get("name", account.get("accountName")),
        }
    actor.setdefault("objectType", "Agent")
    try:
        check_actor(actor, "actor")
    except StatementInvalid as error:
        raise LaunchInvalid(str(error)) from error
    return actor


@transaction.atomic
def accept_launch(
    *, user, root: ActivityRef, params, language: str, completed: bool
) -> Registration:
    """Remember the launch's actor and registration for this learner and module and record
    `launched`. If the learner `completed` the module already, record `completed` for this
    launch too, so that the LMS's completion check sees it."""
    if params["activity_id"] != root.iri:
        raise LaunchInvalid(f"activity_id does not name this module ({root.iri})")
    try:
        registration_id = uuid.UUID(check_uuid(params["registration"], "registration"))
    except StatementInvalid as error:
        raise LaunchInvalid(str(error)) from error
    actor = _launch_actor(params["actor"])
    registration = registration_for(user=user, root=root)
    registration.launch_actor = actor
    registration.registration = registration_id
    registration.launched_at = timezone.now()
    registration.save(update_fields=["launch_actor", "registration", "launched_at"])
    events = [Event(LAUNCHED, root)]
    if completed:
        events.append(Event(COMPLETED, root, result={"completion": True}))
    record(user=user, root=root, language=language, events=events)
    return registration
