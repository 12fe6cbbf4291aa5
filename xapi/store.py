"""Writing statements: validation, LRS-set properties, conflicts, voiding (xAPI 1.0.3
Communication §2.1.1–§2.1.2, Data §2.2 and §2.4)."""

import functools
import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from django.db import connection, transaction
from django.utils import timezone

from . import jsonio, versions
from .agents import agent_ifi, related_activities, related_agents
from .definitions import context_activities_as_lists, merge_definition
from .models import (
    ActivityDefinition,
    Attachment,
    Statement,
    StatementAttachment,
    attachment_hashes,
)
from .signatures import check_signatures
from .validation import validate_statement
from .values import VOIDED, StatementInvalid, check_timestamp

XAPI_VERSION = "1.0.3"


class StatementConflict(Exception):
    """A statement id is stored already with different content (409)."""


@dataclass(frozen=True)
class AttachmentPart:
    sha2: str
    content_type: str
    content: bytes


def comparison_hash(statement: Mapping) -> str:
    """Two submissions are "the same statement" when they agree on everything the sender
    controls; authority, stored and version are the LRS's (Data §2.5)."""
    significant = {
        k: v for k, v in statement.items() if k not in {"authority", "stored", "version"}
    }
    canonical = json.dumps(significant, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass
class _Row:
    """A statement about to be stored: the indexed columns of Statement and its data.

    Plain objects and one hand-written INSERT instead of model instances and bulk_create:
    preparing model fields took a third of the time of a batch."""

    statement_id: uuid.UUID
    stored: datetime
    timestamp: datetime
    actor_ifi: str
    verb_id: str
    object_activity_id: str
    object_statement_id: uuid.UUID | None
    object_agent_ifi: str | None
    registration: uuid.UUID | None
    comparison_hash: str
    agents: list[str]
    activities: list[str]
    data: dict
    seq: int | None = None


def _prepare(statement, *, path: str, authority: dict, stored: datetime) -> _Row:
    """Validate a parsed statement and complete it in place with what the LRS sets (the
    caller hands over a freshly parsed object: copying it would cost a sixth of the time)."""
    validate_statement(statement, path)
    context_activities_as_lists(statement)
    statement_hash = comparison_hash(statement)
    if "id" in statement:
        statement_id = uuid.UUID(statement["id"])
        statement["id"] = statement["id"].lower()
    else:
        statement_id = uuid.uuid4()  # one UUID object, not a string parsed back into another
        statement["id"] = str(statement_id)
    statement["authority"] = authority  # the LRS vouches by the client's credentials (§2.4.9)
    statement["stored"] = stored.isoformat()
    statement.setdefault("timestamp", statement["stored"])
    version = versions.current()
    statement["version"] = statement.get("version", version.statement_version)
    timestamp = check_timestamp(statement["timestamp"], f"{path}.timestamp")
    statement["timestamp"] = version.stored_timestamp(statement["timestamp"], timestamp)
    obj = statement["object"]
    if obj.get("objectType") == "SubStatement" and "timestamp" in obj:
        moment = check_timestamp(obj["timestamp"], f"{path}.object.timestamp")
        obj["timestamp"] = version.stored_timestamp(obj["timestamp"], moment)
    object_type = obj.get("objectType", "Activity")
    registration = (statement.get("context") or {}).get("registration")
    return _Row(
        statement_id=statement_id,
        stored=stored,
        # a timestamp without offset is UTC (Data §2.4.7)
        timestamp=timestamp if timestamp.tzinfo else timestamp.replace(tzinfo=UTC),
        actor_ifi=agent_ifi(statement["actor"]) or "",
        verb_id=statement["verb"]["id"],
        object_activity_id=obj["id"] if object_type == "Activity" else "",
        object_statement_id=uuid.UUID(obj["id"]) if object_type == "StatementRef" else None,
        object_agent_ifi=agent_ifi(obj) if object_type in ("Agent", "Group") else None,
        registration=uuid.UUID(registration) if registration else None,
        comparison_hash=statement_hash,
        # after the authority is set: it is a related agent too
        agents=list(dict.fromkeys(ifi for ifi, _direct in related_agents(statement))),
        activities=list(dict.fromkeys(id_ for id_, _direct in related_activities(statement))),
        data=statement,
    )


@transaction.atomic
def store_statements(
    raws: Sequence,
    *,
    authority: dict,
    attachments: Sequence[AttachmentPart] = (),
    path: str = "statements",
    trusted: bool = True,
) -> list[str]:
    """Validate and store statements, all or none. Returns their ids in order.

    A statement whose id is stored already with the same content is accepted again and not
    stored twice; with different content the whole batch fails with StatementConflict.
    `trusted` False (a launch credential) lets the statements add to activity definitions
    but not change them (Data §2.4.4.1.s4.b3).
    """
    stored = timezone.now()
    prepared = [
        _prepare(raw, path=f"{path}[{index}]", authority=authority, stored=stored)
        for index, raw in enumerate(raws)
    ]
    _reject_duplicate_ids(prepared, path)
    check_signatures([s.data for s in prepared], attachments, path)
    _insert_statements(prepared)
    new = [s for s in prepared if s.seq is not None]
    _check_resends([s for s in prepared if s.seq is None])
    _check_attachments(new, attachments, path)
    _void_targets(new, path)
    _insert(
        StatementAttachment,
        ("statement_id", "sha2"),
        [(s.seq, sha2) for s in new for sha2 in sorted(attachment_hashes(s.data))],
    )
    _remember_definitions(new, trusted=trusted)
    Attachment.objects.bulk_create(
        [
            Attachment(sha2=a.sha2, content_type=a.content_type, content=a.content)
            for a in attachments
        ],
        ignore_conflicts=True,
    )
    return [str(s.statement_id) for s in prepared]


def _insert(
    model, columns: Sequence[str], rows: list[tuple], *, on_conflict: str = "", returning: str = ""
) -> list:
    """INSERT rows of Python values (str, bool, int, UUID, aware datetime, dict for JSON)
    into the model's table; returns the `returning` columns of the rows it inserted."""
    if not rows:
        return []
    table = connection.ops.quote_name(model._meta.db_table)
    returning = f" RETURNING {returning}" if returning else ""
    if connection.vendor == "postgresql":
        return _insert_postgresql(model, table, columns, rows, f"{on_conflict}{returning}")
    return _insert_values(table, columns, rows, f"{on_conflict}{returning}")


def _insert_postgresql(model, table: str, columns: Sequence[str], rows, tail: str) -> list:
    """All rows as one JSON parameter that PostgreSQL unpacks. A VALUES list of a thousand
    placeholders made psycopg parse the query anew for every request (a fifth of a batch's
    time) and escape every value separately; this query is short, parsed once, and its one
    parameter is encoded by the json module's C encoder."""
    names, types = _column_definitions(model, tuple(columns))
    payload = json.dumps(
        [dict(zip(columns, row, strict=True)) for row in rows],
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,  # UUID, datetime (str gives ISO 8601 with a space, which PostgreSQL reads)
    )
    with _prepared_cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({names}) SELECT {names}"
            f" FROM ROWS FROM (jsonb_to_recordset(%s::jsonb) AS ({types}))"
            f' WITH ORDINALITY AS r({names}, "position") ORDER BY "position" {tail}',
            [payload],
        )
        return cursor.fetchall() if "RETURNING" in tail else []


def _prepared_cursor():
    """A cursor (logged like Django's) whose queries PostgreSQL parses and plans once per
    connection: Django's cursors bind parameters on the client and never prepare, so each
    batch's INSERT was parsed and planned anew. Server-side binding with psycopg's prepared
    statements, for these few fixed queries only (the rest of Sensi keeps Django's cursors)."""
    import psycopg

    connection.ensure_connection()
    raw = connection.connection
    raw.prepare_threshold = 0  # prepare at the first execution; client-binding cursors never do
    return connection._prepare_cursor(psycopg.Cursor(raw))


@functools.cache
def _column_definitions(model, columns: tuple[str, ...]) -> tuple[str, str]:
    """The quoted column names and the column definition list of jsonb_to_recordset."""
    fields = {field.column: field for field in model._meta.concrete_fields}
    quote = connection.ops.quote_name
    names = ", ".join(quote(name) for name in columns)
    types = ", ".join(f"{quote(name)} {fields[name].db_type(connection)}" for name in columns)
    return names, types


def _insert_values(table: str, columns: Sequence[str], rows, tail: str) -> list:
    """Multi-row VALUES, as many rows per statement as the backend takes parameters."""
    ops, native_uuid = connection.ops, connection.features.has_native_uuid_field

    def adapt(value):
        if isinstance(value, uuid.UUID):
            return value if native_uuid else value.hex
        if isinstance(value, dict | list):
            return jsonio.dumps(value)
        if isinstance(value, datetime):
            return ops.adapt_datetimefield_value(value)
        return value

    names = ", ".join(ops.quote_name(name) for name in columns)
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    size = ops.bulk_batch_size(columns, rows)
    returned = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            cursor.execute(
                f"INSERT INTO {table} ({names}) VALUES {', '.join([one] * len(chunk))} {tail}",
                [adapt(value) for row in chunk for value in row],
            )
            if "RETURNING" in tail:
                returned += cursor.fetchall()
    return returned


def _insert_statements(prepared: list[_Row]) -> None:
    """Store the rows whose id is new and set their `seq`, which the lookup rows refer to;
    a stored id keeps `seq` None (a resend, or a conflict that _check_resends refuses).
    ON CONFLICT instead of looking first: one round trip less, and two clients sending the
    same statement at once cannot both pass the look and then collide."""
    rows = [
        (
            s.statement_id,
            s.stored,
            s.timestamp,
            s.actor_ifi,
            s.verb_id,
            s.object_activity_id,
            s.object_statement_id,
            s.object_agent_ifi,
            s.registration,
            False,
            s.comparison_hash,
            s.agents,
            s.activities,
            s.data,
        )
        for s in prepared
    ]
    columns = (
        "statement_id",
        "stored",
        "timestamp",
        "actor_ifi",
        "verb_id",
        "object_activity_id",
        "object_statement_id",
        "object_agent_ifi",
        "registration",
        "voided",
        "comparison_hash",
        "agents",
        "activities",
        "data",
    )
    returned = _insert(
        Statement,
        columns,
        rows,
        # no conflict target: on a partitioned table (xapi/partitioning.py) the unique index on
        # statement_id is the id registry's, whose trigger skips the row instead
        on_conflict="ON CONFLICT DO NOTHING",
        returning="statement_id, seq",
    )
    seqs = {  # psycopg returns UUIDs, SQLite their hex text
        id_ if isinstance(id_, uuid.UUID) else uuid.UUID(id_): seq for id_, seq in returned
    }
    for statement in prepared:
        statement.seq = seqs.get(statement.statement_id)


def _reject_duplicate_ids(prepared: list[_Row], path: str) -> None:
    seen = {}
    for index, statement in enumerate(prepared):
        if statement.statement_id in seen:
            raise StatementInvalid(f"{path}[{index}].id", "appears twice in this request")
        seen[statement.statement_id] = index


def _check_resends(resent: list[_Row]) -> None:
    """A stored id may come again with the same content only (Communication §2.1.2)."""
    if not resent:
        return
    stored = dict(
        Statement.objects.filter(statement_id__in=[s.statement_id for s in resent]).values_list(
            "statement_id", "comparison_hash"
        )
    )
    for statement in resent:
        if stored.get(statement.statement_id) != statement.comparison_hash:
            raise StatementConflict(
                f"statement {statement.statement_id} is stored already with different content"
            )


def _check_attachments(new: list[_Row], parts: Sequence[AttachmentPart], path: str) -> None:
    """Every attachment without a fileUrl must arrive as a part with its SHA-2 in this request
    (Communication §1.5.2.s3.b5: one stored by an earlier request does not count, or anyone
    who knows a hash could attach another's content). An attachment with a fileUrl may come
    with its part too (§1.5.2.s3.b9); a part that no attachment declares is refused."""
    sent = {part.sha2 for part in parts}
    for index, statement in enumerate(new):
        for n, attachment in enumerate(statement.data.get("attachments", [])):
            if "fileUrl" not in attachment and attachment["sha2"].lower() not in sent:
                raise StatementInvalid(
                    f"{path}[{index}].attachments[{n}].sha2",
                    "has no attachment part with this hash in this request",
                )
    declared = {sha2.lower() for s in new for sha2 in attachment_hashes(s.data)}
    if sent - declared:
        raise StatementInvalid(path, "an attachment part is not referenced by any statement")


def _void_targets(new: list[_Row], path: str) -> None:
    """A voiding statement marks its target voided; a voiding statement cannot be voided.
    Runs after the insert, so that targets in the same batch are found like stored ones."""
    targets = {
        s.object_statement_id: index
        for index, s in enumerate(new)
        if s.verb_id == VOIDED and s.object_statement_id
    }
    if not targets:
        return
    voiding = set(
        Statement.objects.filter(statement_id__in=targets, verb_id=VOIDED).values_list(
            "statement_id", flat=True
        )
    )
    for target, index in targets.items():
        if target in voiding:
            raise StatementInvalid(
                f"{path}[{index}].object.id", "a voiding statement cannot be voided"
            )
    Statement.objects.filter(statement_id__in=targets).update(voided=True)


def _remember_definitions(new: list[_Row], *, trusted: bool = True) -> None:
    """Merge each activity's definition into the one stored (Data §2.4.4.1.s4.b3, see
    merge_definition). Most statements repeat the definition their activity has already:
    those are compared here and not written, because an upsert locks the row even when it
    changes nothing, and concurrent batches about the same module's activities then waited
    for each other's commit."""
    definitions = {}
    for statement in new:
        obj = statement.data["object"]
        if statement.object_activity_id and "definition" in obj:
            activity_id = statement.object_activity_id
            earlier = definitions.get(activity_id, {})
            definitions[activity_id] = merge_definition(earlier, obj["definition"], trusted=True)
    if not definitions:
        return
    for activity_id, definition in _stored_definitions(list(definitions)):
        definitions[activity_id] = merge_definition(
            definition, definitions[activity_id], trusted=trusted
        )
        if definitions[activity_id] == definition:
            del definitions[activity_id]
    _insert(
        ActivityDefinition,
        ("activity_id", "definition"),
        sorted(definitions.items()),  # one lock order for all writers, or they deadlock
        on_conflict="ON CONFLICT (activity_id) DO UPDATE SET definition = excluded.definition",
    )


def _stored_definitions(activity_ids: list[str]) -> list[tuple[str, dict]]:
    """The stored definitions of these activities. On PostgreSQL by the prepared cursor: the
    ORM's query took a quarter of a single POST's CPU and more than the INSERT of a batch."""
    if connection.vendor != "postgresql":
        return list(
            ActivityDefinition.objects.filter(activity_id__in=activity_ids).values_list(
                "activity_id", "definition"
            )
        )
    table = connection.ops.quote_name(ActivityDefinition._meta.db_table)
    with _prepared_cursor() as cursor:
        cursor.execute(
            f"SELECT activity_id, definition FROM {table} WHERE activity_id = ANY(%s)",
            [activity_ids],
        )
        # jsonb comes as text on Django's connections; JSONField would json.loads it too
        return [
            (activity_id, json.loads(definition) if isinstance(definition, str) else definition)
            for activity_id, definition in cursor.fetchall()
        ]
