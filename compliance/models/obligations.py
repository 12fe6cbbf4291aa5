import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from content.languages import current_language


def text_hash(text: str) -> str:
    """The fingerprint of an acknowledgement text as shown (SHA-256 of its UTF-8 bytes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Obligation(models.Model):
    """A "Pflichtschulung": a module that an audience must complete and acknowledge."""

    title = models.CharField(_("title"), max_length=200)
    module = models.ForeignKey(
        "courses.ModulePage",
        on_delete=models.PROTECT,
        related_name="obligations",
        verbose_name=_("module"),
    )
    everyone = models.BooleanField(
        _("everyone"), default=True, help_text=_("Untick to choose Ressorts and Dienststellen.")
    )
    ressorts = models.ManyToManyField(
        "compliance.Ressort", blank=True, related_name="obligations", verbose_name=_("Ressorts")
    )
    dienststellen = models.ManyToManyField(
        "compliance.Dienststelle",
        blank=True,
        related_name="obligations",
        verbose_name=_("Dienststellen"),
        help_text=_("Each chosen Dienststelle includes the offices below it."),
    )
    text_de = models.TextField(_("acknowledgement text (German)"))
    text_en = models.TextField(_("acknowledgement text (English)"))
    due_date = models.DateField(_("deadline"))
    days_after_entry = models.PositiveSmallIntegerField(
        _("days after entry"), default=30, help_text=_("Deadline for employees who join later.")
    )
    recurrence_months = models.PositiveSmallIntegerField(
        _("repeat every (months)"), null=True, blank=True, help_text=_("Empty: once.")
    )
    grace_days = models.PositiveSmallIntegerField(
        _("grace period (days)"),
        default=30,
        help_text=_("Time to acknowledge again after a material change of the module."),
    )
    requires_quiz = models.BooleanField(_("quiz must be passed"), default=True)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("obligation")
        verbose_name_plural = _("obligations")

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.module_id and self.module.locale.language_code != "de":
            raise ValidationError({"module": _("Choose the German version of the module.")})

    def text_for(self, language: str) -> str:
        return self.text_en if language == "en" else self.text_de


class ObligationVersion(models.Model):
    """What exactly must be acknowledged: the text and module version since `valid_from`.

    Version 1 comes with the obligation (it has no change note); each material change of the
    module and each change of the text adds one, and everyone has to acknowledge again by its
    `due_date`. The change note is kept per language: German always, English where written.
    """

    obligation = models.ForeignKey(Obligation, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    module_version_label = models.CharField(_("module version"), max_length=20)
    text_de = models.TextField(_("acknowledgement text (German)"))
    text_en = models.TextField(_("acknowledgement text (English)"))
    change_note_de = models.TextField(_("what changed (German)"))
    change_note_en = models.TextField(
        _("what changed (English)"), blank=True, help_text=_("Empty: the German note is shown.")
    )
    valid_from = models.DateTimeField(_("valid from"))
    due_date = models.DateField(_("due by"))

    class Meta:
        verbose_name = _("obligation version")
        verbose_name_plural = _("obligation versions")
        constraints = [
            models.UniqueConstraint(fields=["obligation", "number"], name="unique_version")
        ]
        ordering = ["obligation", "number"]

    def __str__(self) -> str:
        return f"{self.obligation} v{self.number}"

    def text_for(self, language: str) -> str:
        return self.text_en if language == "en" else self.text_de

    def change_note_for(self, language: str) -> str:
        """The note in `language`; German where no English note was written."""
        if language == "en" and self.change_note_en:
            return self.change_note_en
        return self.change_note_de

    @property
    def change_note(self) -> str:
        """The note in the language of the current request (for templates)."""
        return self.change_note_for(current_language())
