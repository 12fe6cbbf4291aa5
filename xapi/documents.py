"""Storing and reading documents of the State, Activity Profile and Agent Profile resources
(xAPI 1.0.3 Communication §2.2, §2.3, §2.6, §2.7) with the concurrency rules of §3.1.

Writes check their preconditions inside the transaction that changes the row, so that two
clients holding the same ETag cannot both replace the document.
"""

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from . import jsonio
from .models import Document


class DocumentError(Exception):
    """A write or read the resource must refuse; the view chooses the status code."""


class DocumentNotFound(DocumentError):
    pass


class PreconditionFailed(DocumentError):
    """If-Match or If-None-Match does not hold (§3.1, 412)."""


class DocumentConflict(DocumentError):
    """A profile PUT without precondition would overwrite a document (§3.1, 409)."""


class NotMergeable(DocumentError):
    """POST needs JSON objects on both sides (§2.2, JSON Procedure, 400)."""


@dataclass(frozen=True)
class Scope:
    """Where documents live: activity and/or agent, and a registration for state.

    For one document a missing registration means "stored without registration"; for the
    multiple document GET and DELETE of state it means "whatever the registration" (§2.3:
    "Activity + Agent [+ registration if specified]").
    """

    kind: str
    activity_id: str = ""
    agent_ifi: str = ""
    registration: uuid.UUID | None = None

    def documents(self) -> QuerySet[Document]:
        found = Document.objects.filter(
            kind=self.kind, activity_id=self.activity_id, agent_ifi=self.agent_ifi
        )
        return found if self.registration is None else found.filter(registration=self.registration)

    def document(self, document_id: str) -> QuerySet[Document]:
        return Document.objects.filter(
            kind=self.kind,
            activity_id=self.activity_id,
            agent_ifi=self.agent_ifi,
            registration=self.registration,  # None matches IS NULL
            document_id=document_id,
        )


@dataclass(frozen=True)
class Preconditions:
    """If-Match / If-None-Match as sets of ETags (unquoted) or {"*"}; None when absent."""

    if_match: frozenset[str] | None = None
    if_none_match: frozenset[str] | None = None

    @property
    def given(self) -> bool:
        return self.if_match is not None or self.if_none_match is not None

    def check(self, current: Document | None) -> None:
        if self.if_match is not None and (
            current is None or not self.if_match & {"*", current.etag}
        ):
            raise PreconditionFailed("If-Match does not match the current ETag of the document")
        if (
            self.if_none_match is not None
            and current is not None
            and self.if_none_match & {"*", current.etag}
        ):
            raise PreconditionFailed("If-None-Match: the document exists already")


def etag_of(content: bytes) -> str:
    """§3.1: the ETag is the lower-case hex SHA-1 of the document's content."""
    return hashlib.sha1(content).hexdigest()


def get_document(scope: Scope, document_id: str) -> Document:
    document = scope.document(document_id).first()
    if document is None:
        raise DocumentNotFound(f"no document {document_id!r} here")
    return document


def document_ids(scope: Scope, since: datetime | None = None) -> tuple[list[str], datetime | None]:
    """The ids in the scope (updated after `since`, exclusive) and when the newest changed."""
    documents = scope.documents()
    if since is not None:
        documents = documents.filter(updated__gt=since)
    rows = list(documents.values_list("document_id", "updated"))
    ids = sorted({document_id for document_id, _ in rows})
    return ids, max((updated for _, updated in rows), default=None)


@transaction.atomic
def put_document(
    *,
    scope: Scope,
    document_id: str,
    content: bytes,
    content_type: str,
    agent: dict | None,
    preconditions: Preconditions,
    require_precondition: bool,
) -> Document:
    """Store the document, replacing any earlier one."""
    current = _current(scope, document_id)
    preconditions.check(current)
    if current is not None and require_precondition and not preconditions.given:
        # §3.1: the 409 has to tell the client how to resolve the conflict.
        raise DocumentConflict(
            "the document exists already: GET it and send its ETag in If-Match to replace it"
        )
    return _save(current, scope, document_id, content, content_type, agent)


@transaction.atomic
def post_document(
    *,
    scope: Scope,
    document_id: str,
    content: bytes,
    content_type: str,
    agent: dict | None,
    preconditions: Preconditions,
) -> Document:
    """Merge the posted JSON object into the stored one, top-level keys only (§2.2)."""
    current = _current(scope, document_id)
    preconditions.check(current)
    posted = _json_object(content, content_type, "the posted document")
    if current is not None:
        stored = _json_object(bytes(current.content), current.content_type, "the stored document")
        content = jsonio.dumps(stored | posted).encode()
    return _save(current, scope, document_id, content, content_type, agent)


@transaction.atomic
def delete_document(*, scope: Scope, document_id: str, preconditions: Preconditions) -> None:
    """Delete one document; deleting one that is not there is not an error (DELETE is
    idempotent), unless If-Match expected it."""
    current = _current(scope, document_id)
    preconditions.check(current)
    if current is not None:
        current.delete()


def delete_documents(scope: Scope) -> None:
    """Multiple document DELETE, which only the State resource has (§2.3)."""
    scope.documents().delete()


def _current(scope: Scope, document_id: str) -> Document | None:
    return scope.document(document_id).select_for_update().first()


def _json_object(content: bytes, content_type: str, what: str) -> dict:
    if content_type.split(";")[0].strip().lower() != "application/json":
        raise NotMergeable(f"{what} is not application/json, so it cannot be merged")
    try:
        value = jsonio.loads(content)
    except jsonio.JSONInvalid as error:
        raise NotMergeable(f"{what}: {error}") from error
    if not isinstance(value, dict):
        raise NotMergeable(f"{what} is not a JSON object, so it cannot be merged")
    return value


def _save(
    current: Document | None,
    scope: Scope,
    document_id: str,
    content: bytes,
    content_type: str,
    agent: dict | None,
) -> Document:
    document = current or Document(
        kind=scope.kind,
        activity_id=scope.activity_id,
        agent_ifi=scope.agent_ifi,
        registration=scope.registration,
        document_id=document_id,
    )
    document.agent = agent
    document.content = content
    document.content_type = content_type
    document.etag = etag_of(content)
    document.updated = timezone.now()
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError as error:
        # Another request created the same document between our read and this insert.
        raise DocumentConflict("another request created this document just now; retry") from error
    return document
