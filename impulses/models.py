"""Sicherheitsimpulse: weekly micro-units authored as Wagtail pages (so they go through the
editorial workflow and are translated like modules), and what learners do with them.

Answers and deliveries refer to an impulse by its Wagtail `translation_key`, shared by all its
language versions: an answer given in English counts for the German impulse too.
"""

from datetime import date, timedelta
from html import unescape

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.http import Http404
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from content.blocks import INLINE_FEATURES
from quizzes.questions import Question, questions_from_stream

from .blocks import ImpulseMediaBlock, ImpulseQuestionBlock

# A unit takes two minutes at most: about 30 seconds of reading for the tip (some 80 words),
# the rest for the image or video and the question.
TIP_MAX_CHARACTERS = 600


class Topic(models.TextChoices):
    """The six topics of the curriculum, one per demo module."""

    HOME_ROUTER = "home_router", _("Home router and Wi-Fi")
    PRINTERS = "printers", _("Network printers and devices at home")
    PHISHING = "phishing", _("Recognising and reporting phishing")
    PASSWORDS = "passwords", _("Passwords and multi-factor authentication")
    HOME_OFFICE = "home_office", _("Data protection in the home office")
    DATA_BREACH = "data_breach", _("Data breaches")


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def tip_length(html: str) -> int:
    """The tip's length as a reader sees it: text without markup, whitespace collapsed."""
    return len(" ".join(unescape(strip_tags(html)).split()))


class ImpulseIndexPage(Page):
    """The home of the impulses below a language's home page: lists the public ones."""

    intro = RichTextField(_("introduction"), features=INLINE_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.HomePage"]
    subpage_types = ["impulses.ImpulsePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("security impulses")
        verbose_name_plural = _("security impulse overviews")

    def get_context(self, request, *args, **kwargs):
        from .selectors import public_impulses

        context = super().get_context(request, *args, **kwargs)
        context["impulses"] = public_impulses(language=self.locale.language_code)
        return context


class ImpulsePage(Page):
    """One Sicherheitsimpuls: a short tip, an image or a short video, one question."""

    topic = models.CharField(_("topic"), max_length=32, choices=Topic.choices)
    tip = RichTextField(
        _("tip"),
        features=INLINE_FEATURES,
        # format_lazy: translated when shown, not at import (migrations stay in English).
        help_text=format_lazy(
            _("A short tip, at most {count} characters."), count=TIP_MAX_CHARACTERS
        ),
    )
    media = StreamField(ImpulseMediaBlock(), verbose_name=_("image or video"), blank=True)
    question = StreamField(ImpulseQuestionBlock(), verbose_name=_("question"))
    week_of = models.DateField(
        _("week"),
        null=True,
        blank=True,
        help_text=_(
            "The impulse is shown from the Monday of this week until the next one follows. "
            "Leave empty to schedule it one week after the latest impulse: that way a series "
            "appears one per week from the first impulse's week."
        ),
    )
    everyone = models.BooleanField(
        _("for everyone"),
        default=True,
        help_text=_(
            "Impulses for everyone are public: they also appear in the feeds, the widget and "
            "the screensaver. Untick to choose Ressorts and Dienststellen."
        ),
    )
    ressorts = ParentalManyToManyField(
        "compliance.Ressort", blank=True, related_name="+", verbose_name=_("Ressorts")
    )
    dienststellen = ParentalManyToManyField(
        "compliance.Dienststelle",
        blank=True,
        related_name="+",
        verbose_name=_("Dienststellen"),
        help_text=_("Each chosen Dienststelle includes the offices below it."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("topic"),
        FieldPanel("tip"),
        FieldPanel("media"),
        FieldPanel("question"),
        MultiFieldPanel(
            [
                FieldPanel("week_of"),
                FieldPanel("everyone"),
                FieldPanel("ressorts", widget=forms.CheckboxSelectMultiple),
                FieldPanel("dienststellen"),
            ],
            heading=_("Schedule and audience"),
        ),
    ]
    parent_page_types = ["impulses.ImpulseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("security impulse")
        verbose_name_plural = _("security impulses")

    def clean(self):
        super().clean()
        length = tip_length(self.tip or "")
        if length > TIP_MAX_CHARACTERS:
            raise ValidationError(
                {
                    "tip": _(
                        "The tip is too long: %(length)s characters, at most %(max)s are "
                        "allowed. A security impulse must take no more than two minutes to "
                        "read and answer; shorten the tip or link to a module instead."
                    )
                    % {"length": length, "max": TIP_MAX_CHARACTERS}
                }
            )
        if self.week_of:
            self.week_of = monday_of(self.week_of)

    def save(self, *args, **kwargs):
        if self.week_of is None and self.path:
            self.week_of = self._next_free_week()
        return super().save(*args, **kwargs)

    def _next_free_week(self) -> date:
        """The week after the latest impulse of the same language, but not before this week."""
        this_week = monday_of(timezone.localdate())
        latest = (
            ImpulsePage.objects.filter(locale_id=self.locale_id, week_of__isnull=False)
            .exclude(pk=self.pk)
            .aggregate(latest=Max("week_of"))["latest"]
        )
        return max(this_week, latest + timedelta(weeks=1)) if latest else this_week

    @property
    def is_public(self) -> bool:
        """For everyone, published and its week begun: may be shown without signing in."""
        return (
            self.everyone
            and self.live
            and self.week_of is not None
            and self.week_of <= timezone.localdate()
        )

    def question_view(self) -> Question:
        return questions_from_stream(self.question)[0]

    def serve(self, request, *args, **kwargs):
        """Public impulses are open to all; any other only to signed-in employees of its
        audience (editors see drafts through the preview, which is not served here)."""
        if self.is_public or getattr(request, "is_preview", False):
            return super().serve(request, *args, **kwargs)
        return _serve_to_audience(self, request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .selectors import card_for

        context = super().get_context(request, *args, **kwargs)
        context["card"] = card_for(impulse=self, user=request.user, source="page")
        return context


def _serve_to_audience(page: ImpulsePage, request, *args, **kwargs):
    from .selectors import available_to

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not available_to(page, request.user):
        raise Http404
    return Page.serve(page, request, *args, **kwargs)


class ImpulseAnswer(models.Model):
    """A learner's answer to an impulse's question: one per learner and impulse."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="impulse_answers"
    )
    impulse_key = models.UUIDField(_("impulse"))
    option_id = models.CharField(_("chosen option"), max_length=64)
    correct = models.BooleanField(_("correct"))
    answered_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        verbose_name = _("impulse answer")
        verbose_name_plural = _("impulse answers")
        constraints = [
            models.UniqueConstraint(fields=["user", "impulse_key"], name="unique_impulse_answer")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.impulse_key}"


class DigestSubscription(models.Model):
    """A learner's opt-in to the weekly e-mail with the impulse of the week."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="impulse_digest"
    )
    subscribed_at = models.DateTimeField(_("subscribed"), auto_now_add=True)

    class Meta:
        verbose_name = _("impulse e-mail subscription")
        verbose_name_plural = _("impulse e-mail subscriptions")

    def __str__(self) -> str:
        return str(self.user)


class DigestDelivery(models.Model):
    """The log of digests sent: at most one per learner and week."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="impulse_digests"
    )
    week_of = models.DateField(_("week"))
    impulse_key = models.UUIDField(_("impulse"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("impulse e-mail sent")
        verbose_name_plural = _("impulse e-mails sent")
        constraints = [
            models.UniqueConstraint(fields=["user", "week_of"], name="unique_impulse_digest_week")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.week_of}"
