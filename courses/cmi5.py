"""A module launched by cmi5 (xapi.cmi5 speaks the protocol; this is the session and its HTTP side).

Like the TinCan launch (courses.launches), the first request does everything that needs the
launch URL's secret at once: it POSTs to the one-time fetch URL, reads LMS.LaunchData and keeps
the session in the database, then redirects to `?launch=<id>`, so that the fetch URL never
reaches the login page's `next=` or the history. The signed-in learner then accepts the launch
(binding the LMS actor to this person on first use, as for TinCan) and Sensi sends
`initialized`.

What Sensi sends afterwards (cmi5 §9.3), in a Normal session only:
- `completed` once the module is complete, once per registration;
- `passed` once a quiz attempt reaches the LMS's masteryScore (without one, Sensi's own pass
  mark), once per registration;
- `failed` at the end of a session in which the learner failed and did not pass: at most one of
  passed/failed per session, and never failed after passed in the registration;
- `terminated`, last, when the learner goes back to the LMS.
Browse and Review sessions send only initialized and terminated (§10.2.2).

A later launch of the same module by the same learner closes an earlier open session: the LMS
sends `abandoned` for it (§9.3.6), Sensi just stops using it. A statement the LMS refuses closes
the session the same way. A statement that cannot be delivered (LMS down) is retried at the
learner's next step; the learner's own progress in Sensi never waits for the LMS.
"""

import logging
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST

from quizzes.models import QuizAttempt
from xapi import cmi5 as protocol
from xapi.launches import LaunchInvalid

from .learning_records import module_activity
from .models import Cmi5Session, ModulePage, ModuleProgress

logger = logging.getLogger(__name__)

Mode = Cmi5Session.Mode
State = Cmi5Session.State


# The first request: fetch, launch data, park ------------------------------------------------


def park_launch(request, module: ModulePage) -> HttpResponse:
    """Check the cmi5 launch, use its fetch URL and keep the session for the signed-in learner."""
    from .launches import LAUNCH_PARAM, LMS_WINDOW, launch_refused, pending_launch

    try:
        session = open_session(module=module, params=request.GET)
    except LaunchInvalid as error:
        return launch_refused(request, module, error)
    launch_id = pending_launch(request, {"module": module.pk, "cmi5": session.pk})
    request.session[LMS_WINDOW] = True
    return redirect(f"{module.get_url(request)}?{LAUNCH_PARAM}={launch_id}")


def open_session(*, module: ModulePage, params) -> Cmi5Session:
    """The launch parameters, the credential from the fetch URL and LMS.LaunchData, kept as a
    session not yet tied to anyone. Raises LaunchInvalid (nothing kept) for anything off."""
    launch = protocol.check_launch(activity_iri=module_activity(module).iri, params=params)
    token = protocol.fetch_token(launch.fetch)
    data = protocol.read_launch_data(launch=launch, token=token)
    now = timezone.now()
    # Launches nobody signed in for: their credentials are of no further use.
    Cmi5Session.objects.filter(state=State.LAUNCHED, token_expires_at__lte=now).update(
        state=State.ABANDONED, auth_token="", closed_at=now
    )
    try:
        with transaction.atomic():
            return Cmi5Session.objects.create(
                session_id=data.session_id,
                module_key=module.translation_key,
                activity_id=launch.activity_id,
                registration=launch.registration,
                actor=launch.actor,
                endpoint=launch.endpoint,
                auth_token=token,
                token_expires_at=now + timedelta(hours=settings.SENSI_SESSION_MAX_HOURS),
                launch_mode=data.launch_mode,
                move_on=data.move_on,
                mastery_score=data.mastery_score,
                return_url=data.return_url,
                context_template=data.context_template,
            )
    except IntegrityError:
        raise LaunchInvalid("LMS.LaunchData: the session id was launched already") from None


# The signed-in learner accepts ---------------------------------------------------------------


def resume_launch(request, module: ModulePage, launch_id: str, session_pk: int) -> HttpResponse:
    """`?launch=<id>` of a parked cmi5 launch: confirm a first binding, then initialize."""
    from .launches import forget_launch, launch_refused

    session = Cmi5Session.objects.filter(
        pk=session_pk, state=State.LAUNCHED, user__isnull=True
    ).first()
    if session is None:
        return launch_refused(request, module, LaunchInvalid("launch: unknown or used already"))
    if protocol.actor_needs_binding(actor=session.actor) and request.method != "POST":
        return TemplateResponse(
            request,
            "courses/launch_confirm.html",
            {"page": module, "actor": session.actor, "launch_id": launch_id},
        )
    forget_launch(request, launch_id)
    try:
        initialize(user=request.user, module=module, session=session)
    except LaunchInvalid as error:
        Cmi5Session.objects.filter(pk=session.pk, state=State.LAUNCHED).update(
            state=State.ABANDONED, auth_token="", closed_at=timezone.now()
        )
        return launch_refused(request, module, error)
    return redirect(module.get_url(request))


def initialize(*, user, module: ModulePage, session: Cmi5Session) -> Cmi5Session:
    """Bind the LMS actor to `user`, close the learner's earlier open sessions of this module
    and send `initialized` (§9.3.2), the session's first statement; in a Normal session, then
    report what the learner achieved already. Raises LaunchInvalid, leaving Sensi unchanged."""
    from .services import start_module

    now = timezone.now()
    with transaction.atomic():
        session = Cmi5Session.objects.select_for_update().get(pk=session.pk)
        if session.state != State.LAUNCHED or session.user_id is not None:
            raise LaunchInvalid("launch: used already")
        protocol.bind_actor(
            user=user,
            actor=session.actor,
            registration=str(session.registration),
            activity_id=session.activity_id,
        )
        for earlier in Cmi5Session.objects.select_for_update().filter(
            user=user, activity_id=session.activity_id, state=State.INITIALIZED
        ):
            _close(earlier, State.ABANDONED)
        session.user = user
        session.state = State.INITIALIZED
        session.initialized_at = now
        session.save(update_fields=["user", "state", "initialized_at"])
        try:
            _send(session, "initialized", now=now)
        except (protocol.StatementRejected, protocol.Cmi5Unavailable) as error:
            raise protocol.Cmi5Unavailable(f"initialized: {error}") from None
        start_module(user=user, module=module)
    report(session=session)
    return session


# Reporting ----------------------------------------------------------------------------------


def open_session_for(*, user, module: ModulePage) -> Cmi5Session | None:
    """The learner's open cmi5 session of this module, if the module was launched by cmi5."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Cmi5Session.objects.filter(
            user=user, module_key=module.translation_key, state=State.INITIALIZED
        )
        .order_by("-initialized_at")
        .first()
    )


def report_later(*, user, module: ModulePage) -> None:
    """After the caller's transaction commits, tell an open cmi5 session what changed (a lesson
    read, a quiz attempt). Cheap when there is none."""
    key = module.translation_key

    def run():
        for session in Cmi5Session.objects.filter(
            user=user, module_key=key, state=State.INITIALIZED
        ):
            report(session=session)

    transaction.on_commit(run)


def _best_attempt(session: Cmi5Session, *, since=None) -> tuple[QuizAttempt | None, bool]:
    """The learner's best quiz attempt in this module (since `since`), and whether it passes:
    measured against the LMS's masteryScore if it sent one (§10.2.3), else Sensi's pass mark."""
    attempts = QuizAttempt.objects.filter(user_id=session.user_id, module_key=session.module_key)
    if since is not None:
        attempts = attempts.filter(submitted_at__gte=since)
    best = attempts.order_by("-percent", "-submitted_at").first()
    if best is None:
        return None, False
    if session.mastery_score is None:
        return best, best.passed
    return best, _scaled(best) >= session.mastery_score


def _scaled(attempt: QuizAttempt) -> float:
    return round(attempt.points / attempt.max_points, 4) if attempt.max_points else 0.0


def _score_result(attempt: QuizAttempt, success: bool) -> dict:
    return {
        "success": success,
        "score": {
            "scaled": _scaled(attempt),
            "raw": attempt.points,
            "min": 0,
            "max": attempt.max_points,
        },
    }


def _sent_in_registration(session: Cmi5Session, field: str) -> bool:
    return Cmi5Session.objects.filter(
        registration=session.registration,
        activity_id=session.activity_id,
        **{f"{field}__isnull": False},
    ).exists()


def report(*, session: Cmi5Session) -> None:
    """Send the completed and passed statements now due in this session (Normal mode only),
    each once per registration. Never raises: what cannot be delivered is tried again later."""
    with transaction.atomic():
        session = Cmi5Session.objects.select_for_update().get(pk=session.pk)
        if not _usable(session) or not session.records_results:
            return
        try:
            _report_due(session)
        except protocol.StatementRejected as error:
            logger.warning("cmi5 session %s refused a statement: %s", session.pk, error)
            _close(session, State.ABANDONED)
        except protocol.Cmi5Unavailable as error:
            logger.warning("cmi5 session %s: LMS unreachable: %s", session.pk, error)


def _report_due(session: Cmi5Session) -> None:
    completed = ModuleProgress.objects.filter(
        user_id=session.user_id, module_key=session.module_key, completed_at__isnull=False
    ).exists()
    if completed and not _sent_in_registration(session, "completed_sent_at"):
        _send(session, "completed", result={"completion": True})
        session.completed_sent_at = timezone.now()
        session.save(update_fields=["completed_sent_at"])
    if session.passed_sent_at or session.failed_sent_at:
        return  # zero or one of passed/failed per session (§9.3)
    attempt, passes = _best_attempt(session)
    if passes and not _sent_in_registration(session, "passed_sent_at"):
        _send(session, "passed", result=_score_result(attempt, True))
        session.passed_sent_at = timezone.now()
        session.save(update_fields=["passed_sent_at"])


def _report_failure(session: Cmi5Session) -> None:
    """`failed` at the end of a session whose attempts all missed the mastery score, unless
    the registration was passed (§9.3.4–5)."""
    if session.passed_sent_at or session.failed_sent_at:
        return
    if _sent_in_registration(session, "passed_sent_at"):
        return
    attempt, passes = _best_attempt(session, since=session.initialized_at)
    if attempt is not None and not passes:
        _send(session, "failed", result=_score_result(attempt, False))
        session.failed_sent_at = timezone.now()
        session.save(update_fields=["failed_sent_at"])


def terminate(*, session: Cmi5Session) -> None:
    """The learner goes back to the LMS: send what is due, then `terminated` (§9.3.8), the
    session's last statement, and forget the credential."""
    with transaction.atomic():
        session = Cmi5Session.objects.select_for_update().get(pk=session.pk)
        if not _usable(session):
            return
        try:
            if session.records_results:
                _report_due(session)
                _report_failure(session)
            _send(session, "terminated")
        except (protocol.StatementRejected, protocol.Cmi5Unavailable) as error:
            logger.warning("cmi5 session %s: terminated not delivered: %s", session.pk, error)
            _close(session, State.ABANDONED)
            return
        _close(session, State.TERMINATED)


def _usable(session: Cmi5Session) -> bool:
    if session.state != State.INITIALIZED:
        return False
    if session.token_expires_at <= timezone.now():
        _close(session, State.ABANDONED)
        return False
    return True


def _close(session: Cmi5Session, state: str) -> None:
    session.state = state
    session.auth_token = ""
    session.closed_at = timezone.now()
    session.save(update_fields=["state", "auth_token", "closed_at"])


def _send(session: Cmi5Session, verb: str, *, result: dict | None = None, now=None) -> None:
    statement = protocol.build_statement(
        verb=verb,
        actor=session.actor,
        activity_id=session.activity_id,
        registration=str(session.registration),
        context_template=session.context_template,
        started=session.initialized_at,
        mastery_score=session.mastery_score,
        result=result,
        now=now,
    )
    protocol.send_statement(
        endpoint=session.endpoint, token=session.auth_token, statement=statement
    )


# Back to the LMS ----------------------------------------------------------------------------


def allow_return(response):
    """A module page with an open cmi5 session may post "Back to the learning platform", whose
    answer redirects to the LMS's returnURL: browsers apply the page's CSP `form-action` to
    that redirect, so the returnURL's origin is added for this page only."""
    session = (getattr(response, "context_data", None) or {}).get("cmi5_session")
    if session is not None and session.return_url:
        parts = urlsplit(session.return_url)
        response._csp_update = {"form-action": [f"{parts.scheme}://{parts.netloc}"]}
    return response


@login_required
@require_POST
def exit_session(request, pk: int) -> HttpResponse:
    """ "Back to the learning platform": terminate the session and go to its returnURL."""
    session = get_object_or_404(Cmi5Session, pk=pk, user=request.user)
    terminate(session=session)
    if session.return_url:
        return redirect(session.return_url)
    return redirect("courses:my_training")
