"""Reads of the seminars app: sessions a learner can see, their own registrations, a
trainer's sessions and participant lists."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from .models import Attendance, Registration, Session


def with_seats(sessions: QuerySet) -> QuerySet:
    return sessions.annotate(
        seats_taken=Count("registrations", filter=Q(registrations__status="confirmed")),
        waiting=Count("registrations", filter=Q(registrations__status="waiting")),
    )


def upcoming_sessions(*, module_key=None) -> QuerySet:
    """Sessions that have not ended, soonest first; of one module (all its languages) when
    `module_key` (its translation key) is given."""
    sessions = Session.objects.filter(ends_at__gte=timezone.now()).select_related("module")
    if module_key is not None:
        sessions = sessions.filter(module__translation_key=module_key)
    return with_seats(sessions).order_by("starts_at")


def registration_of(*, user, session: Session) -> Registration | None:
    if not user.is_authenticated:
        return None
    return Registration.objects.filter(session=session, user=user).first()


def waiting_position(registration: Registration) -> int | None:
    """1 for the first on the waiting list; None when not waiting."""
    if registration.status != Registration.Status.WAITING:
        return None
    return (
        Registration.objects.filter(
            session_id=registration.session_id,
            status=Registration.Status.WAITING,
        )
        .filter(
            Q(queued_at__lt=registration.queued_at)
            | Q(queued_at=registration.queued_at, pk__lte=registration.pk)
        )
        .count()
    )


def my_registrations(user) -> QuerySet:
    """The learner's registrations (registered or waiting) for sessions that have not ended."""
    return (
        Registration.objects.filter(
            user=user,
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING],
            session__ends_at__gte=timezone.now(),
        )
        .select_related("session__module")
        .order_by("session__starts_at")
    )


def sessions_for_trainer(user) -> QuerySet:
    """The trainer's own sessions, latest first, with their seat figures."""
    return with_seats(Session.objects.filter(trainer=user).select_related("module")).order_by(
        "-starts_at"
    )


@dataclass(frozen=True)
class Participant:
    """What a trainer sees of a participant: the name (needed to take attendance), whether
    they joined online, whether attendance is recorded. No scores, no e-mail."""

    user_id: int
    name: str
    attended: bool
    joined_online: bool


def participants(session: Session) -> list[Participant]:
    rows = (
        Registration.objects.filter(session=session, status=Registration.Status.CONFIRMED)
        .annotate(
            attended=Exists(Attendance.objects.filter(session=session, user=OuterRef("user_id")))
        )
        .order_by("user__last_name", "user__first_name", "pk")
        .values("user_id", "user__first_name", "user__last_name", "attended", "joined_online_at")
    )
    return [
        Participant(
            user_id=row["user_id"],
            name=f"{row['user__last_name']}, {row['user__first_name']}".strip(", ") or "–",
            attended=row["attended"],
            joined_online=row["joined_online_at"] is not None,
        )
        for row in rows
    ]
