"""Retention and xAPI attachments (Data §2.4.11): an attachment goes only when no statement
that stays refers to it, found by the reference table, never by searching JSON text
(issue 17, defect 5). Runs on SQLite and PostgreSQL alike."""

import hashlib
import uuid
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from privacy.personal_data import orphaned_attachments
from xapi.models import Attachment, Statement, StatementAttachment
from xapi.store import AttachmentPart, store_statements

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - timedelta(days=400)
AUTHORITY = {"objectType": "Agent", "account": {"homePage": "https://lrs.example", "name": "t"}}


def part(text: str) -> AttachmentPart:
    content = text.encode()
    return AttachmentPart(hashlib.sha256(content).hexdigest(), "text/plain", content)


def statement_with(*parts: AttachmentPart, sub_statement=False) -> dict:
    attachments = [
        {
            "usageType": "http://id.tincanapi.com/attachment/supporting_media",
            "display": {"de-DE": "Anhang"},
            "contentType": p.content_type,
            "length": len(p.content),
            "sha2": p.sha2,
        }
        for p in parts
    ]
    statement = {
        "id": str(uuid.uuid4()),
        "actor": {"mbox": "mailto:lerner@example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
        "object": {"id": "https://sensi.example/activity/1"},
    }
    if sub_statement:
        statement["object"] = {
            "objectType": "SubStatement",
            "actor": {"mbox": "mailto:lerner@example.org"},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
            "object": {"id": "https://sensi.example/activity/2"},
            "attachments": attachments,
        }
    else:
        statement["attachments"] = attachments
    return statement


def store(statement: dict, *parts: AttachmentPart, old=False) -> str:
    [statement_id] = store_statements([statement], authority=AUTHORITY, attachments=parts)
    if old:
        Statement.objects.filter(statement_id=statement_id).update(stored=LONG_AGO)
    return statement_id


def purge(*args) -> str:
    out = StringIO()
    call_command("purge_expired", *args, stdout=out)
    return out.getvalue()


def test_storing_a_statement_records_which_attachments_it_refers_to():
    shared, own = part("geteilt"), part("eigen")
    store(statement_with(shared, own), shared, own)
    store(statement_with(shared, sub_statement=True))
    assert sorted(StatementAttachment.objects.values_list("sha2", flat=True)) == sorted(
        [shared.sha2, own.sha2, shared.sha2]
    )


def test_thirteen_retained_statements_keep_their_attachments_through_the_purge(lrs_get):
    """The issue's scenario: 13 statements that stay share attachments with expired ones."""
    shared = [part(f"Anhang {n}") for n in range(13)]
    for attachment in shared:
        store(statement_with(attachment), attachment, old=True)
    # Each request brings its parts (Communication §1.5.2: an earlier request's do not count).
    retained = [store(statement_with(attachment), attachment) for attachment in shared]
    only_expired = part("nur alt")
    store(statement_with(only_expired), only_expired, old=True)

    dry = purge("--dry-run")
    assert "xapi_attachments: 1 (would)" in dry and "xapi_statements: 14 (would)" in dry
    assert Attachment.objects.count() == 14

    out = purge()
    assert "xapi_attachments: 1 (done)" in out
    assert set(Attachment.objects.values_list("sha2", flat=True)) == {a.sha2 for a in shared}
    for statement_id, attachment in zip(retained, shared, strict=True):
        response = lrs_get("statements", statementId=statement_id, attachments="true")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("multipart/mixed")
        assert attachment.content in response.content  # the part, not only the JSON


def test_orphans_are_found_whatever_the_spacing_of_the_stored_json():
    """The old text search looked for '"sha2": "' with a space, which SQLite does not store."""
    attachment = part("Leerzeichen")
    store(statement_with(attachment), attachment)
    assert not orphaned_attachments(LONG_AGO).exists()
    assert connection.vendor in {"sqlite", "postgresql"}


def test_the_back_fill_migration_reads_references_from_the_statements_json():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("xapi.migrations.0004_statement_attachment_refs")
    attachment = part("vor der Migration")
    store(statement_with(attachment), attachment)
    StatementAttachment.objects.all().delete()
    migration.back_fill(apps, None)
    assert list(StatementAttachment.objects.values_list("sha2", flat=True)) == [attachment.sha2]
