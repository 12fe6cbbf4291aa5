import uuid

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page

from content.panels import PROMOTE_WITHOUT_SLUG, TITLE_AND_SLUG
from content.site_cache import CachedTreeMixin

from .blocks import QuestionStreamBlock
from .questions import Question, questions_from_stream


class QuizPage(CachedTreeMixin, RoutablePageMixin, Page):
    """The quiz at the end of a module. Scored on the server; every attempt is kept."""

    intro = models.TextField(_("introduction"), blank=True)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (percent)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Share of questions that must be answered correctly to pass."),
    )
    questions = StreamField(QuestionStreamBlock(), verbose_name=_("questions"))
    questions_per_attempt = models.PositiveSmallIntegerField(
        _("questions per attempt"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Leave empty to ask every question. With a smaller number, each attempt draws "
            "that many questions from the pool."
        ),
    )
    attempts_per_period = models.PositiveSmallIntegerField(
        _("attempts per period"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Leave empty for unlimited attempts. After the last allowed attempt of a period "
            "the explanations are shown."
        ),
    )
    attempt_period_hours = models.PositiveSmallIntegerField(
        _("period (hours)"),
        default=24,
        validators=[MinValueValidator(1)],
        help_text=_("The period the attempt limit applies to, in hours."),
    )
    reread_after_failures = models.PositiveSmallIntegerField(
        _("re-read the lessons after this many failed attempts"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Leave empty for no such rule. Otherwise, after this many failed attempts in a "
            "row the learner must read the module's lessons again before the next attempt."
        ),
    )

    content_panels = [
        *TITLE_AND_SLUG,
        FieldPanel("intro"),
        FieldPanel("pass_mark"),
        FieldPanel("questions"),
        MultiFieldPanel(
            [
                FieldPanel("questions_per_attempt"),
                FieldPanel("attempts_per_period"),
                FieldPanel("attempt_period_hours"),
                FieldPanel("reread_after_failures"),
            ],
            heading=_("Attempts"),
        ),
    ]
    promote_panels = PROMOTE_WITHOUT_SLUG
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def question_list(self) -> list[Question]:
        """Every question of the pool, variants included."""
        return questions_from_stream(self.questions)

    def clean(self):
        super().clean()
        slots = len(self.questions or [])
        if self.questions_per_attempt and slots and self.questions_per_attempt > slots:
            raise ValidationError(
                {
                    "questions_per_attempt": _(
                        "The quiz has only %(count)d questions (a question with variants "
                        "counts once)."
                    )
                    % {"count": slots}
                }
            )

    @method_decorator(login_required)
    def serve(self, request, *args, **kwargs):
        return super().serve(request, *args, **kwargs)

    @path("")
    def quiz(self, request):
        from . import views

        return views.take_quiz(request, self)

    @path("ergebnis/<int:attempt_id>/", name="result")
    def result(self, request, attempt_id: int):
        from . import views

        return views.show_result(request, self, attempt_id)

    def serve_preview(self, request, mode_name):
        from . import views

        return views.preview_quiz(request, self)


class QuizDraw(models.Model):
    """The questions (and variants) drawn for one attempt, before it is answered.

    The quiz form refers to it by a signed token; reloading the form shows the same draw,
    so that drawing again until easy questions come up does not work. One attempt per draw.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_draws"
    )
    quiz_key = models.UUIDField(_("quiz"))
    token = models.UUIDField(_("form token"), unique=True, default=uuid.uuid4, editable=False)
    question_ids = models.JSONField(_("questions drawn"))
    created_at = models.DateTimeField(_("drawn"), auto_now_add=True)

    class Meta:
        verbose_name = _("quiz draw")
        verbose_name_plural = _("quiz draws")
        indexes = [models.Index(fields=["user", "quiz_key"], name="draw_user_quiz")]

    def __str__(self) -> str:
        return f"{self.user} – {self.quiz_key} – {self.created_at:%Y-%m-%d %H:%M}"


class QuizAttempt(models.Model):
    """One submitted, scored attempt. Never changed after it is created."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz_key = models.UUIDField(_("quiz"))
    module_key = models.UUIDField(_("module"))
    quiz = models.ForeignKey(
        QuizPage, null=True, on_delete=models.SET_NULL, related_name="attempts"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The published version of the quiz that was answered."),
    )
    language = models.CharField(_("language"), max_length=10)
    token = models.UUIDField(
        _("submission token"),
        unique=True,
        help_text=_("One per rendered quiz form: a second submit of the same form is ignored."),
    )
    answers = models.JSONField(_("answers"))
    results = models.JSONField(_("results per question"))
    points = models.PositiveSmallIntegerField(_("points"))
    max_points = models.PositiveSmallIntegerField(_("maximum points"))
    percent = models.PositiveSmallIntegerField(_("percent"))
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (percent)"))
    passed = models.BooleanField(_("passed"))
    draw = models.OneToOneField(
        QuizDraw,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attempt",
        help_text=_("The questions drawn for this attempt."),
    )
    solutions_shown = models.BooleanField(
        _("solutions shown"),
        default=False,
        help_text=_(
            "Whether the result showed the correct answers and explanations: after passing, "
            "or after the last allowed attempt of a period."
        ),
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(fields=["user", "quiz_key", "passed"], name="attempt_user_quiz_passed")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.quiz_key} – {self.percent}%"

    def answered_quiz(self) -> QuizPage:
        """The quiz as it was when answered (texts may have changed since)."""
        if self.revision_id:
            return self.revision.as_object()
        if self.quiz_id:
            return self.quiz
        raise Http404
