"""Thin views: a session with registration and cancellation, its calendar file, joining the
online room, and the trainer's sessions and attendance list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import app_settings, bbb, ical, selectors, services
from .models import ATTENDANCE_PERMISSION, Registration, Session


def _session(pk: int) -> Session:
    return get_object_or_404(Session.objects.select_related("module", "trainer"), pk=pk)


@login_required
@require_GET
def session_detail(request, pk: int):
    session = _session(pk)
    registration = selectors.registration_of(user=request.user, session=session)
    counted = selectors.with_seats(Session.objects.filter(pk=pk)).get()
    return TemplateResponse(
        request,
        "seminars/session.html",
        {
            "session": session,
            "registration": registration,
            "position": selectors.waiting_position(registration) if registration else None,
            "seats_free": max(session.capacity - counted.seats_taken, 0),
            "waiting": counted.waiting,
            "registration_open": session.registration_open(),
            "may_join": bool(
                registration
                and registration.status == Registration.Status.CONFIRMED
                and session.is_online
            ),
        },
    )


@login_required
@require_POST
def register(request, pk: int):
    session = _session(pk)
    try:
        registration, changed = services.register(user=request.user, session=session)
    except services.RegistrationRefused as error:
        messages.error(request, str(error))
        return redirect("seminars:session", pk=pk)
    if not changed:
        messages.info(request, _("You were already registered; nothing has changed."))
    elif registration.status == Registration.Status.CONFIRMED:
        messages.success(
            request,
            _("You are registered. We have sent you a confirmation with a calendar entry."),
        )
    else:
        messages.warning(
            request,
            _(
                "The session is fully booked. You are on the waiting list and will be "
                "informed by e-mail as soon as a seat becomes free."
            ),
        )
    return redirect("seminars:session", pk=pk)


@login_required
@require_POST
def cancel(request, pk: int):
    session = _session(pk)
    try:
        registration = services.cancel(user=request.user, session=session)
    except services.RegistrationRefused as error:
        messages.error(request, str(error))
        return redirect("seminars:session", pk=pk)
    if registration is None:
        messages.info(request, _("You were not registered; nothing has changed."))
    else:
        messages.success(request, _("Your registration has been cancelled."))
    return redirect("seminars:session", pk=pk)


@login_required
@require_GET
def calendar_file(request, pk: int):
    """The invitation of one's own registration; anyone else gets a 404."""
    registration = get_object_or_404(
        Registration.objects.select_related("session__module", "user"),
        session_id=pk,
        user=request.user,
        status=Registration.Status.CONFIRMED,
    )
    response = HttpResponse(
        ical.invitation(registration), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{ical.filename(registration.session)}"'
    )
    return response


@login_required
@require_GET
def join(request, pk: int):
    """An online session's room: the BigBlueButton join link with the participant's name
    (and the room created first) when a server is configured, else the editor's link."""
    session = get_object_or_404(Session, pk=pk, kind=Session.Kind.ONLINE)
    is_trainer = session.trainer_id == request.user.pk
    registered = Registration.objects.filter(
        session=session, user=request.user, status=Registration.Status.CONFIRMED
    ).exists()
    if not (is_trainer or registered):
        raise Http404
    if app_settings.bbb_configured():
        try:
            url = bbb.join_url_for(session=session, user=request.user, moderator=is_trainer)
        except bbb.BBBError:
            messages.error(
                request, _("The online room cannot be reached right now. Please try again.")
            )
            return redirect("seminars:session", pk=pk)
        return redirect(url)
    if not session.room_url:
        raise Http404
    return redirect(session.room_url)


@login_required
@permission_required(ATTENDANCE_PERMISSION, raise_exception=True)
@require_GET
def trainer_sessions(request):
    return TemplateResponse(
        request,
        "seminars/trainer_sessions.html",
        {"sessions": selectors.sessions_for_trainer(request.user)},
    )


@login_required
@permission_required(ATTENDANCE_PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def attendance(request, pk: int):
    """The participant list of the trainer's own session, with a checkbox per person. Other
    trainers' sessions are a 404, not a hint that they exist."""
    session = get_object_or_404(
        Session.objects.select_related("module"), pk=pk, trainer=request.user
    )
    status = 200
    if request.method == "POST":
        try:
            present = [int(value) for value in request.POST.getlist("present")]
        except ValueError:
            present = None
        if present is None:
            messages.error(request, _("The list could not be read. Please try again."))
            status = 400
        else:
            try:
                created = services.record_attendance(
                    session=session, trainer=request.user, present=present
                )
            except services.AttendanceRefused as error:
                messages.error(request, str(error))
                status = 400
            else:
                messages.success(
                    request,
                    _("Attendance saved: %(count)s newly recorded.") % {"count": len(created)},
                )
                return redirect("seminars:attendance", pk=pk)
    if request.method == "GET" and app_settings.bbb_configured() and session.is_online:
        bbb.prefill_joined(session=session)
    return TemplateResponse(
        request,
        "seminars/attendance.html",
        {
            "session": session,
            "participants": selectors.participants(session),
            "started": session.starts_at <= timezone.now(),
        },
        status=status,
    )
