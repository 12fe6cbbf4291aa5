import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    """Who a learner is in statements about one top-level activity (a module), and which
    registration groups those statements.

    Sensi creates one per learner and module. A launch from Moodle (or another LMS) replaces
    actor and registration with the launch's, so that the LMS finds the statements it asks for.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="xapi_registrations"
    )
    activity_iri = models.CharField(_("activity"), max_length=512)
    registration = models.UUIDField(_("registration"), default=uuid.uuid4)
    launch_actor = models.JSONField(_("actor from the launch"), null=True, blank=True)
    launched_at = models.DateTimeField(_("launched"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("xAPI registration")
        verbose_name_plural = _("xAPI registrations")
        constraints = [
            models.UniqueConstraint(fields=["user", "activity_iri"], name="unique_registration")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.activity_iri}"
