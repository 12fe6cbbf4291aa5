"""Sessions of a module, registrations with their waiting list, and attendance.

Times are stored in UTC (USE_TZ) and shown in Europe/Berlin. A registration keeps one row per
person and session whatever happens to it (registered, waiting, cancelled, registered again),
so that its iCalendar UID stays the same and the calendar programs of its participant update
or cancel the one event they know.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

TRAINER_GROUP = "Trainer"
ATTENDANCE_PERMISSION = "seminars.take_attendance"


class Session(models.Model):
    """One date of a module: on site (a place) or online (a room)."""

    class Kind(models.TextChoices):
        ON_SITE = "on_site", _("On site")
        ONLINE = "online", _("Online")

    module = models.ForeignKey(
        "courses.ModulePage",
        on_delete=models.PROTECT,
        related_name="seminar_sessions",
        verbose_name=_("module"),
    )
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Optional; empty: the module's title."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(
        _("place"),
        max_length=300,
        blank=True,
        help_text=_("Address and room of an on-site session."),
    )
    room_url = models.URLField(
        _("online room"),
        max_length=500,
        blank=True,
        help_text=_(
            "Link to the video conference room. Empty when Sensi creates the room on the "
            "configured BigBlueButton server."
        ),
    )
    capacity = models.PositiveSmallIntegerField(_("seats"), default=20)
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="trained_sessions",
        verbose_name=_("trainer"),
        limit_choices_to={"groups__name": TRAINER_GROUP},
    )
    registration_deadline = models.DateTimeField(_("registration deadline"))
    bbb_meeting_id = models.CharField(
        _("BigBlueButton meeting"), max_length=100, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    panels = [
        FieldPanel("module"),
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading=_("Date")),
        MultiFieldPanel([FieldPanel("place"), FieldPanel("room_url")], heading=_("Where")),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
        FieldPanel("trainer"),
    ]

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at"]
        permissions = [("take_attendance", _("Can record attendance of own sessions"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(registration_deadline__lte=models.F("starts_at")),
                name="session_deadline_before_start",
            ),
        ]

    def __str__(self) -> str:
        start = timezone.localtime(self.starts_at)
        return f"{self.display_title} – {start:%d.%m.%Y %H:%M}"

    @property
    def display_title(self) -> str:
        return self.title or self.module.title

    @property
    def is_online(self) -> bool:
        return self.kind == self.Kind.ONLINE

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The session must end after it starts.")
        if (
            self.starts_at
            and self.registration_deadline
            and self.registration_deadline > self.starts_at
        ):
            errors["registration_deadline"] = _(
                "The registration deadline must not be after the start."
            )
        if self.kind == self.Kind.ON_SITE and not self.place.strip():
            errors["place"] = _("An on-site session needs a place.")
        if self.kind == self.Kind.ONLINE and not self.room_url:
            from .app_settings import bbb_configured

            if not bbb_configured():
                errors["room_url"] = _(
                    "An online session needs a room link (no BigBlueButton server is configured)."
                )
        if self.module_id and self.module.locale.language_code != "de":
            errors["module"] = _("Choose the German version of the module.")
        if errors:
            raise ValidationError(errors)

    def registration_open(self, now=None) -> bool:
        return (now or timezone.now()) <= self.registration_deadline


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="seminar_registrations"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    uid = models.UUIDField(_("calendar id"), default=uuid.uuid4, unique=True, editable=False)
    # iCalendar SEQUENCE (RFC 5545 §3.8.7.4): raised with every invitation or cancellation
    # sent for the same UID, so calendars apply the latest.
    sequence = models.PositiveIntegerField(default=0)
    registered_at = models.DateTimeField(_("registered"), auto_now_add=True)
    # Position on the waiting list: the earliest `queued_at` moves up first.
    queued_at = models.DateTimeField(_("waiting since"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)
    # Filled from BigBlueButton (who joined the room), for the trainer to confirm.
    joined_online_at = models.DateTimeField(_("joined online"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="unique_seminar_registration")
        ]
        indexes = [models.Index(fields=["session", "status"], name="seminar_registration_status")]

    def __str__(self) -> str:
        return f"{self.user} – {self.session} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status != self.Status.CANCELLED


class Attendance(models.Model):
    """A participant attended a session, as its trainer recorded. One row per person and
    session; no row: not (or not yet) recorded as present."""

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="attendances")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="seminar_attendances"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="unique_seminar_attendance")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.session}"
