from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RessortAssignment(models.Model):
    """Which Ressort a member of the group "Ressort-ISB" reports on.

    The group says what a person may do; this row says where. Membership in the group
    without an assignment grants no report, and an assignment without the group grants
    nothing either (see `compliance.reports.scopes`).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="ressort_assignments",
        verbose_name=_("user"),
    )
    ressort = models.ForeignKey(
        "compliance.Ressort",
        on_delete=models.CASCADE,
        related_name="assignments",
        verbose_name=_("Ressort"),
    )

    class Meta:
        verbose_name = _("Ressort assignment")
        verbose_name_plural = _("Ressort assignments")
        constraints = [
            models.UniqueConstraint(fields=["user", "ressort"], name="unique_ressort_assignment")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.ressort.code}"
