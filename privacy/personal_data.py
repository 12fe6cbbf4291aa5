"""The personal data in the LRS (see `gdpr`), declared here because `xapi` stays a generic
learning record store that knows no app and no person: which statements, documents and
registrations belong to whom is decided by privacy (`xapi_agents_of`). The documents about
the person's agents are looked up by `selectors.personal_data` with the agents the
`xapi_agents` section collected, like the statements.

After `SENSI_RETENTION_LEARNING_DAYS` the statements (by `stored`) go with their agent and
activity lookup rows, State and Agent Profile documents about an agent (by `updated`),
attachments no remaining statement refers to, and registrations no remaining statement
uses. This is deletion from the LRS tables: voiding (xAPI 1.0.3 Data §2.4.4.1) would keep
the statement, so it is no deletion. Per-launch LRS credentials (with the LMS's actor) go as
soon as they expire: the LRS and the launch refuse them from then on, so they serve nothing.
"""

import base64
from datetime import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from content.languages import current_language
from gdpr import Declaration, Deletion, Section
from xapi.agents import agent_ifi
from xapi.definitions import display_name
from xapi.models import (
    ActivityDefinition,
    ActorBinding,
    Attachment,
    Document,
    LaunchCredential,
    Registration,
    Statement,
    StatementAttachment,
)
from xapi.recording import actor_for


def actor_bindings(user) -> QuerySet:
    """The LMS actors bound to this person by an accepted launch (`xapi.launches`)."""
    return ActorBinding.objects.filter(user=user).values("actor")


def xapi_agents_of(user, bindings: list[dict]) -> list[str]:
    """The IFIs (xAPI 1.0.3 Data §2.4.2.1) under which the user's statements are stored: the
    pseudonymous account, the e-mail (if an operator ever chose `SENSI_XAPI_ACTOR=email`),
    and the LMS actors bound to this person. Not every actor a launch ever named: one that
    names another person's LMS account must not open that person's statements here (issue
    11, finding 2)."""
    agents = [
        {"account": {"homePage": settings.SENSI_BASE_URL, "name": str(user.pseudonym)}},
        {"mbox": f"mailto:{user.email}"},
        actor_for(user),
        *(binding["actor"] for binding in bindings),
    ]
    return sorted({ifi for agent in agents if (ifi := agent_ifi(agent))})


def named_by(activity_iri) -> Subquery:
    """The stored definition of the activity `activity_iri` (an OuterRef), for its name."""
    return Subquery(
        ActivityDefinition.objects.filter(activity_id=activity_iri).values("definition")[:1]
    )


def xapi_registrations(user) -> QuerySet:
    return (
        Registration.objects.filter(user=user)
        .order_by("created_at")
        .annotate(definition=named_by(OuterRef("activity_iri")))
        .values(
            "activity_iri",
            "definition",
            "registration",
            "launch_actor",
            "launched_at",
            "created_at",
        )
    )


def named_registrations(user, rows: list[dict]) -> list[dict]:
    """With the name the LRS knows for the activity, in the reader's language."""
    language = current_language()
    return [
        {"activity_name": display_name(row.pop("definition") or {}, language), **row}
        for row in rows
    ]


def _document_content(content: bytes, content_type: str) -> dict:
    try:
        return {"content": bytes(content).decode("utf-8")}
    except UnicodeDecodeError:
        return {"content_base64": base64.b64encode(bytes(content)).decode("ascii")}


def xapi_documents(agents: list[str]) -> list[dict]:
    """State and Agent Profile documents about one of the person's agents. Not a section of
    its own: `selectors.personal_data` asks for them with the agents it collected."""
    return [
        {
            "kind": row["kind"],
            "activity_id": row["activity_id"],
            "registration": row["registration"],
            "document_id": row["document_id"],
            "content_type": row["content_type"],
            "updated": row["updated"],
            **_document_content(row["content"], row["content_type"]),
        }
        for row in Document.objects.filter(agent_ifi__in=agents)
        .order_by("updated")
        .values(
            "kind",
            "activity_id",
            "registration",
            "document_id",
            "content_type",
            "content",
            "updated",
        )
    ]


def expired_statements(cutoff: datetime) -> QuerySet:
    # Agent and activity lookup rows go with their statement (ON DELETE CASCADE in Django).
    return Statement.objects.filter(stored__lt=cutoff)


def expired_documents(cutoff: datetime) -> QuerySet:
    # Activity Profile documents are about an activity, not a person (agent_ifi is '').
    return Document.objects.filter(updated__lt=cutoff).exclude(agent_ifi="")


def unused_registrations(cutoff: datetime) -> QuerySet:
    # Statements that stay: in a dry run the expired ones are still there.
    in_use = Statement.objects.filter(registration=OuterRef("registration"), stored__gte=cutoff)
    recent = Q(created_at__gte=cutoff) | Q(launched_at__gte=cutoff)
    return Registration.objects.exclude(recent).exclude(Exists(in_use))


def orphaned_attachments(cutoff: datetime) -> QuerySet:
    """Attachments no statement that stays (stored since `cutoff`) refers to, by the
    reference table the LRS fills when it stores a statement (Data §2.4.11): a join, never
    a search in the statements' JSON text. Counting before the statements are deleted (a
    dry run) gives the same answer as after."""
    referring = StatementAttachment.objects.filter(
        sha2=OuterRef("sha2"), statement__stored__gte=cutoff
    )
    return Attachment.objects.exclude(Exists(referring))


def expired_launch_credentials(now: datetime) -> QuerySet:
    return LaunchCredential.objects.filter(expires_at__lt=now)


DECLARATION = Declaration(
    models=(Statement, Document, Registration, ActorBinding, Attachment, LaunchCredential),
    sections=(
        Section("xapi_agents", actor_bindings, shape=xapi_agents_of),
        Section("xapi_registrations", xapi_registrations, shape=named_registrations),
    ),
    retention=(
        Deletion("xapi_statements", "learning", expired_statements),
        Deletion("xapi_documents", "learning", expired_documents),
        Deletion("xapi_registrations", "learning", unused_registrations),
        Deletion("xapi_attachments", "learning", orphaned_attachments),
        Deletion("xapi_launch_credentials", "launch_credentials", expired_launch_credentials),
    ),
)
