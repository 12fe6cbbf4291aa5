"""Microlearning modules, their lessons, and each learner's progress through them.

Progress refers to pages by their Wagtail `translation_key`, which is shared by all language
versions of a page: a learner who switches from German to English keeps their progress.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import models
from django.http import Http404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from content.panels import PROMOTE_WITHOUT_SLUG, TITLE_AND_SLUG
from content.site_cache import CachedTreeMixin
from xapi.cmi5 import is_launch as cmi5_launch
from xapi.launches import is_launch

from .blocks import LessonStreamBlock
from .publish_outlook import PublishOutlookPanel


class Topic(models.TextChoices):
    IT_SECURITY = "it_security", _("Information security")
    DATA_PROTECTION = "data_protection", _("Data protection")


class LearnerPageMixin(CachedTreeMixin):
    """Learning pages are for signed-in employees, and only inside a published module (their
    view restrictions and translations come from the cached site structure)."""

    @method_decorator(login_required)
    def serve(self, request, *args, **kwargs):
        return super().serve(request, *args, **kwargs)


class ModulePage(LearnerPageMixin, Page):
    """One microlearning module: a handful of lessons and, at the end, a quiz."""

    topic = models.CharField(_("topic"), max_length=32, choices=Topic.choices)
    summary = models.TextField(_("summary"), max_length=500)
    objectives = StreamField(
        [("objective", blocks.CharBlock(label=_("Learning objective"), max_length=300))],
        verbose_name=_("learning objectives"),
        help_text=_("What learners can do after the module, one objective per entry."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=10)
    teaser_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("teaser image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Decorative illustration shown next to the title; it has no alt text."),
    )
    version_label = models.CharField(
        _("version"),
        max_length=20,
        default="1.0",
        help_text=_("Shown to learners, e.g. 1.0 or 2026-1."),
    )

    change_is_material = models.BooleanField(
        _("material change"),
        default=False,
        help_text=_(
            "Tick when this version changes what employees must know. With a new version label, "
            "publishing it asks everyone with an obligation for this module to acknowledge again. "
            "Only the German module decides; the mark is cleared once that has happened."
        ),
    )
    change_note = models.TextField(
        _("what changed"),
        blank=True,
        help_text=_(
            "Shown to employees who must acknowledge again, in the language of this page; "
            "cleared with the material change mark."
        ),
    )

    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_(
            "When the Redaktion should check the content again. The Redaktion is reminded by "
            "e-mail shortly before; the dashboard lists modules that are due."
        ),
    )

    content_panels = [
        *TITLE_AND_SLUG,
        MultiFieldPanel(
            [
                FieldPanel("topic"),
                FieldPanel("estimated_minutes"),
                FieldPanel("version_label"),
                FieldPanel("review_by"),
            ],
            heading=_("Module"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("change_is_material"),
                FieldPanel("change_note"),
                PublishOutlookPanel(),
            ],
            heading=_("Change"),
        ),
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("teaser_image"),
    ]
    promote_panels = PROMOTE_WITHOUT_SLUG
    parent_page_types = ["content.HomePage"]
    subpage_types = ["courses.LessonPage", "quizzes.QuizPage"]
    # The explorer lists lessons in the learners' order, the quiz last (courses.services
    # keep_quiz_last), not by the latest edit.
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def route(self, request, path_components):
        # Wagtail routes to live children of unpublished parents; a lesson must not be
        # reachable while its module is withdrawn.
        if not self.live:
            raise Http404
        return super().route(request, path_components)

    def serve(self, request, *args, **kwargs):
        """A launch from an LMS is checked and parked first, signed in or not, so that its
        credential never reaches the login page's `next=` (courses.launches)."""
        from . import cmi5, launches

        if is_launch(request.GET):
            return launches.park_launch(request, self)
        if cmi5_launch(request.GET):
            return cmi5.park_launch(request, self)
        if launches.LAUNCH_PARAM in request.GET and request.user.is_authenticated:
            return launches.resume_launch(request, self)
        return cmi5.allow_return(super().serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        from .cmi5 import open_session_for
        from .dashboard import render_module_sections
        from .selectors import module_outline

        context = super().get_context(request, *args, **kwargs)
        context["outline"] = module_outline(module=self, user=request.user)
        context["cmi5_session"] = open_session_for(user=request.user, module=self)
        context["module_sections"] = render_module_sections(request, self)
        return context


class LessonPage(LearnerPageMixin, Page):
    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"))

    content_panels = [*TITLE_AND_SLUG, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = PROMOTE_WITHOUT_SLUG
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def serve(self, request, *args, **kwargs):
        # Only real visits count; editors' previews render without serve(). Opening a
        # lesson only remembers it for resuming; the POST from its end may mark it read.
        from . import views

        if not request.user.is_authenticated:
            return super().serve(request, *args, **kwargs)
        if request.method == "POST":
            return views.finish_lesson(request, self)
        return views.show_lesson(request, self)

    def xapi_root_activity(self):
        """The module, whose registration statements about this lesson's blocks belong to
        (a hook used by content's scenario blocks, which import no course app)."""
        from .learning_records import module_activity

        return module_activity(self.get_parent().specific)

    def get_context(self, request, *args, **kwargs):
        from .selectors import lesson_position

        context = super().get_context(request, *args, **kwargs)
        context["position"] = lesson_position(lesson=self)
        return context


class ReviewReminder(models.Model):
    """The Redaktion was reminded that a module is due for review by `review_by`: one reminder
    per module and date (courses.review_reminders); a new date gets a new reminder."""

    module = models.ForeignKey(
        ModulePage, on_delete=models.CASCADE, related_name="review_reminders"
    )
    review_by = models.DateField(_("review by"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    recipients = models.PositiveIntegerField(_("recipients"))

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")
        constraints = [
            models.UniqueConstraint(fields=["module", "review_by"], name="unique_review_reminder")
        ]

    def __str__(self) -> str:
        return f"{self.module_id} – {self.review_by}"


class ModuleProgress(models.Model):
    """Where one learner stands in one module (all language versions together)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_progress"
    )
    module_key = models.UUIDField(_("module"))
    last_page_key = models.UUIDField(_("last visited page"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last activity"), auto_now=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "module_key"], name="unique_module_progress")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.module_key}"


class LessonReadQuerySet(models.QuerySet):
    def qualified(self):
        """Reads that were earned (end reached, minimum time spent); rows from before reads
        had to be earned only record that the lesson was opened and do not count."""
        return self.filter(engaged_seconds__isnull=False)


class LessonRead(models.Model):
    """A learner has read a lesson. One row per learner and lesson, never more: a later read
    moves `read_at` and `engaged_seconds` to the latest qualified read."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lessons_read"
    )
    module_key = models.UUIDField(_("module"))
    lesson_key = models.UUIDField(_("lesson"))
    read_at = models.DateTimeField(_("read"), auto_now_add=True)
    engaged_seconds = models.PositiveIntegerField(
        _("time spent (seconds)"),
        null=True,
        blank=True,
        help_text=_(
            "Measured by the server from opening the lesson to reaching its end. Empty for "
            "lessons that were only opened before reads had to be earned; they do not count."
        ),
    )

    objects = LessonReadQuerySet.as_manager()

    class Meta:
        verbose_name = _("lesson read")
        verbose_name_plural = _("lessons read")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key"], name="unique_lesson_read")
        ]
        indexes = [models.Index(fields=["user", "module_key"], name="lessonread_user_module")]

    def __str__(self) -> str:
        return f"{self.user} – {self.lesson_key}"


class Cmi5Session(models.Model):
    """One cmi5 launch of a module by an LMS (courses.cmi5, xapi.cmi5): the session the LMS
    opened, the credential it handed over (kept only while the session is open) and which
    "cmi5 defined" statements Sensi has sent in it."""

    class Mode(models.TextChoices):
        NORMAL = "Normal", _("normal")
        BROWSE = "Browse", _("browse")
        REVIEW = "Review", _("review")

    class State(models.TextChoices):
        LAUNCHED = "launched", _("launched, learner not signed in yet")
        INITIALIZED = "initialized", _("open")
        TERMINATED = "terminated", _("terminated")
        ABANDONED = "abandoned", _("abandoned")

    session_id = models.CharField(_("session id"), max_length=100, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="cmi5_sessions",
    )
    module_key = models.UUIDField(_("module"))
    activity_id = models.CharField(_("activity id"), max_length=512)
    registration = models.UUIDField(_("registration"))
    actor = models.JSONField(_("LMS actor"))
    endpoint = models.URLField(_("LRS endpoint"), max_length=2000)
    auth_token = models.CharField(_("credential"), max_length=2000, blank=True)
    token_expires_at = models.DateTimeField(_("credential used until"))
    launch_mode = models.CharField(_("launch mode"), max_length=10, choices=Mode.choices)
    move_on = models.CharField(_("move on"), max_length=20)
    mastery_score = models.FloatField(_("mastery score"), null=True, blank=True)
    return_url = models.URLField(_("return URL"), max_length=2000, blank=True)
    context_template = models.JSONField(_("context template"))
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.LAUNCHED
    )
    launched_at = models.DateTimeField(_("launched"), auto_now_add=True)
    initialized_at = models.DateTimeField(_("initialized"), null=True, blank=True)
    completed_sent_at = models.DateTimeField(_("completed sent"), null=True, blank=True)
    passed_sent_at = models.DateTimeField(_("passed sent"), null=True, blank=True)
    failed_sent_at = models.DateTimeField(_("failed sent"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("cmi5 session")
        verbose_name_plural = _("cmi5 sessions")
        indexes = [
            models.Index(fields=["user", "module_key", "state"], name="cmi5session_user_module"),
            models.Index(fields=["registration", "activity_id"], name="cmi5session_registration"),
        ]

    def __str__(self) -> str:
        return f"{self.session_id} ({self.get_state_display()})"

    @property
    def is_open(self) -> bool:
        return self.state == self.State.INITIALIZED

    @property
    def records_results(self) -> bool:
        """Browse and Review sessions send no completed, passed or failed (cmi5 §10.2.2)."""
        return self.launch_mode == self.Mode.NORMAL
