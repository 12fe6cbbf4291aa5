"""The Statements resource, /xapi/statements (xAPI 1.0.3 Communication §2.1)."""

import functools
import uuid
from dataclasses import replace

from django.http import HttpResponse, JsonResponse
from django.utils import timezone

from dbrouting import consistent_through, replica_reads

from . import formats, jsonio, multipart
from .credentials import (
    OutOfScope,
    check_not_launch_credential,
    check_statements_in_scope,
    issue_launch_credential,
)
from .http import LRSError, LRSRequest, last_modified, lrs_endpoint, no_content
from .models import ActivityDefinition, Attachment, LaunchCredential, Statement
from .queries import parse_query, query_from_cursor, run_query
from .store import store_statements
from .values import StatementInvalid, check_uuid

SINGLE_PARAMS = {"statementId", "voidedStatementId", "attachments", "format"}


def _consistent_through(view):
    """Communication §2.1.3.s2.b5: every response of the Statements resource, errors included,
    carries X-Experience-API-Consistent-Through: the moment of the answer. A write still in
    flight may commit a little later with an earlier `stored` (its transaction takes
    milliseconds), which the clause's "reasonable certainty" allows."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if "X-Experience-API-Consistent-Through" not in response:
            response["X-Experience-API-Consistent-Through"] = timezone.now().isoformat()
        return response

    return wrapper


@_consistent_through
@lrs_endpoint(methods={"GET", "HEAD", "PUT", "POST"})
def statements(request: LRSRequest):
    if request.method == "PUT":
        return _put(request)
    if request.method == "POST":
        return _post(request)
    return _get(request)


def _statements_and_attachments(request: LRSRequest):
    if request.content_type == "multipart/mixed":
        try:
            json_part, attachments = multipart.parse(request.body, request.headers["content-type"])
        except multipart.MultipartInvalid as error:
            raise LRSError(400, str(error)) from error
        return jsonio.loads(json_part), attachments
    if request.content_type != "application/json":
        raise LRSError(400, "Content-Type must be application/json or multipart/mixed")
    return request.json_body(), []


def _put(request: LRSRequest):
    """§2.1.1: store one statement with the id given in `statementId`."""
    if set(request.params) != {"statementId"}:
        raise LRSError(400, "PUT needs exactly the parameter statementId")
    statement_id = check_uuid(request.params["statementId"], "statementId").lower()
    statement, attachments = _statements_and_attachments(request)
    if not isinstance(statement, dict):
        raise StatementInvalid("statement", "PUT takes one statement (a JSON object)")
    if "id" in statement and check_uuid(statement["id"], "statement.id").lower() != statement_id:
        raise StatementInvalid("statement.id", "differs from the statementId parameter")
    statement = {**statement, "id": statement_id}
    _check_scope(request, [statement])
    store_statements(
        [statement],
        authority=request.client.authority,
        attachments=attachments,
        path="statement",
        trusted=_trusted(request),
    )
    return no_content()


def _post(request: LRSRequest):
    """§2.1.2: store one statement or a list; answer with their ids."""
    if request.params:
        raise LRSError(400, f"POST takes no parameters (got {sorted(request.params)[0]})")
    body, attachments = _statements_and_attachments(request)
    batch = body if isinstance(body, list) else [body]
    if not batch:
        raise StatementInvalid("statements", "the list is empty")
    _check_scope(request, batch)
    ids = store_statements(
        batch,
        authority=request.client.authority,
        attachments=attachments,
        trusted=_trusted(request),
    )
    return JsonResponse(ids, safe=False)


def _get(request: LRSRequest):
    """Statement queries may read from a replica (dbrouting); Consistent-Through then says
    how far it has replayed (Communication §2.1.3.s2.b5)."""
    with replica_reads():
        response = _query(request)
        response["X-Experience-API-Consistent-Through"] = consistent_through().isoformat()
    return response


def _query(request: LRSRequest):
    if "statementId" in request.params or "voidedStatementId" in request.params:
        return _get_one(request)
    if "more" in request.params:
        if set(request.params) != {"more"}:
            raise LRSError(400, "a more link takes no other parameters")
        query = query_from_cursor(request.params["more"])
    else:
        query = parse_query(request.params)
    query = _own_statements_only(request, query)
    page = run_query(query)
    if query.format == "exact" and not query.attachments:
        response = HttpResponse(_page_json(page), content_type="application/json")
    else:
        statements = page.statements()
        languages = formats.accepted_languages(request.headers.get("accept-language", ""))
        definitions = _canonical_definitions(statements, query.format)
        result = {
            "statements": [
                formats.render(s, query.format, languages, definitions) for s in statements
            ],
            "more": page.more,
        }
        response = _respond(result, statements if query.attachments else [])
    return last_modified(response, page.last_stored or timezone.now())


def _trusted(request: LRSRequest) -> bool:
    """Whose activity definitions may change the stored ones (Data §2.4.4.1.s4.b3): an
    operator's LRS client, not a launch credential (content in a learner's browser)."""
    return not isinstance(request.client, LaunchCredential)


def _check_scope(request: LRSRequest, statements: list) -> None:
    if isinstance(request.client, LaunchCredential):
        check_statements_in_scope(request.client, statements)


def _own_statements_only(request: LRSRequest, query):
    """A launch credential reads its actor's statements only: the agent filter is implied,
    and another agent, or related agents, are refused."""
    credential = request.client
    if not isinstance(credential, LaunchCredential):
        return query
    if query.related_agents or query.agent_ifi not in (None, credential.actor_ifi):
        raise OutOfScope("this launch credential reads only its own actor's statements")
    # Communication §2.1.3.s2.b3 allows narrowing by permission: statements of others that
    # target this actor's statements (§2.1.3.s3) are not this credential's to read.
    return replace(query, agent_ifi=credential.actor_ifi, statement_refs=False)


@lrs_endpoint(methods={"POST"}, versioned=False)
def launch_credential_request(request: LRSRequest):
    """`POST /xapi/Basic/request`: the credential request of Learning Locker 1 that Moodle's
    mod_tincanlaunch makes before each launch (its "LRS integration" setting). Not part of
    xAPI, hence no version header. The client authenticates with its own key and secret and
    must be allowed to write; the answer holds the launch credential's key and secret."""
    check_not_launch_credential(request.client)
    if request.params:
        raise LRSError(400, "the credential request takes no parameters")
    credential, secret = issue_launch_credential(client=request.client, body=request.json_body())
    return JsonResponse(
        {"key": credential.key, "secret": secret, "expiry": credential.expires_at.isoformat()}
    )


def _page_json(page) -> str:
    """The StatementResult of a page, assembled from the statements' stored JSON text."""
    return f'{{"statements":[{",".join(page.raw_statements)}],"more":{jsonio.dumps(page.more)}}}'


def _get_one(request: LRSRequest):
    """§2.1.3: one statement by id; a voided one only as voidedStatementId."""
    extra = set(request.params) - SINGLE_PARAMS
    if extra or ("statementId" in request.params and "voidedStatementId" in request.params):
        raise LRSError(400, "statementId and voidedStatementId take only attachments and format")
    voided = "voidedStatementId" in request.params
    name = "voidedStatementId" if voided else "statementId"
    statement_id = uuid.UUID(check_uuid(request.params[name], name))
    query = parse_query({k: v for k, v in request.params.items() if k in {"attachments", "format"}})
    row = Statement.objects.filter(statement_id=statement_id, voided=voided).first()
    credential = request.client if isinstance(request.client, LaunchCredential) else None
    if credential is not None and row is not None and row.actor_ifi != credential.actor_ifi:
        row = None  # another actor's statement does not exist for this credential
    if row is None:
        raise LRSError(404, f"no {'voided ' if voided else ''}statement with id {statement_id}")
    languages = formats.accepted_languages(request.headers.get("accept-language", ""))
    definitions = _canonical_definitions([row.data], query.format)
    response = _respond(
        formats.render(row.data, query.format, languages, definitions),
        [row.data] if query.attachments else [],
    )
    response["X-Experience-API-Consistent-Through"] = timezone.now().isoformat()
    return last_modified(response, row.stored)


def _canonical_definitions(statements: list[dict], fmt: str) -> dict[str, dict]:
    """For format=canonical, the LRS's canonical definition of each activity on the page (Data
    §2.4.4.1.s4.b3 keeps it merged), in one query."""
    if fmt != "canonical":
        return {}
    ids = set().union(*(formats.activity_ids(s) for s in statements))
    return dict(
        ActivityDefinition.objects.filter(activity_id__in=ids).values_list(
            "activity_id", "definition"
        )
    )


def _respond(result, with_attachments_of: list[dict]) -> HttpResponse:
    if not with_attachments_of:
        return HttpResponse(jsonio.dumps(result), content_type="application/json")
    hashes = {
        attachment["sha2"]
        for statement in with_attachments_of
        for attachment in statement.get("attachments", [])
    }  # §2.1.3.s2.b6: all attachments; those with a fileUrl too when their part came along
    body, content_type = multipart.build(
        jsonio.dumps(result), list(Attachment.objects.filter(sha2__in=hashes))
    )
    return HttpResponse(body, content_type=content_type)
