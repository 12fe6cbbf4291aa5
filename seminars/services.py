"""Writes of the seminars app: register, cancel (with the waiting list moving up), attendance.

Every write that depends on how many seats are taken first locks the session's row
(`select_for_update`), so that two people registering at once for the last seat queue up:
the first gets it, the second goes on the waiting list. The unique (session, user) constraint
makes a double submit find the existing registration instead of adding a second one.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import learning_records, mails
from .models import Attendance, Registration, Session
from .signals import attendance_recorded


class RegistrationRefused(Exception):
    """The person may not register or cancel (the message says why); nothing was changed."""


class AttendanceRefused(Exception):
    """Attendance cannot be recorded (the message says why); nothing was recorded."""


def _locked(session: Session) -> Session:
    return Session.objects.select_for_update().select_related("module").get(pk=session.pk)


def _seats_taken(session: Session) -> int:
    return session.registrations.filter(status=Registration.Status.CONFIRMED).count()


def _send(registration: Registration, purpose: mails.Purpose) -> None:
    if purpose in mails.CALENDAR_METHOD:
        registration.sequence += 1
        registration.save(update_fields=["sequence"])
    mails.send_after_commit(registration, purpose)


@transaction.atomic
def register(*, user, session: Session) -> tuple[Registration, bool]:
    """Register `user` for the session: a seat while there is one, else the waiting list.

    Returns the registration and whether it changed: registering again while registered or
    waiting returns the registration as it is. Raises RegistrationRefused after the deadline.
    """
    session = _locked(session)
    now = timezone.now()
    registration = Registration.objects.filter(session=session, user=user).first()
    if registration is not None and registration.is_active:
        return registration, False
    if not session.registration_open(now):
        raise RegistrationRefused(_("The registration deadline for this session has passed."))
    seat = _seats_taken(session) < session.capacity
    status = Registration.Status.CONFIRMED if seat else Registration.Status.WAITING
    if registration is None:
        registration = Registration(session=session, user=user)
    registration.status = status
    registration.cancelled_at = None
    registration.reminded_at = None
    registration.queued_at = None if seat else now
    registration.save()
    registration.session = session
    _send(registration, mails.Purpose.CONFIRMED if seat else mails.Purpose.WAITING)
    return registration, True


@transaction.atomic
def cancel(*, user, session: Session) -> Registration | None:
    """Cancel the registration of `user` (returns None when there was none to cancel, e.g. a
    second click). A freed seat goes to the first person on the waiting list."""
    session = _locked(session)
    registration = Registration.objects.filter(
        session=session,
        user=user,
        status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING],
    ).first()
    if registration is None:
        return None
    if session.starts_at <= timezone.now():
        raise RegistrationRefused(_("The session has already begun; it cannot be cancelled."))
    had_seat = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.queued_at = None
    registration.save(update_fields=["status", "cancelled_at", "queued_at"])
    registration.session = session
    if had_seat:
        _send(registration, mails.Purpose.CANCELLED)
        fill_seats(session=session)
    return registration


@transaction.atomic
def fill_seats(*, session: Session) -> list[Registration]:
    """Move people up from the waiting list, first come first served, while seats are free
    (after a cancellation, or after an editor added seats) and the session has not begun."""
    session = _locked(session)
    if session.starts_at <= timezone.now():
        return []
    free = session.capacity - _seats_taken(session)
    if free <= 0:
        return []
    moved = list(
        Registration.objects.select_related("user")
        .filter(session=session, status=Registration.Status.WAITING)
        .order_by("queued_at", "pk")[:free]
    )
    for registration in moved:
        registration.status = Registration.Status.CONFIRMED
        registration.queued_at = None
        registration.save(update_fields=["status", "queued_at"])
        registration.session = session
        _send(registration, mails.Purpose.MOVED_UP)
    return moved


def may_take_attendance(user, session: Session) -> bool:
    """Trainers record attendance of their own sessions only."""
    return (
        user.is_authenticated
        and session.trainer_id == user.pk
        and user.has_perm("seminars.take_attendance")
    )


@transaction.atomic
def record_attendance(*, session: Session, trainer, present: Iterable[int]) -> list[Attendance]:
    """Record the registered participants `present` (user ids) as having attended.

    Each new row comes with its xAPI `attended` statement and the `attendance_recorded`
    signal (compliance lets it satisfy an obligation), all in this transaction. Attendance
    already recorded stays: it is evidence, corrected only by an administrator. Ids of people
    who are not registered are refused, and nothing is recorded.
    """
    session = _locked(session)
    if not may_take_attendance(trainer, session):
        raise AttendanceRefused(_("Only the session's trainer can record attendance."))
    if session.starts_at > timezone.now():
        raise AttendanceRefused(_("Attendance can be recorded once the session has begun."))
    wanted = set(present)
    registered = set(
        Registration.objects.filter(
            session=session, status=Registration.Status.CONFIRMED, user_id__in=wanted
        ).values_list("user_id", flat=True)
    )
    if wanted - registered:
        raise AttendanceRefused(_("Only registered participants can be marked as present."))
    already = set(
        Attendance.objects.filter(session=session, user_id__in=wanted).values_list(
            "user_id", flat=True
        )
    )
    created = []
    registrations = Registration.objects.select_related("user").filter(
        session=session, user_id__in=wanted - already
    )
    for registration in registrations.order_by("pk"):
        attendance = Attendance.objects.create(
            session=session, user=registration.user, recorded_by=trainer
        )
        learning_records.record_attended(user=registration.user, session=session)
        attendance_recorded.send(sender=Attendance, attendance=attendance)
        created.append(attendance)
    return created
