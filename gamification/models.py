"""The switches of a deployment, the learner's opt-out, and the team challenges. Streaks,
badges, the progress ring and the teams' shares are not stored: they are computed when shown
(gamification.selectors)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="pick")
class GamificationSettings(BaseGenericSetting):
    """What a deployment shows, as its Dienstvereinbarung allows. Everything is off until
    someone switches it on: off, nothing is computed or shown."""

    streaks = models.BooleanField(
        _("weekly streak"),
        default=False,
        help_text=_(
            "Shows learners, and only them, how many weeks in a row they have answered a "
            "security impulse."
        ),
    )
    badges = models.BooleanField(
        _("badges per topic"),
        default=False,
        help_text=_(
            "Shows learners, and only them, a badge for each topic whose modules they have all "
            "completed."
        ),
    )
    progress_ring = models.BooleanField(
        _("progress ring"),
        default=False,
        help_text=_("Shows learners, and only them, how many of the modules they have completed."),
    )
    team_challenges = models.BooleanField(
        _("team challenges"),
        default=False,
        help_text=_(
            "Shows everyone the running challenges with each team's share of members who took "
            "part; teams below the minimum group size are withheld."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("streaks"), FieldPanel("badges"), FieldPanel("progress_ring")],
            heading=_("Personal progress (visible only to the learner)"),
        ),
        FieldPanel("team_challenges"),
    ]

    class Meta:
        verbose_name = _("Gamification")

    @property
    def personal_progress(self) -> bool:
        return self.streaks or self.badges or self.progress_ring


class PersonalProgressOptOut(models.Model):
    """A learner has switched their personal progress off: none of it is computed for them.
    Switching it on again deletes the row."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gamification_opt_out"
    )
    opted_out_at = models.DateTimeField(_("switched off"), default=timezone.now)

    class Meta:
        verbose_name = _("personal progress switched off")
        verbose_name_plural = _("personal progress switched off")

    def __str__(self) -> str:
        return str(self.user)


class TeamChallenge(models.Model):
    """A time-boxed challenge between the teams of one level (every Ressort, or every
    Dienststelle with the employees assigned to it directly)."""

    class Level(models.TextChoices):
        RESSORT = "ressort", _("Ressorts")
        DIENSTSTELLE = "dienststelle", _("Dienststellen")

    class Activity(models.TextChoices):
        IMPULSE = "impulse", _("answering a security impulse")
        MODULE = "module", _("completing a module")
        EITHER = "either", _("answering a security impulse or completing a module")

    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=600, blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    level = models.CharField(
        _("teams"),
        max_length=16,
        choices=Level.choices,
        default=Level.RESSORT,
        help_text=_(
            "A Dienststelle counts the employees assigned to it, not those of the offices below it."
        ),
    )
    activity = models.CharField(
        _("what counts as taking part"),
        max_length=16,
        choices=Activity.choices,
        default=Activity.IMPULSE,
        help_text=_("Counted between the first and the last day (Europe/Berlin)."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("level"),
        FieldPanel("activity"),
    ]

    class Meta:
        verbose_name = _("team challenge")
        verbose_name_plural = _("team challenges")
        ordering = ["-starts_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="challenge_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if not (self.starts_on and self.ends_on):
            return
        if self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day cannot be before the first day.")})
        # Figures of a Ressort and of its Dienststellen side by side would let one work out a
        # Dienststelle withheld for its size: one level at a time.
        other_level = TeamChallenge.objects.exclude(pk=self.pk).exclude(level=self.level)
        clash = other_level.filter(starts_on__lte=self.ends_on, ends_on__gte=self.starts_on)
        if clash.exists():
            raise ValidationError(
                {
                    "level": _(
                        "“%(title)s” runs at the same time with the other kind of teams. "
                        "Figures of Ressorts and of Dienststellen side by side could reveal a "
                        "team that is withheld for its size: choose the same teams or "
                        "another period."
                    )
                    % {"title": clash.first().title}
                }
            )
