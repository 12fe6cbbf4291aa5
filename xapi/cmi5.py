"""The assignable unit's side of cmi5 (AICC/ADL cmi5 "Quartz" runtime specification): what Sensi
says to the launching LMS and its LRS when a module is opened by a cmi5 launch.

The LMS opens the AU's URL with `endpoint`, `fetch`, `actor`, `registration` and `activityId`
(cmi5 §8.1). The AU then

1. POSTs to the one-time `fetch` URL for its credential, `{"auth-token": …}`, or an error
   `{"error-code": …, "error-text": …}` (§8.2);
2. reads the `LMS.LaunchData` state document (§10): contextTemplate (with the session id),
   launchMode, moveOn, masteryScore, returnURL;
3. sends the "cmi5 defined" statements (§9.3) to the LMS's LRS with that credential.

This module is the HTTP client and the statement builder; it keeps no state and imports no
app (courses keeps the session, courses.cmi5 decides what to send when). Statements are built
as JSON here, not with `tincan`: the LMS's contextTemplate is merged into them at the JSON
level (§9.6.2) and they go verbatim to a foreign LRS.

Outbound requests are a server-side request made on behalf of a link anyone can craft, so the
`endpoint` and `fetch` URLs must lie under an origin in SENSI_CMI5_ALLOWED_ORIGINS (empty:
cmi5 launches are refused).
"""

import base64
import copy
import json
import logging
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlencode, urlsplit

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import app_settings, jsonio
from .agents import agent_ifi
from .launches import (
    LaunchInvalid,
    LaunchRefused,
    LaunchTicket,
    _bind,
    _launch_actor,
    needs_binding,
)
from .values import StatementInvalid, check_uuid

logger = logging.getLogger(__name__)

LAUNCH_PARAMS = {"endpoint", "fetch", "actor", "registration", "activityId"}
XAPI_VERSION = "1.0.3"
LAUNCH_DATA_STATE_ID = "LMS.LaunchData"

# cmi5 §9.6.2.1–2 and §9.6.3: context category activities and extensions.
CATEGORY_CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
CATEGORY_MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
EXT_SESSION_ID = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
EXT_MASTERY_SCORE = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"

# cmi5 §9.3: the "cmi5 defined" verbs an AU sends (abandoned, waived and satisfied are the LMS's).
VERBS = {
    "initialized": ("http://adlnet.gov/expapi/verbs/initialized", "initialized"),
    "completed": ("http://adlnet.gov/expapi/verbs/completed", "completed"),
    "passed": ("http://adlnet.gov/expapi/verbs/passed", "passed"),
    "failed": ("http://adlnet.gov/expapi/verbs/failed", "failed"),
    "terminated": ("http://adlnet.gov/expapi/verbs/terminated", "terminated"),
}
# §9.6.2.2: completed, passed and failed count towards moveOn.
MOVEON_VERBS = {"completed", "passed", "failed"}

LAUNCH_MODES = ("Normal", "Browse", "Review")
MOVE_ON = ("Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable")

FETCH_ERROR = _(
    "Your learning platform did not hand Sensi the access for this launch, for example because "
    "the launch link was used already. Please start the module again from your learning "
    "platform."
)
LMS_UNREACHABLE = _(
    "Sensi could not reach your learning platform to start this launch. Please try again later "
    "from your learning platform."
)


class Cmi5Unavailable(LaunchInvalid):
    """The LMS or its LRS did not answer as cmi5 says (502); nothing is recorded."""

    status = 502
    explanation = LMS_UNREACHABLE


class StatementRejected(Exception):
    """The LMS's LRS refused a statement (4xx): the session is over for it (for example the LMS
    abandoned it, §9.3.6)."""


@dataclass(frozen=True)
class LaunchParams:
    endpoint: str
    fetch: str
    actor: dict
    registration: str
    activity_id: str


@dataclass(frozen=True)
class LaunchData:
    """The parts of LMS.LaunchData (§10) Sensi uses."""

    context_template: dict
    session_id: str
    launch_mode: str
    move_on: str
    mastery_score: float | None
    return_url: str


def is_launch(params) -> bool:
    return set(params) >= LAUNCH_PARAMS


def _allowed(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.username:
        return False
    origin = f"{parts.scheme}://{parts.netloc}".lower()
    allowed = {o.rstrip("/").lower() for o in app_settings.SENSI_CMI5_ALLOWED_ORIGINS}
    return origin in allowed


def check_launch(*, activity_iri: str, params) -> LaunchParams:
    """The launch parameters (§8.1), checked without contacting anyone; raises LaunchInvalid
    or LaunchRefused (an LMS Sensi does not trust)."""
    if params.get("activityId") != activity_iri:
        raise LaunchInvalid(f"activityId does not name this module ({activity_iri})")
    for name in ("endpoint", "fetch"):
        value = params.get(name, "")
        if len(value) > 2000 or not _allowed(value):
            raise LaunchRefused(f"{name}: not under an origin in SENSI_CMI5_ALLOWED_ORIGINS")
    try:
        registration = str(uuid.UUID(check_uuid(params.get("registration"), "registration")))
    except StatementInvalid as error:
        raise LaunchInvalid(str(error)) from error
    return LaunchParams(
        endpoint=params["endpoint"].rstrip("/") + "/",
        fetch=params["fetch"],
        actor=_launch_actor(params.get("actor", "")),
        registration=registration,
        activity_id=activity_iri,
    )


def _ticket(*, actor: dict, registration: str, activity_id: str) -> LaunchTicket:
    return LaunchTicket(
        actor=actor, actor_ifi=agent_ifi(actor), registration=registration, activity_id=activity_id
    )


def actor_needs_binding(*, actor: dict) -> bool:
    """The LMS actor is not bound to anyone in Sensi yet: the learner confirms it is theirs
    (as for a TinCan launch, xapi.launches)."""
    return needs_binding(ticket=_ticket(actor=actor, registration="", activity_id=""))


def bind_actor(*, user, actor: dict, registration: str, activity_id: str) -> None:
    """Bind the LMS actor to `user` on first use; raises LaunchRefused if it is someone else's."""
    _bind(
        user=user, ticket=_ticket(actor=actor, registration=registration, activity_id=activity_id)
    )


def _request(method: str, url: str, *, token: str | None = None, body: bytes | None = None):
    headers = {"X-Experience-API-Version": XAPI_VERSION}
    if token is not None:
        headers["Authorization"] = f"Basic {token}"
    if body is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    return urllib.request.urlopen(request, timeout=app_settings.SENSI_CMI5_TIMEOUT_SECONDS)


def _read_json(response, limit: int = 1024 * 1024):
    raw = response.read(limit + 1)
    if len(raw) > limit:
        raise jsonio.JSONInvalid("response too large")
    return jsonio.loads(raw.decode("utf-8"))


def fetch_token(fetch_url: str) -> str:
    """POST to the fetch URL, once (§8.2). Raises LaunchRefused for an error answer (a used or
    unknown fetch URL) and Cmi5Unavailable when the LMS cannot be reached."""
    try:
        with _request("POST", fetch_url, body=b"") as response:
            answer = _read_json(response)
    except urllib.error.HTTPError as error:
        try:
            answer = _read_json(error)
        except (jsonio.JSONInvalid, UnicodeDecodeError, OSError):
            answer = {}
        code = answer.get("error-code", "?") if isinstance(answer, dict) else "?"
        raise LaunchRefused(f"fetch: HTTP {error.code}, error-code {code}", FETCH_ERROR) from None
    except (OSError, jsonio.JSONInvalid, UnicodeDecodeError) as error:
        raise Cmi5Unavailable(f"fetch: {type(error).__name__}") from None
    if not isinstance(answer, dict):
        raise LaunchRefused("fetch: the answer is not a JSON object", FETCH_ERROR)
    token = answer.get("auth-token")
    if "error-code" in answer or not isinstance(token, str) or not token:
        raise LaunchRefused(f"fetch: error-code {answer.get('error-code', '?')}", FETCH_ERROR)
    try:
        base64.b64decode(token, validate=True)
    except ValueError:
        raise LaunchRefused("fetch: the auth-token is not Base64", FETCH_ERROR) from None
    return token


def _absolute_http_url(value) -> bool:
    if not isinstance(value, str) or len(value) > 2000:
        return False
    parts = urlsplit(value)
    return parts.scheme in {"http", "https"} and bool(parts.netloc) and not parts.username


def read_launch_data(*, launch: LaunchParams, token: str) -> LaunchData:
    """GET the LMS.LaunchData state document (§10) and check what Sensi relies on."""
    query = urlencode(
        {
            "stateId": LAUNCH_DATA_STATE_ID,
            "activityId": launch.activity_id,
            "agent": json.dumps(launch.actor),
            "registration": launch.registration,
        }
    )
    try:
        with _request("GET", f"{launch.endpoint}activities/state?{query}", token=token) as answer:
            data = _read_json(answer)
    except urllib.error.HTTPError as error:
        raise Cmi5Unavailable(f"LMS.LaunchData: HTTP {error.code}") from None
    except (OSError, jsonio.JSONInvalid, UnicodeDecodeError) as error:
        raise Cmi5Unavailable(f"LMS.LaunchData: {type(error).__name__}") from None
    if not isinstance(data, dict):
        raise LaunchInvalid("LMS.LaunchData: not a JSON object")
    template = data.get("contextTemplate")
    extensions = template.get("extensions") if isinstance(template, dict) else None
    session_id = extensions.get(EXT_SESSION_ID) if isinstance(extensions, dict) else None
    if not isinstance(session_id, str) or not session_id or len(session_id) > 100:
        raise LaunchInvalid("LMS.LaunchData: contextTemplate has no session id")
    if data.get("launchMode") not in LAUNCH_MODES:
        raise LaunchInvalid("LMS.LaunchData: launchMode is not Normal, Browse or Review")
    move_on = data.get("moveOn", "NotApplicable")
    if move_on not in MOVE_ON:
        raise LaunchInvalid("LMS.LaunchData: unknown moveOn")
    mastery = data.get("masteryScore")
    if mastery is not None and (
        isinstance(mastery, bool) or not isinstance(mastery, int | float) or not 0 <= mastery <= 1
    ):
        raise LaunchInvalid("LMS.LaunchData: masteryScore is not a number from 0 to 1")
    return_url = data.get("returnURL") or ""
    if return_url and not _absolute_http_url(return_url):
        raise LaunchInvalid("LMS.LaunchData: returnURL is not an absolute http(s) URL")
    return LaunchData(
        context_template=template,
        session_id=session_id,
        launch_mode=data["launchMode"],
        move_on=move_on,
        mastery_score=float(mastery) if mastery is not None else None,
        return_url=return_url,
    )


def _iso_duration(delta: timedelta) -> str:
    seconds = max(0.0, delta.total_seconds())
    return f"PT{seconds:.2f}S"


def build_statement(
    *,
    verb: str,
    actor: dict,
    activity_id: str,
    registration: str,
    context_template: dict,
    started: datetime,
    mastery_score: float | None = None,
    result: dict | None = None,
    now: datetime | None = None,
) -> dict:
    """One "cmi5 defined" statement (§9): the contextTemplate merged in, the cmi5 category (and
    moveon for completed/passed/failed), the registration of the launch, the session id, the
    mastery score on passed/failed, and the duration since `started`."""
    now = now or timezone.now()
    iri, display = VERBS[verb]
    context = copy.deepcopy(context_template)
    context["registration"] = registration
    activities = context.setdefault("contextActivities", {})
    category = activities.get("category") or []
    if isinstance(category, dict):
        category = [category]
    wanted = [CATEGORY_CMI5] + ([CATEGORY_MOVEON] if verb in MOVEON_VERBS else [])
    present = {entry.get("id") for entry in category if isinstance(entry, dict)}
    category += [{"id": iri_} for iri_ in wanted if iri_ not in present]
    activities["category"] = category
    if verb in {"passed", "failed"} and mastery_score is not None:
        context.setdefault("extensions", {})[EXT_MASTERY_SCORE] = mastery_score
    outcome = dict(result or {})
    outcome["duration"] = _iso_duration(now - started)
    return {
        "id": str(uuid.uuid4()),
        "actor": actor,
        "verb": {"id": iri, "display": {"en-US": display}},
        "object": {"id": activity_id, "objectType": "Activity"},
        "result": outcome,
        "context": context,
        "timestamp": now.isoformat(),
    }


def send_statement(*, endpoint: str, token: str, statement: dict) -> None:
    """PUT the statement by its id (idempotent: a retry after a lost answer does not send it
    twice). Raises StatementRejected for a 4xx and Cmi5Unavailable otherwise."""
    url = f"{endpoint}statements?{urlencode({'statementId': statement['id']})}"
    try:
        with _request("PUT", url, token=token, body=json.dumps(statement).encode()):
            return
    except urllib.error.HTTPError as error:
        if 400 <= error.code < 500:
            raise StatementRejected(f"HTTP {error.code}") from None
        raise Cmi5Unavailable(f"statements: HTTP {error.code}") from None
    except OSError as error:
        raise Cmi5Unavailable(f"statements: {type(error).__name__}") from None
