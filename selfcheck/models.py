import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from .blocks import INSTRUCTION_FEATURES, RouterInstructionsBlock
from .models_choices import Answer, Area, Router

__all__ = ["Answer", "Area", "Router", "SelfCheckAnswer", "SelfCheckRun", "SelfCheckStep"]


class SelfCheckStep(TranslatableMixin, Orderable, index.Indexed):
    """One step of the Heimarbeitsplatz-Check, authored and ordered by editors (a snippet).

    The language versions of a step share its `translation_key`: answers and aggregates refer
    to that key, so a step keeps its figures when its text is corrected or translated. The
    order is that of the steps in the default language (German).
    """

    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    question = models.CharField(
        _("question"),
        max_length=300,
        help_text=_(
            "A yes/no question the employee can answer for their own home office, e.g. "
            "“Ist die Firmware Ihres Routers aktuell (Update in den letzten 3 Monaten)?”"
        ),
    )
    instruction = RichTextField(
        _("instruction"),
        features=INSTRUCTION_FEATURES,
        help_text=_("What to do, for every device. Shown when the employee does not know."),
    )
    router_instructions = StreamField(
        RouterInstructionsBlock(),
        blank=True,
        verbose_name=_("router-specific instructions"),
        help_text=_("Only where the routers differ: the menu path for each router family."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive steps are not asked; earlier answers to them are kept."),
    )

    panels = [
        FieldPanel("area"),
        FieldPanel("question"),
        FieldPanel("instruction"),
        FieldPanel("router_instructions"),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("question"), index.AutocompleteField("question")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("self-check step")
        verbose_name_plural = _("self-check steps")

    def __str__(self) -> str:
        return self.question

    def save(self, *args, **kwargs):
        # The admin's create view places a new step last; do the same for steps made in code
        # (the demo, a translation) so that every step has a place in the order.
        if self.sort_order is None:
            last = SelfCheckStep.objects.aggregate(last=models.Max("sort_order"))["last"]
            self.sort_order = 0 if last is None else last + 1
        super().save(*args, **kwargs)

    @property
    def router_variants(self) -> list[tuple[str, object]]:
        """(router label, instruction) in the order of `Router`, for the templates."""
        order = {value: position for position, value in enumerate(Router.values)}
        variants = sorted(
            (block.value for block in self.router_instructions),
            key=lambda value: order.get(value["router"], len(order)),
        )
        return [(Router(value["router"]).label, value["instruction"]) for value in variants]


class SelfCheckRun(models.Model):
    """One time an employee went through the check. Private to the employee; the latest run
    of each person is the one aggregates count (`latest`, kept by the service)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="selfcheck_runs",
        verbose_name=_("user"),
    )
    # The form's one-time id: a second submit of the same form stores nothing twice.
    submission_id = models.UUIDField(_("submission id"), unique=True, default=uuid.uuid4)
    completed_at = models.DateTimeField(_("completed at"), db_index=True)
    done = models.PositiveSmallIntegerField(_("steps done"))
    total = models.PositiveSmallIntegerField(_("steps answered"))
    latest = models.BooleanField(_("latest run"), default=True)

    class Meta:
        verbose_name = _("self-check run")
        verbose_name_plural = _("self-check runs")
        ordering = ["-completed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(latest=True), name="selfcheck_one_latest_run"
            ),
            models.CheckConstraint(
                condition=Q(done__lte=models.F("total")), name="selfcheck_done_le_total"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.completed_at:%Y-%m-%d %H:%M} {self.done}/{self.total}"


class SelfCheckAnswer(models.Model):
    """The answer to one step in one run; the step by its translation key."""

    run = models.ForeignKey(
        SelfCheckRun, on_delete=models.CASCADE, related_name="answers", verbose_name=_("run")
    )
    step_key = models.UUIDField(_("step"))
    answer = models.CharField(_("answer"), max_length=20, choices=Answer.choices)

    class Meta:
        verbose_name = _("self-check answer")
        verbose_name_plural = _("self-check answers")
        constraints = [
            models.UniqueConstraint(fields=["run", "step_key"], name="selfcheck_one_answer"),
            models.CheckConstraint(
                condition=Q(answer__in=Answer.values), name="selfcheck_known_answer"
            ),
        ]
        indexes = [models.Index(fields=["step_key", "answer"], name="selfcheck_step_answer")]

    def __str__(self) -> str:
        return f"{self.step_key}: {self.answer}"
