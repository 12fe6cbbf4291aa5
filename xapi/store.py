"""Writing statements: validation, LRS-set properties, conflicts, voiding (xAPI 1.0.3
Communication §2.1.1–§2.1.2, Data §2.2 and §2.4)."""

import hashlib
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone

from .agents import agent_ifi, related_activities, related_agents
from .models import (
    ActivityDefinition,
    Attachment,
    Statement,
    StatementActivity,
    StatementAgent,
)
from .validation import VOIDED, StatementInvalid, check_timestamp, validate_statement

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


def _prepare(statement, *, path: str, authority: dict, stored: datetime) -> Statement:
    """Validate a parsed statement and complete it in place with what the LRS sets (the
    caller hands over a freshly parsed object: copying it would cost a sixth of the time)."""
    validate_statement(statement, path)
    statement_hash = comparison_hash(statement)
    statement.setdefault("id", str(uuid.uuid4()))
    statement["id"] = statement["id"].lower()
    statement["authority"] = authority  # the LRS vouches by the client's credentials (§2.4.9)
    statement["stored"] = stored.isoformat()
    statement.setdefault("timestamp", statement["stored"])
    statement["version"] = statement.get("version", XAPI_VERSION)
    obj = statement["object"]
    object_type = obj.get("objectType", "Activity")
    return Statement(
        statement_id=uuid.UUID(statement["id"]),
        stored=stored,
        timestamp=check_timestamp(statement["timestamp"], f"{path}.timestamp"),
        actor_ifi=agent_ifi(statement["actor"]) or "",
        verb_id=statement["verb"]["id"],
        object_activity_id=obj["id"] if object_type == "Activity" else "",
        object_statement_id=uuid.UUID(obj["id"]) if object_type == "StatementRef" else None,
        registration=(statement.get("context") or {}).get("registration"),
        comparison_hash=statement_hash,
        data=statement,
    )


@transaction.atomic
def store_statements(
    raws: Sequence,
    *,
    authority: dict,
    attachments: Sequence[AttachmentPart] = (),
    path: str = "statements",
) -> list[str]:
    """Validate and store statements, all or none. Returns their ids in order.

    A statement whose id is stored already with the same content is accepted again and not
    stored twice; with different content the whole batch fails with StatementConflict.
    """
    stored = timezone.now()
    prepared = [
        _prepare(raw, path=f"{path}[{index}]", authority=authority, stored=stored)
        for index, raw in enumerate(raws)
    ]
    _reject_duplicate_ids(prepared, path)
    new = _without_resends(prepared)
    _check_attachments(new, attachments, path)
    _void_targets(new, path)
    Statement.objects.bulk_create(new)
    _insert_links(
        StatementAgent, "ifi", [(s.seq, ifi, d) for s in new for ifi, d in related_agents(s.data)]
    )
    _insert_links(
        StatementActivity,
        "activity_id",
        [(s.seq, a, d) for s in new for a, d in related_activities(s.data)],
    )
    _remember_definitions(new)
    Attachment.objects.bulk_create(
        [
            Attachment(sha2=a.sha2, content_type=a.content_type, content=a.content)
            for a in attachments
        ],
        ignore_conflicts=True,
    )
    return [str(s.statement_id) for s in prepared]


def _insert_links(model, column: str, rows: list[tuple]) -> None:
    """Plain INSERTs for the lookup rows of the agent and activity filters: several per
    statement, and building model instances for them would double the cost of a batch."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    sql = f"INSERT INTO {table} (statement_id, {column}, direct) VALUES (%s, %s, %s)"
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _reject_duplicate_ids(prepared: list[Statement], path: str) -> None:
    seen = {}
    for index, statement in enumerate(prepared):
        if statement.statement_id in seen:
            raise StatementInvalid(f"{path}[{index}].id", "appears twice in this request")
        seen[statement.statement_id] = index


def _without_resends(prepared: list[Statement]) -> list[Statement]:
    existing = dict(
        Statement.objects.filter(statement_id__in=[s.statement_id for s in prepared]).values_list(
            "statement_id", "comparison_hash"
        )
    )
    new = []
    for statement in prepared:
        known = existing.get(statement.statement_id)
        if known is None:
            new.append(statement)
        elif known != statement.comparison_hash:
            raise StatementConflict(
                f"statement {statement.statement_id} is stored already with different content"
            )
    return new


def _check_attachments(new: list[Statement], parts: Sequence[AttachmentPart], path: str) -> None:
    """Every attachment without a fileUrl must arrive as a part with its SHA-2 (Data §2.4.11)."""
    sent = {part.sha2 for part in parts}
    needed = {
        (index, n): attachment["sha2"]
        for index, statement in enumerate(new)
        for n, attachment in enumerate(statement.data.get("attachments", []))
        if "fileUrl" not in attachment
    }
    missing = {key: sha2 for key, sha2 in needed.items() if sha2 not in sent}
    if missing:
        known = set(
            Attachment.objects.filter(sha2__in=missing.values()).values_list("sha2", flat=True)
        )
        for (index, n), sha2 in missing.items():
            if sha2 not in known:
                raise StatementInvalid(
                    f"{path}[{index}].attachments[{n}].sha2",
                    "has no attachment part with this hash",
                )
    unused = sent - set(needed.values())
    if unused:
        raise StatementInvalid(path, "an attachment part is not referenced by any statement")


def _void_targets(new: list[Statement], path: str) -> None:
    """A voiding statement marks its target voided; a voiding statement cannot be voided."""
    targets = {
        s.object_statement_id: index
        for index, s in enumerate(new)
        if s.verb_id == VOIDED and s.object_statement_id
    }
    if not targets:
        return
    batch_voiding = {s.statement_id for s in new if s.verb_id == VOIDED}
    stored_voiding = set(
        Statement.objects.filter(statement_id__in=targets, verb_id=VOIDED).values_list(
            "statement_id", flat=True
        )
    )
    for target, index in targets.items():
        if target in batch_voiding or target in stored_voiding:
            raise StatementInvalid(
                f"{path}[{index}].object.id", "a voiding statement cannot be voided"
            )
    Statement.objects.filter(statement_id__in=targets).update(voided=True)
    for statement in new:
        if statement.statement_id in targets:
            statement.voided = True


def _remember_definitions(new: list[Statement]) -> None:
    definitions = {}
    for statement in new:
        obj = statement.data["object"]
        if statement.object_activity_id and "definition" in obj:
            definitions[statement.object_activity_id] = obj["definition"]
    if definitions:
        ActivityDefinition.objects.bulk_create(
            [ActivityDefinition(activity_id=k, definition=v) for k, v in definitions.items()],
            update_conflicts=True,
            unique_fields=["activity_id"],
            update_fields=["definition"],
        )
