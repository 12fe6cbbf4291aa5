"""The document resources and the small ones beside them (xAPI 1.0.3 Communication §2.2–§2.8):
/activities/state, /activities/profile, /agents/profile, /activities, /agents and /about.

The views only translate parameters and headers; xapi.documents does the work.
"""

import uuid
from datetime import UTC, datetime

from django.http import HttpResponse, JsonResponse

from . import documents, jsonio, versions
from .agents import IFI_KEYS, agent_ifi
from .credentials import check_agent_in_scope, check_not_launch_credential
from .documents import Preconditions, Scope
from .http import LRSError, LRSRequest, last_modified, lrs_endpoint, no_content
from .models import ActivityDefinition, Document
from .validation import check_actor, check_agent
from .values import StatementInvalid, check_content_type, check_iri, check_timestamp, check_uuid

DOCUMENT_METHODS = {"GET", "PUT", "POST", "DELETE"}
ERROR_STATUS = {
    documents.DocumentNotFound: 404,
    documents.PreconditionFailed: 412,
    documents.DocumentConflict: 409,
    documents.NotMergeable: 400,
}
# Longer values would not fit the columns of Document (and no sensible client sends them).
MAX_LENGTH = {"activityId": 512, "stateId": 255, "profileId": 255}


@lrs_endpoint(methods=DOCUMENT_METHODS)
def activity_state(request: LRSRequest) -> HttpResponse:
    """§2.3 State Resource: documents per activity, agent and (optional) registration."""
    _only(request, {"activityId", "agent", "registration", "stateId"}, "stateId")
    activity_id = _activity_id(request)
    agent, ifi = _agent(request, group_allowed=True)
    check_agent_in_scope(request.client, ifi)
    registration = request.params.get("registration")
    if registration is not None:
        registration = uuid.UUID(check_uuid(registration, "registration"))
    scope = Scope(Document.Kind.STATE, activity_id, ifi, registration)
    return _document_resource(request, scope, "stateId", agent=agent)


@lrs_endpoint(methods=DOCUMENT_METHODS)
def activity_profile(request: LRSRequest) -> HttpResponse:
    """§2.7 Activity Profile Resource."""
    _only(request, {"activityId", "profileId"}, "profileId")
    check_not_launch_credential(request.client)
    scope = Scope(Document.Kind.ACTIVITY_PROFILE, activity_id=_activity_id(request))
    return _document_resource(request, scope, "profileId")


@lrs_endpoint(methods=DOCUMENT_METHODS)
def agent_profile(request: LRSRequest) -> HttpResponse:
    """§2.6 Agent Profile Resource; the agent is an Agent, not a Group."""
    _only(request, {"agent", "profileId"}, "profileId")
    agent, ifi = _agent(request, group_allowed=False)
    check_agent_in_scope(request.client, ifi)
    scope = Scope(Document.Kind.AGENT_PROFILE, agent_ifi=ifi)
    return _document_resource(request, scope, "profileId", agent=agent)


@lrs_endpoint(methods={"GET"})
def activities(request: LRSRequest) -> HttpResponse:
    """§2.5 Activities Resource: the activity with the latest definition it was sent with,
    or just its id when the LRS has none (§2.5.s2.b1)."""
    _only(request, {"activityId"})
    activity = {"objectType": "Activity", "id": _activity_id(request)}
    definition = (
        ActivityDefinition.objects.filter(activity_id=activity["id"])
        .values_list("definition", flat=True)
        .first()
    )
    if definition is not None:
        activity["definition"] = definition
    return JsonResponse(activity)


@lrs_endpoint(methods={"GET"})
def agents(request: LRSRequest) -> HttpResponse:
    """§2.4 Agents Resource: a Person object. Sensi knows no other identities of an agent, so
    the Person holds what the request gave (§2.4.s3.b3)."""
    _only(request, {"agent"})
    agent, ifi = _agent(request, group_allowed=False)
    check_agent_in_scope(request.client, ifi)
    person = {"objectType": "Person"}
    for key in ("name", *IFI_KEYS):
        if key in agent:
            person[key] = [agent[key]]
    return JsonResponse(person)


@lrs_endpoint(methods={"GET"}, authenticated=False)
def about(request: LRSRequest) -> HttpResponse:
    """§2.8 About Resource: open to everyone, whatever the version header (§2.8.s5); it lists
    xAPI 2.0.0 and the 1.0 versions (2.0 §4.1.6.7)."""
    _only(request, set())
    return JsonResponse({"version": versions.ABOUT_VERSIONS, "extensions": {}})


# --- one handler for the three document resources ------------------------------------------


def _document_resource(
    request: LRSRequest, scope: Scope, id_param: str, *, agent: dict | None = None
) -> HttpResponse:
    document_id = request.params.get(id_param)
    try:
        if document_id is None:
            return _many(request, scope, id_param)
        return _one(request, scope, document_id, agent)
    except documents.DocumentError as error:
        raise LRSError(ERROR_STATUS[type(error)], str(error)) from error


def _many(request: LRSRequest, scope: Scope, id_param: str) -> HttpResponse:
    """Multiple document GET (ids) for all three, multiple document DELETE for state only."""
    if request.method == "GET":
        since = request.params.get("since")
        if since is not None:
            since = _timestamp(since, "since")
        ids, newest = documents.document_ids(scope, since)
        response = JsonResponse(ids, safe=False)
        # Communication §3.1.s4.b1: every GET of a document resource carries an ETag
        response["ETag"] = f'"{documents.etag_of(response.content)}"'
        return last_modified(response, newest)
    if request.method == "DELETE" and scope.kind == Document.Kind.STATE:
        documents.delete_documents(scope)
        return no_content()
    raise LRSError(400, f"parameter {id_param} is required")


def _one(request: LRSRequest, scope: Scope, document_id: str, agent: dict | None) -> HttpResponse:
    if request.method == "GET":
        document = documents.get_document(scope, document_id)
        response = HttpResponse(bytes(document.content), content_type=document.content_type)
        response["ETag"] = f'"{document.etag}"'
        return last_modified(response, document.updated)
    preconditions = _preconditions(request)
    if request.method == "DELETE":
        documents.delete_document(scope=scope, document_id=document_id, preconditions=preconditions)
        return no_content()
    fields = {
        "scope": scope,
        "document_id": document_id,
        "content": request.body,
        "content_type": _content_type(request),
        "agent": agent,
        "preconditions": preconditions,
    }
    if request.method == "PUT":
        # Which resources insist on a precondition before replacing a document depends on
        # the version (xapi.versions): profiles only in 1.0.3 (§3.1.s3), all three in 2.0.
        require = request.version.put_needs_precondition(is_state=scope.kind == Document.Kind.STATE)
        document = documents.put_document(**fields, require_precondition=require)
    else:
        document = documents.post_document(**fields)
    response = no_content()
    response["ETag"] = f'"{document.etag}"'  # saves the client a GET before its next write
    return response


# --- parameters and headers -----------------------------------------------------------------


def _only(request: LRSRequest, allowed: set[str], id_param: str | None = None) -> None:
    """§3.2.s3.b7: a parameter the resource does not know is a 400. `since` belongs to the
    multiple document GET only."""
    if id_param and request.method == "GET" and id_param not in request.params:
        allowed = allowed | {"since"}
    unknown = sorted(set(request.params) - allowed)
    if unknown:
        raise LRSError(400, f"parameter {unknown[0]} is not allowed here")
    for name, value in request.params.items():
        if len(value) > MAX_LENGTH.get(name, len(value)):
            raise LRSError(400, f"parameter {name} is longer than {MAX_LENGTH[name]} characters")


def _required(request: LRSRequest, name: str) -> str:
    value = request.params.get(name)
    if value is None:
        raise LRSError(400, f"parameter {name} is required")
    return value


def _activity_id(request: LRSRequest) -> str:
    return check_iri(_required(request, "activityId"), "activityId")


def _agent(request: LRSRequest, *, group_allowed: bool) -> tuple[dict, str]:
    """The agent parameter, parsed and validated, with its IFI (the key documents use)."""
    try:
        agent = jsonio.loads(_required(request, "agent"))
    except jsonio.JSONInvalid as error:
        raise LRSError(400, f"agent: {error}") from error
    (check_actor if group_allowed else check_agent)(agent, "agent")
    ifi = agent_ifi(agent)
    if ifi is None:
        raise LRSError(400, "agent: an anonymous group cannot own documents")
    if len(ifi) > 512:
        raise LRSError(400, "agent: the identifier is longer than 512 characters")
    return agent, ifi


def _content_type(request: LRSRequest) -> str:
    """The document's Content-Type, refused at write if it could not be sent back as a header
    (a line break, possible through the alternate syntax) or stored (over 255 characters)."""
    content_type = request.headers.get("content-type") or "application/octet-stream"
    try:
        return check_content_type(content_type, "Content-Type")
    except StatementInvalid as error:
        raise LRSError(400, str(error)) from error


def _timestamp(value: str, name: str) -> datetime:
    moment = check_timestamp(value, name)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _preconditions(request: LRSRequest) -> Preconditions:
    """§3.1: If-Match and If-None-Match hold quoted ETags (or *); compare them unquoted."""

    def tags(header: str | None) -> frozenset[str] | None:
        if header is None:
            return None
        return frozenset(
            tag.strip().removeprefix("W/").strip('"').lower()
            for tag in header.split(",")
            if tag.strip()
        )

    return Preconditions(
        if_match=tags(request.headers.get("if-match")),
        if_none_match=tags(request.headers.get("if-none-match")),
    )
