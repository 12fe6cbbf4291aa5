from django.db import models
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    """One stored xAPI statement (xAPI 1.0.3 Data §2.4).

    `seq` is the storage order: "stored" order for queries and a stable cursor for `more`
    links. The filterable parts are copied into indexed columns; `data` keeps the statement
    exactly as stored (with id, stored, authority and version set by the LRS).
    """

    seq = models.BigAutoField(primary_key=True)
    statement_id = models.UUIDField(_("statement id"), unique=True)
    stored = models.DateTimeField(_("stored"))
    timestamp = models.DateTimeField(_("timestamp"))
    actor_ifi = models.CharField(max_length=512, blank=True)
    verb_id = models.CharField(max_length=512)
    object_activity_id = models.CharField(max_length=512, blank=True)
    object_statement_id = models.UUIDField(null=True, blank=True)
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
            models.Index(fields=["actor_ifi", "seq"], name="stmt_actor_seq"),
            models.Index(fields=["verb_id", "seq"], name="stmt_verb_seq"),
            models.Index(fields=["object_activity_id", "seq"], name="stmt_activity_seq"),
            models.Index(fields=["registration", "seq"], name="stmt_registration_seq"),
            models.Index(fields=["stored"], name="stmt_stored"),
            models.Index(fields=["object_statement_id"], name="stmt_object_statement"),
        ]

    def __str__(self) -> str:
        return str(self.statement_id)


class StatementAgent(models.Model):
    """Every agent a statement mentions, for the `agent` filter with and without
    related_agents."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="agents")
    ifi = models.CharField(max_length=512)
    direct = models.BooleanField(help_text="Actor or object (else: only a related agent).")

    class Meta:
        indexes = [models.Index(fields=["ifi", "direct", "statement"], name="stmtagent_ifi")]

    def __str__(self) -> str:
        return self.ifi


class StatementActivity(models.Model):
    """Every activity a statement mentions, for `activity` with related_activities."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="activities")
    activity_id = models.CharField(max_length=512)
    direct = models.BooleanField(help_text="The object (else: a context or sub-statement one).")

    class Meta:
        indexes = [
            models.Index(fields=["activity_id", "direct", "statement"], name="stmtactivity_id")
        ]

    def __str__(self) -> str:
        return self.activity_id


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
