from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node


class Ressort(models.Model):
    """A ministry, e.g. HMdIS (Hessisches Ministerium des Innern und für Sport)."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("Ressort")
        verbose_name_plural = _("Ressorts")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


class Dienststelle(MP_Node):
    """An office of a Ressort; offices nest to any depth (a materialised path, so that a
    subtree is one `path LIKE 'prefix%'`)."""

    ressort = models.ForeignKey(
        Ressort, on_delete=models.PROTECT, related_name="dienststellen", verbose_name=_("Ressort")
    )
    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)

    node_order_by = ["code"]

    class Meta:
        verbose_name = _("Dienststelle")
        verbose_name_plural = _("Dienststellen")

    def __str__(self) -> str:
        return f"{self.code} – {self.name}"


class Employee(models.Model):
    """A person of the state administration as HR knows them.

    Outside compliance an employee appears only by the user's random pseudonym.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="employee"
    )
    personnel_number = models.CharField(_("personnel number"), max_length=32, unique=True)
    ressort = models.ForeignKey(
        Ressort, on_delete=models.PROTECT, related_name="employees", verbose_name=_("Ressort")
    )
    dienststelle = models.ForeignKey(
        Dienststelle,
        on_delete=models.PROTECT,
        related_name="employees",
        verbose_name=_("Dienststelle"),
    )
    entry_date = models.DateField(_("entry date"))
    active = models.BooleanField(_("active"), default=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        indexes = [
            models.Index(fields=["ressort", "active"], name="employee_ressort_active"),
            models.Index(fields=["dienststelle", "active"], name="employee_office_active"),
        ]

    def __str__(self) -> str:
        return self.personnel_number

    @property
    def pseudonym(self):
        return self.user.pseudonym
