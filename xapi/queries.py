"""Reading statements: GET /xapi/statements (xAPI 1.0.3 Communication §2.1.3).

Results come in storage order (`seq`, newest first unless ascending). A `more` link carries
a signed cursor with the query, the last position and the upper bound of the first page, so
that statements stored while a client pages do not shift or repeat its pages.
"""

import json
import uuid
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime

from django.core import signing
from django.db.models import Exists, F, Lookup, OuterRef, Q, TextField
from django.db.models.functions import Cast

from . import app_settings, jsonio
from .agents import agent_ifi
from .models import Statement
from .validation import check_actor
from .values import StatementInvalid, check_iri, check_timestamp, check_uuid

CURSOR_SALT = "sensi.xapi.more"
FORMATS = ("exact", "ids", "canonical")
QUERY_PARAMS = {
    "agent",
    "verb",
    "activity",
    "registration",
    "related_activities",
    "related_agents",
    "since",
    "until",
    "limit",
    "format",
    "attachments",
    "ascending",
}


@dataclass(frozen=True)
class StatementQuery:
    agent_ifi: str | None = None
    verb: str | None = None
    activity: str | None = None
    registration: str | None = None
    related_activities: bool = False
    related_agents: bool = False
    since: str | None = None
    until: str | None = None
    limit: int = 0
    format: str = "exact"
    attachments: bool = False
    ascending: bool = False
    statement_refs: bool = True  # Communication §2.1.3.s3: also statements targeting matches
    after_seq: int | None = None  # cursor: continue after this position
    bound_seq: int | None = None  # cursor: ignore what was stored after the first page


def _flag(params, name: str) -> bool:
    value = params.get(name, "false").lower()  # some clients send Python's "True"
    if value not in ("true", "false"):
        raise StatementInvalid(name, "must be true or false")
    return value == "true"


def parse_query(params) -> StatementQuery:
    """The query from GET parameters; raises StatementInvalid naming the bad parameter."""
    unknown = set(params) - QUERY_PARAMS
    if unknown:
        raise StatementInvalid(sorted(unknown)[0], "is not a statement query parameter")
    query = StatementQuery(
        related_activities=_flag(params, "related_activities"),
        related_agents=_flag(params, "related_agents"),
        attachments=_flag(params, "attachments"),
        ascending=_flag(params, "ascending"),
    )
    changes = {}
    if "agent" in params:
        try:
            agent = jsonio.loads(params["agent"])
        except jsonio.JSONInvalid as error:
            raise StatementInvalid("agent", f"is not JSON: {error}") from error
        check_actor(agent, "agent")
        changes["agent_ifi"] = agent_ifi(agent)
        if changes["agent_ifi"] is None:
            raise StatementInvalid("agent", "must be an agent or identified group")
    if "verb" in params:
        changes["verb"] = check_iri(params["verb"], "verb")
    if "activity" in params:
        changes["activity"] = check_iri(params["activity"], "activity")
    if "registration" in params:
        changes["registration"] = check_uuid(params["registration"], "registration").lower()
    for name in ("since", "until"):
        if name in params:
            check_timestamp(params[name], name)
            changes[name] = params[name]
    if "limit" in params:
        limit = params["limit"]
        if not limit or not limit.isascii() or not limit.isdigit():  # isdigit() takes "²"
            raise StatementInvalid("limit", "must be a non-negative integer")
        # beyond the page size anyway; int() refuses more than 4,300 digits
        changes["limit"] = int(limit) if len(limit) < 10 else 10**9
    if "format" in params:
        if params["format"] not in FORMATS:
            raise StatementInvalid("format", "must be ids, exact or canonical")
        changes["format"] = params["format"]
    return replace(query, **changes)


def page_size(query: StatementQuery) -> int:
    maximum = app_settings.SENSI_XAPI_PAGE_SIZE
    return maximum if query.limit == 0 else min(query.limit, maximum)


class Mentions(Lookup):
    """A JSON list of strings (Statement.agents, .activities) holds the string. PostgreSQL:
    `@>`, which the lists' GIN indexes answer; SQLite: a search of the list by json_each."""

    lookup_name = "mentions"
    prepare_rhs = False  # a plain string, not a JSON value to encode

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        sql = f"EXISTS (SELECT 1 FROM json_each({lhs}) WHERE json_each.value = {rhs})"
        return sql, (*lhs_params, *rhs_params)

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} @> %s::jsonb", (*lhs_params, json.dumps([self.rhs]))


def _filtered(query: StatementQuery):
    statements = _matching(query, Statement.objects.filter(voided=False))
    filtered = query.agent_ifi or query.verb or query.activity or query.registration
    if query.statement_refs and filtered:
        targeting = _targeting(_matching(query, Statement.objects.all()))
        if targeting:
            statements = Statement.objects.filter(voided=False).filter(
                Q(seq__in=statements.values("seq")) | Q(seq__in=targeting)
            )
    if query.since:
        statements = statements.filter(stored__gt=_when(query.since))
    if query.until:
        statements = statements.filter(stored__lte=_when(query.until))
    return statements


def _targeting(targets) -> list[int]:
    """Communication §2.1.3.s3 ("Filter Conditions for StatementRefs"): a statement whose
    object is a StatementRef meets the filters that are not about time or sequence when the
    statement it targets meets them, recursively (a targets b targets c). Voided targets
    count (§2.1.4.s1.b2: the voiding statement is still returned). Returns the seq of every
    such statement; the time filters and `voided` are the caller's.

    Few statements target others (voiding, confirmations), so they are looked up from that
    side: the ones whose target matches, then the ones targeting those, until none is new
    (statement ids can form a cycle). When none exists the query keeps its plain form."""
    rows = list(
        Statement.objects.filter(object_statement_id__isnull=False)
        .filter(Exists(targets.filter(statement_id=OuterRef("object_statement_id"))))
        .values_list("seq", "statement_id")
    )
    found: set[int] = set()
    while rows:
        new = [(seq, statement_id) for seq, statement_id in rows if seq not in found]
        found.update(seq for seq, _ in new)
        ids = [statement_id for _, statement_id in new]
        rows = [
            row
            for start in range(0, len(ids), 500)
            for row in Statement.objects.filter(
                object_statement_id__in=ids[start : start + 500]
            ).values_list("seq", "statement_id")
        ]
    return sorted(found)


def _matching(query: StatementQuery, statements):
    """The filters that are not about time or sequence (agent, verb, activity, registration)."""
    if query.agent_ifi:
        if query.related_agents:
            statements = statements.filter(Mentions(F("agents"), query.agent_ifi))
        else:  # the actor, or an agent as the object
            statements = statements.filter(
                Q(actor_ifi=query.agent_ifi) | Q(object_agent_ifi=query.agent_ifi)
            )
    if query.verb:
        statements = statements.filter(verb_id=query.verb)
    if query.activity:
        if query.related_activities:
            statements = statements.filter(Mentions(F("activities"), query.activity))
        else:
            statements = statements.filter(object_activity_id=query.activity)
    if query.registration:
        statements = statements.filter(registration=uuid.UUID(query.registration))
    return statements


def _when(value: str) -> datetime:
    moment = check_timestamp(value, "timestamp")
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class StatementPage:
    """A page of statements as the JSON text the database holds: a client that asks for them
    exactly as stored gets that text without a decode and re-encode (most of a page's cost)."""

    raw_statements: list[str]
    more: str
    last_stored: datetime | None

    def statements(self) -> list[dict]:
        return [json.loads(raw) for raw in self.raw_statements]


def run_query(query: StatementQuery) -> StatementPage:
    statements = _filtered(query)
    if query.bound_seq is None:
        latest = Statement.objects.order_by("-seq").values_list("seq", flat=True).first()
        query = replace(query, bound_seq=latest or 0)
    if query.after_seq is not None and not query.ascending:
        # A later page of newest-first results: seq < after_seq already implies
        # seq <= bound_seq (after_seq came from a page within the bound). Given both upper
        # bounds, SQLite walks the index from the looser one, so each page scanned every
        # statement above it and paging through a million took quadratic time (bench/lrs.py:
        # 8,097/s at 100,000 statements, 1,086/s at 1,000,000).
        statements = statements.filter(seq__lt=query.after_seq)
    else:
        statements = statements.filter(seq__lte=query.bound_seq)
        if query.after_seq is not None:
            statements = statements.filter(seq__gt=query.after_seq)
    size = page_size(query)
    rows = list(
        statements.order_by("seq" if query.ascending else "-seq")
        .annotate(raw=Cast("data", TextField()))
        .values_list("seq", "stored", "raw")[: size + 1]
    )
    more = ""
    if len(rows) > size:
        rows = rows[:size]
        more = "/xapi/statements?more=" + signing.dumps(
            asdict(replace(query, after_seq=rows[-1][0])), salt=CURSOR_SALT, compress=True
        )
    last_stored = max((row[1] for row in rows), default=None)
    return StatementPage([row[2] for row in rows], more, last_stored)


def query_from_cursor(token: str) -> StatementQuery:
    try:
        return StatementQuery(
            **signing.loads(token, salt=CURSOR_SALT, max_age=app_settings.SENSI_XAPI_MORE_MAX_AGE)
        )
    except (signing.BadSignature, TypeError) as error:
        raise StatementInvalid("more", "is not a valid or current more link") from error
