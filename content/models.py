from django.conf import settings
from django.db import models
from django.shortcuts import resolve_url
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .blocks import INLINE_FEATURES, PageStreamBlock
from .panels import PROMOTE_WITHOUT_SLUG, TITLE_AND_SLUG
from .site_cache import CachedTreeMixin, route_through_cache


class HomePage(CachedTreeMixin, Page):
    """The root of each language's site: a short welcome and the way into the trainings."""

    intro = RichTextField(_("introduction"), features=INLINE_FEATURES, blank=True)

    content_panels = [*TITLE_AND_SLUG, FieldPanel("intro")]
    promote_panels = PROMOTE_WITHOUT_SLUG
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.ModulePage", "content.StandardPage", "impulses.ImpulseIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """One query for a page of the cached live tree (content.site_cache), instead of
        Wagtail's two a level; Wagtail's walk for anything else."""
        found = route_through_cache(self, request, path_components)
        return found or super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Where a signed-in learner starts: where signing in leads (content links no app above).
        context["start_url"] = resolve_url(settings.LOGIN_REDIRECT_URL)
        return context


class StandardPage(Page):
    """An information page such as the privacy notice or the accessibility statement."""

    body = StreamField(PageStreamBlock(), verbose_name=_("body"))

    content_panels = [*TITLE_AND_SLUG, FieldPanel("body")]
    promote_panels = PROMOTE_WITHOUT_SLUG
    parent_page_types = ["content.HomePage", "content.StandardPage"]
    subpage_types = ["content.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class ScenarioAnswer(models.Model):
    """A learner's choice in a scenario block. Each submit is one answer; the newest one for a
    block is the one whose feedback the page shows."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scenario_answers"
    )
    page_key = models.UUIDField(_("page"))
    block_id = models.CharField(_("scenario block"), max_length=64)
    option_id = models.CharField(_("chosen option"), max_length=64)
    answered_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        verbose_name = _("scenario answer")
        verbose_name_plural = _("scenario answers")
        indexes = [models.Index(fields=["user", "page_key", "block_id", "-answered_at"])]

    def __str__(self):
        return f"{self.block_id}: {self.option_id}"


class ExerciseAnswer(models.Model):
    """A learner's answer to an exercise block (spot the signs, sort it, put in order), as
    the server read it from the form: the marked part ids, the category per item or the
    order of the steps. Each submit is one answer; the page shows the newest one's feedback,
    evaluated against the block (content.exercises)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exercise_answers"
    )
    page_key = models.UUIDField(_("page"))
    block_id = models.CharField(_("exercise block"), max_length=64)
    response = models.JSONField(_("response"))
    success = models.BooleanField(_("all right"))
    answered_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        verbose_name = _("exercise answer")
        verbose_name_plural = _("exercise answers")
        indexes = [models.Index(fields=["user", "page_key", "block_id", "-answered_at"])]

    def __str__(self):
        return f"{self.block_id}: {self.response}"
