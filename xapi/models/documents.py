from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Document(models.Model):
    """A document of the State, Activity Profile or Agent Profile resource (xAPI 1.0.3
    Communication §2.2, §2.3, §2.6, §2.7).

    One table serves all three: a field a resource does not use is '' (activity_id for agent
    profiles, agent_ifi for activity profiles) or NULL (registration outside the State
    resource), so the same unique key and index work for every kind.
    """

    class Kind(models.TextChoices):
        STATE = "state", _("state")
        ACTIVITY_PROFILE = "activity_profile", _("activity profile")
        AGENT_PROFILE = "agent_profile", _("agent profile")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    activity_id = models.CharField(_("activity id"), max_length=512, blank=True)
    agent_ifi = models.CharField(_("agent IFI"), max_length=512, blank=True)
    agent = models.JSONField(_("agent"), null=True, blank=True, help_text="As last sent.")
    registration = models.UUIDField(_("registration"), null=True, blank=True)
    document_id = models.CharField(_("document id"), max_length=255)
    content = models.BinaryField(_("content"))
    content_type = models.CharField(_("content type"), max_length=255)
    etag = models.CharField(_("ETag"), max_length=40, help_text="SHA-1 hex of the content.")
    updated = models.DateTimeField(_("updated"))

    class Meta:
        verbose_name = _("xAPI document")
        verbose_name_plural = _("xAPI documents")
        constraints = [
            # NULLs are distinct in a unique index (PostgreSQL and SQLite alike), so a
            # document without registration needs its own partial constraint.
            models.UniqueConstraint(
                fields=["kind", "activity_id", "agent_ifi", "registration", "document_id"],
                condition=Q(registration__isnull=False),
                name="document_unique_with_registration",
            ),
            models.UniqueConstraint(
                fields=["kind", "activity_id", "agent_ifi", "document_id"],
                condition=Q(registration__isnull=True),
                name="document_unique_without_registration",
            ),
        ]
        indexes = [
            # Multiple document GET and DELETE filter on these, `since` on updated.
            models.Index(fields=["kind", "activity_id", "agent_ifi", "updated"], name="doc_scope")
        ]

    def __str__(self) -> str:
        return self.document_id
