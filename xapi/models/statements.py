from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    """One stored xAPI statement (xAPI 1.0.3 Data §2.4).

    `seq` is the storage order: "stored" order for queries and a stable cursor for `more`
    links. The filterable parts are copied into indexed columns; `data` keeps the statement
    exactly as stored (with id, stored, authority and version set by the LRS).

    The `agent` and `activity` filters (Communication §2.1.3) read columns of this one row:
    the direct agents are `actor_ifi` and `object_agent_ifi`, the direct activity is
    `object_activity_id`; with related_agents / related_activities they read the JSON lists
    `agents` and `activities`, every agent IFI and activity id the statement mentions (the
    direct ones included). On PostgreSQL the lists have GIN indexes (jsonb_path_ops, created
    in migration 0006, not declared here: SQLite has no GIN) that answer `@>`; SQLite looks
    into them with json_each. One row per statement instead of one per agent and activity
    in two more tables: a batch is one INSERT, and the indexes hold a third of the entries.
    """

    seq = models.BigAutoField(primary_key=True)
    statement_id = models.UUIDField(_("statement id"), unique=True)
    stored = models.DateTimeField(_("stored"))
    timestamp = models.DateTimeField(_("timestamp"))
    actor_ifi = models.CharField(max_length=512, blank=True)
    verb_id = models.CharField(max_length=512)
    object_activity_id = models.CharField(max_length=512, blank=True)
    object_statement_id = models.UUIDField(null=True, blank=True)
    # NULL, not "": SQLite uses the partial index below only for `IS NOT NULL` conditions
    object_agent_ifi = models.CharField(  # noqa: DJ001
        max_length=512, null=True, blank=True, help_text="The object's IFI if it is an agent."
    )
    agents = models.JSONField(default=list, help_text="Every agent IFI the statement mentions.")
    activities = models.JSONField(
        default=list, help_text="Every activity id the statement mentions."
    )
    registration = models.UUIDField(null=True, blank=True)
    voided = models.BooleanField(default=False)
    comparison_hash = models.CharField(
        max_length=64, help_text="Hash of the statement as sent, to tell a resend from a conflict."
    )
    data = models.JSONField()

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        indexes = [
            # Without `seq`: the agent filter ORs actor and object (a bitmap scan, then a
            # sort, whatever the index), and registrations are filtered to their few dozen
            # statements. PostgreSQL then stores each IFI or registration once with a list
            # of row pointers (deduplication), so these indexes stay small: at a million
            # statements 10 MB instead of 161 MB for actors and 13 instead of 50 for
            # registrations. Both take random inserts, so their size is what decides whether
            # they stay in shared_buffers (bench/README.md "LRS writes step by step"). On
            # SQLite every index ends with the rowid (`seq`) anyway.
            models.Index(fields=["actor_ifi"], name="stmt_actor"),
            models.Index(fields=["verb_id", "seq"], name="stmt_verb_seq"),
            models.Index(fields=["object_activity_id", "seq"], name="stmt_activity_seq"),
            models.Index(
                fields=["registration"],
                name="stmt_registration",
                condition=Q(registration__isnull=False),
            ),
            models.Index(fields=["stored"], name="stmt_stored"),
            models.Index(
                fields=["object_statement_id"],
                name="stmt_object_statement",
                condition=Q(object_statement_id__isnull=False),  # StatementRefs only
            ),
            models.Index(
                fields=["object_agent_ifi"],
                name="stmt_object_agent",
                condition=Q(object_agent_ifi__isnull=False),  # rare: most rows skip the index
            ),
        ]

    def __str__(self) -> str:
        return str(self.statement_id)


class Attachment(models.Model):
    """Raw attachment content, by its SHA-2 hash (xAPI 1.0.3 Data §2.4.11)."""

    sha2 = models.CharField(max_length=128, primary_key=True)
    content_type = models.CharField(max_length=255)
    content = models.BinaryField()

    def __str__(self) -> str:
        return self.sha2


class StatementAttachment(models.Model):
    """A statement refers to an attachment by its SHA-2 (Data §2.4.11, also inside a
    SubStatement), so that retention finds attachments still in use by a join instead of
    by searching the statements' JSON. No foreign key to Attachment: an attachment with a
    fileUrl is referred to without its content being stored here."""

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="attachment_refs"
    )
    sha2 = models.CharField(max_length=128)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["statement", "sha2"], name="unique_stmt_attachment")
        ]
        indexes = [models.Index(fields=["sha2"], name="stmtattachment_sha2")]

    def __str__(self) -> str:
        return self.sha2


def attachment_hashes(statement: dict) -> set[str]:
    """The SHA-2 of every attachment a statement (or its SubStatement) declares."""
    parts = [statement]
    if (statement.get("object") or {}).get("objectType") == "SubStatement":
        parts.append(statement["object"])
    return {
        attachment["sha2"]
        for part in parts
        for attachment in part.get("attachments") or []
        if isinstance(attachment, dict) and attachment.get("sha2")
    }


class ActivityDefinition(models.Model):
    """The latest definition an activity was sent with, for the Activities resource
    (xAPI 1.0.3 Communication §2.5)."""

    activity_id = models.CharField(max_length=512, unique=True)
    definition = models.JSONField()

    def __str__(self) -> str:
        return self.activity_id
