from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReportAccessIsAppendOnly(Exception):
    pass


class ReportAccess(models.Model):
    """One view or export of a compliance report: who, which report, with which filters,
    when. Written by `compliance.reports.access.open_report` before any figure is shown;
    never changed afterwards except that the content hash of a PDF is added once."""

    class Report(models.TextChoices):
        DASHBOARD = "dashboard", _("Dashboard")
        RESSORT = "ressort", _("Ressort drill-down")
        DIENSTSTELLE = "dienststelle", _("Dienststelle drill-down")
        TREND = "trend", _("Monthly trend")
        OVERDUE = "overdue", _("Named list of overdue acknowledgements")
        OVERDUE_CSV = "overdue_csv", _("Named list of overdue acknowledgements (CSV)")
        CSV = "csv", _("Figures (CSV)")
        PDF = "pdf", _("Report (PDF)")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("user"),
        help_text=_("Empty for reports made with the management command."),
    )
    actor = models.CharField(
        _("actor"), max_length=254, help_text=_("The user's e-mail or the operator account.")
    )
    roles = models.CharField(_("roles"), max_length=200, blank=True)
    report = models.CharField(_("report"), max_length=20, choices=Report.choices)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    content_hash = models.CharField(_("content hash (SHA-256)"), max_length=64, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("report access")
        verbose_name_plural = _("report accesses")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.report}"

    def delete(self, *args, **kwargs):
        raise ReportAccessIsAppendOnly("report accesses cannot be deleted")
