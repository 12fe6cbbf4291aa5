"""A module page opened from an LMS (xapi.launches has the rules; this is the HTTP side).

The launch URL carries the LMS's credential in `auth`. Sensi checks it at once, keeps the
checked launch in the session under a one-time id and redirects to `?launch=<id>`, so the
credential leaves the address bar, the login page's `next=`, the browser history and the
access log after the first request. The signed-in learner then accepts the launch; the first
launch of an LMS account asks the learner to confirm (a POST), so that a link someone else
sent cannot silently tie their LMS account to this person.
"""

import secrets

from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from xapi.launches import LaunchInvalid, LaunchTicket, check_launch, needs_binding

from .learning_records import module_activity

PENDING_LAUNCHES = "sensi_lms_launches"
# Set for a browser session that came from an LMS launch: its pages keep the opener link
# the LMS's launch window relies on (config.middleware.LMSWindowMiddleware).
LMS_WINDOW = "sensi_lms_window"
LAUNCH_PARAM = "launch"
MAX_PENDING = 5


def park_launch(request, module) -> HttpResponse:
    """Check the launch and keep it, without its credential, for the signed-in learner."""
    try:
        ticket = check_launch(root=module_activity(module), params=request.GET)
    except LaunchInvalid as error:
        return launch_refused(request, module, error)
    launch_id = pending_launch(request, {"module": module.pk, "ticket": ticket.as_dict()})
    request.session[LMS_WINDOW] = True
    return redirect(f"{module.get_url(request)}?{LAUNCH_PARAM}={launch_id}")


def pending_launch(request, entry: dict) -> str:
    """Keep a checked launch (TinCan or cmi5) in the session under a new one-time id."""
    launch_id = secrets.token_urlsafe(16)
    pending = dict(list(request.session.get(PENDING_LAUNCHES, {}).items())[-(MAX_PENDING - 1) :])
    pending[launch_id] = entry
    request.session[PENDING_LAUNCHES] = pending
    return launch_id


def resume_launch(request, module) -> HttpResponse:
    """`?launch=<id>` for a signed-in learner: confirm a first binding, then accept."""
    from .services import accept_lms_launch

    launch_id = request.GET[LAUNCH_PARAM]
    entry = request.session.get(PENDING_LAUNCHES, {}).get(launch_id)
    if entry is None or entry["module"] != module.pk:
        return launch_refused(request, module, LaunchInvalid("launch: unknown or used already"))
    if "cmi5" in entry:
        from . import cmi5

        return cmi5.resume_launch(request, module, launch_id, entry["cmi5"])
    ticket = LaunchTicket.from_dict(entry["ticket"])
    if needs_binding(ticket=ticket) and request.method != "POST":
        return TemplateResponse(
            request,
            "courses/launch_confirm.html",
            {"page": module, "actor": ticket.actor, "launch_id": launch_id},
        )
    forget_launch(request, launch_id)
    try:
        accept_lms_launch(user=request.user, module=module, ticket=ticket)
    except LaunchInvalid as error:
        return launch_refused(request, module, error)
    return redirect(module.get_url(request))


def forget_launch(request, launch_id: str) -> None:
    pending = dict(request.session.get(PENDING_LAUNCHES, {}))
    pending.pop(launch_id, None)
    request.session[PENDING_LAUNCHES] = pending


def launch_refused(request, module, error: LaunchInvalid) -> HttpResponse:
    return TemplateResponse(
        request,
        "courses/launch_invalid.html",
        {"page": module, "error": error},
        status=error.status,
    )
