from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AutosavedAttempt(models.Model):
    """A page that Wagtail's autosave created when its author started it, and that the
    author has not yet saved, submitted or published on purpose (editorial.autosave). The
    row goes as soon as they do; what is left marks an attempt they may have abandoned."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="+",
        verbose_name=_("page"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("autosaved attempt")
        verbose_name_plural = _("autosaved attempts")

    def __str__(self) -> str:
        return f"{self.page_id} ({self.user})"
