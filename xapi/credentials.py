"""Who is calling the LRS, and how far their credentials reach.

Two kinds of credentials authenticate with HTTP Basic (xAPI 1.0.3 Communication §4.1):

- an LRSClient's long-lived key and secret (Moodle's "Basic username/password"), which may
  read or write everything its rights allow;
- a LaunchCredential, issued to a client for one launch through the credential request of
  Learning Locker 1 that Moodle's mod_tincanlaunch makes (`POST /xapi/Basic/request`, not part
  of the xAPI specification). It stands for one actor: it writes statements only about that
  actor, in its registration and activity tree, and reads only that actor's statements and
  documents, until it expires.
"""

import base64
import binascii
import time
import uuid
from datetime import UTC, datetime, timedelta

from django.utils import timezone

from . import app_settings
from .agents import IFI_KEYS, agent_ifi
from .models import LaunchCredential, LRSClient
from .validation import check_agent
from .values import StatementInvalid, check_iri, check_timestamp, check_uuid

# The scopes of Learning Locker 1 (and of the TinCan launch guidelines); "all" is what
# mod_tincanlaunch asks for.
READ_SCOPES = {"all", "all/read", "statements/read", "statements/read/mine", "state", "profile"}
WRITE_SCOPES = {"all", "statements/write", "state", "profile", "define"}


class CredentialRequestInvalid(ValueError):
    """The credential request cannot be granted as sent (400)."""


class OutOfScope(PermissionError):
    """A launch credential tried to reach beyond its actor, registration or activities (403)."""


def parse_basic(header: str) -> tuple[str, str] | None:
    """(key, secret) from an `Authorization: Basic …` value, or None if it is not one."""
    scheme, _, encoded = header.strip().partition(" ")
    if scheme.lower() != "basic" or not encoded:
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode()
        key, colon, secret = decoded.partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    if any(ord(character) < 32 or character == "\x7f" for character in key):
        return None  # no key has control characters, and no database column takes NUL
    return (key, secret) if colon and key else None


# key → (monotonic time it was read, the client): clients authenticated in the last
# SENSI_XAPI_CLIENT_CACHE_SECONDS, so that a client's every request (Moodle's, an LMS's)
# does not cost two queries. A revocation reaches a running worker within that time.
_clients: dict[str, tuple[float, LRSClient]] = {}
_CLIENTS_MAX = 1000


def authenticate(key: str, secret: str) -> LRSClient | LaunchCredential | None:
    """The live client or launch credential with this key and secret, or None.

    The secret is checked on every request (in constant time, by its hash); only the client
    row is remembered, never whether a secret was right. Launch credentials are looked up
    each time: they are short-lived, and their expiry moves."""
    read_at, client = _clients.get(key, (None, None))
    fresh_for = app_settings.SENSI_XAPI_CLIENT_CACHE_SECONDS
    if read_at is not None and time.monotonic() - read_at < fresh_for:
        return client if client.check_secret(secret) else None
    credential = LaunchCredential.objects.select_related("client").filter(key=key).first()
    if credential is not None:
        if credential.check_secret(secret) and credential.is_live(timezone.now()):
            return credential
        return None
    client = LRSClient.objects.filter(key=key, revoked_at__isnull=True).first()
    if client is None:
        _clients.pop(key, None)
        return None
    if app_settings.SENSI_XAPI_CLIENT_CACHE_SECONDS > 0:
        if len(_clients) >= _CLIENTS_MAX:
            _clients.clear()
        _clients[key] = (time.monotonic(), client)
    return client if client.check_secret(secret) else None


def forget_clients() -> None:
    """Read every client from the database again (tests; after revoking in this process)."""
    _clients.clear()


# --- the credential request ------------------------------------------------------------------


def issue_launch_credential(*, client: LRSClient, body) -> tuple[LaunchCredential, str]:
    """Grant a credential request as mod_tincanlaunch sends it (locallib.php,
    `tincanlaunch_get_creds_learninglocker`):

        {"scope": ["all"], "expiry": "2026-12-06T17:00:00+00:00", "historical": false,
         "actors": {"objectType": "Person", "name": ["…"], "mbox": ["mailto:…"]},
         "auth": <the actor>, "activity": ["<activity IRI>"], "registration": "<UUID>"}

    Returns the credential and its secret, which is not stored.
    """
    if not isinstance(body, dict):
        raise CredentialRequestInvalid("the body must be a JSON object")
    can_read, can_write = _scope(body.get("scope", ["all"]))
    now = timezone.now()
    try:
        actor = _actor(body)
        activity_ids = _activities(body.get("activity"))
        registration = body.get("registration")
        if registration not in (None, ""):
            registration = uuid.UUID(check_uuid(registration, "registration"))
        else:
            registration = None
        expires_at = _expiry(body.get("expiry"), now)
    except StatementInvalid as error:
        raise CredentialRequestInvalid(str(error)) from error
    if "historical" in body and not isinstance(body["historical"], bool):
        # Reads are limited to the actor's own statements whatever `historical` says.
        raise CredentialRequestInvalid("historical: must be true or false")
    return LaunchCredential.issue(
        client=client,
        actor=actor,
        actor_ifi=agent_ifi(actor),
        registration=registration,
        activity_ids=activity_ids,
        can_read=can_read,
        can_write=can_write,
        expires_at=expires_at,
    )


def _scope(scope) -> tuple[bool, bool]:
    if not isinstance(scope, list) or not scope or not all(isinstance(s, str) for s in scope):
        raise CredentialRequestInvalid("scope: must be a non-empty list of scopes")
    unknown = sorted(set(scope) - READ_SCOPES - WRITE_SCOPES)
    if unknown:
        raise CredentialRequestInvalid(f"scope: {unknown[0]} is not a scope Sensi grants")
    return bool(READ_SCOPES & set(scope)), bool(WRITE_SCOPES & set(scope))


def _actor(body: dict) -> dict:
    """The agent the credential stands for: `auth` when it is a whole agent, else the first
    identifier of the `actors` Person.

    mod_tincanlaunch sends `auth` and an account in `actors` as PHP objects whose properties
    json_encode cannot see, so they arrive as {}: only an e-mail address ("Identify by email")
    identifies the learner in its request."""
    auth = body.get("auth")
    if isinstance(auth, dict) and any(key in auth for key in IFI_KEYS):
        check_agent(auth, "auth")
        candidates = [auth]
    else:
        candidates = []
    person = body.get("actors")
    if isinstance(person, dict):
        names = person.get("name") if isinstance(person.get("name"), list) else []
        for key in IFI_KEYS:
            values = person.get(key)
            for value in values if isinstance(values, list) else []:
                agent = {"objectType": "Agent", key: value}
                if names and isinstance(names[0], str):
                    agent["name"] = names[0]
                try:
                    check_agent(agent, "actors")
                except StatementInvalid:
                    continue
                candidates.append(agent)
    if not candidates:
        raise CredentialRequestInvalid(
            "auth, actors: no identifier of the learner (with mod_tincanlaunch, choose "
            '"Identify by email": it sends account identifiers empty)'
        )
    identities = {agent_ifi(agent) for agent in candidates}
    if auth in candidates and len(identities) > 1:
        raise CredentialRequestInvalid("auth and actors name different learners")
    return candidates[0]


def _activities(value) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise CredentialRequestInvalid("activity: must name the launched activity")
    return [check_iri(item, f"activity[{index}]") for index, item in enumerate(value)]


def _expiry(value, now: datetime) -> datetime:
    latest = now + timedelta(minutes=app_settings.SENSI_XAPI_LAUNCH_CREDENTIAL_MAX_MINUTES)
    if value is None:
        return latest
    moment = check_timestamp(value, "expiry")
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if moment <= now:
        raise CredentialRequestInvalid("expiry: lies in the past")
    return min(moment, latest)


# --- what a launch credential may reach ----------------------------------------------------


def check_statements_in_scope(credential: LaunchCredential, statements) -> None:
    """Every statement is about the credential's actor, in its registration and activity
    tree. Malformed statements are left to validation, which refuses them with a 400."""
    for index, statement in enumerate(statements):
        if not isinstance(statement, dict) or not isinstance(statement.get("actor"), dict):
            continue
        path = f"statements[{index}]"
        if agent_ifi(statement["actor"]) != credential.actor_ifi:
            raise OutOfScope(f"{path}.actor: this launch credential is for another actor")
        context = statement.get("context") if isinstance(statement.get("context"), dict) else {}
        registration = context.get("registration")
        expected = str(credential.registration) if credential.registration else None
        if expected and (not isinstance(registration, str) or registration.lower() != expected):
            raise OutOfScope(f"{path}.context.registration: must be the launch's registration")
        if not any(credential.covers_activity(a) for a in _activities_of(statement, context)):
            raise OutOfScope(f"{path}.object: is outside the launched activity")


def _activities_of(statement: dict, context: dict) -> list[str]:
    found = []
    obj = statement.get("object")
    if isinstance(obj, dict) and obj.get("objectType", "Activity") == "Activity":
        found.append(obj.get("id"))
    activities = context.get("contextActivities")
    for kind in ("parent", "grouping") if isinstance(activities, dict) else ():
        value = activities.get(kind)
        for activity in value if isinstance(value, list) else [value]:
            if isinstance(activity, dict):
                found.append(activity.get("id"))
    return [a for a in found if isinstance(a, str)]


def check_agent_in_scope(principal, ifi: str | None) -> None:
    """A launch credential reaches only its own actor's statements and documents."""
    if isinstance(principal, LaunchCredential) and ifi != principal.actor_ifi:
        raise OutOfScope("this launch credential reaches only its own actor")


def check_not_launch_credential(principal) -> None:
    if isinstance(principal, LaunchCredential):
        raise OutOfScope("a launch credential cannot use this resource")
