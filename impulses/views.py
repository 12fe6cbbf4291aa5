"""Answering an impulse and the digest opt-in (both from "Meine Schulungen" or an impulse's
page), and the public outlets: widget and screensaver (the feeds are in feeds.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from content.languages import current_language

from .app_settings import setting
from .models import ImpulsePage
from .outlets import public_view
from .selectors import public_impulses
from .services import InvalidAnswer, answer_impulse, subscribe_digest, unsubscribe_digest

DASHBOARD_ANCHOR = "#impulse"


def _refused(request, message: str, *, back: str):
    return TemplateResponse(
        request, "impulses/answer_refused.html", {"message": message, "back": back}, status=400
    )


@require_POST
@login_required
def answer(request, page_id: int):
    """Post-redirect-get back to where the form was, which then shows the feedback."""
    from_page = request.POST.get("source") == "page"
    impulse = ImpulsePage.objects.live().filter(pk=page_id).first()
    back = reverse("courses:my_training") + DASHBOARD_ANCHOR
    if impulse is not None and from_page:
        back = impulse.get_url(request) + DASHBOARD_ANCHOR
    option_id = request.POST.get("option", "")
    if impulse is None:
        return _refused(request, _("This impulse does not exist."), back=back)
    if not option_id:
        return _refused(request, _("Please choose an answer."), back=back)
    try:
        _answer, created = answer_impulse(user=request.user, impulse=impulse, option_id=option_id)
    except InvalidAnswer:
        return _refused(
            request,
            _("This answer does not belong to the impulse's question. Nothing was recorded."),
            back=back,
        )
    if not created:
        messages.info(
            request, _("You had already answered this impulse; your first answer counts.")
        )
    return redirect(back)


@require_POST
@login_required
def digest(request):
    if request.POST.get("subscribe") == "yes":
        subscribe_digest(user=request.user)
        messages.success(request, _("You will receive the weekly impulse by e-mail."))
    else:
        unsubscribe_digest(user=request.user)
        messages.success(request, _("You will no longer receive the weekly impulse by e-mail."))
    return redirect(reverse("courses:my_training") + DASHBOARD_ANCHOR)


SCREENSAVER_LENGTH = 20


@require_GET
def screensaver(request):
    """Full screen, no login, public impulses only, all inlined (see outlets)."""
    pages = public_impulses(language=current_language(), limit=SCREENSAVER_LENGTH)
    context = {
        "impulses": [public_view(page) for page in pages],
        "seconds": setting("SENSI_IMPULSE_SCREENSAVER_SECONDS"),
    }
    return TemplateResponse(request, "impulses/screensaver.html", context)


@require_GET
def widget(request):
    """The current public impulse for an iframe on the portal or an intranet. Only the origins
    of SENSI_IMPULSE_FRAME_ANCESTORS may frame it; without any, it refuses framing like every
    other page."""
    pages = public_impulses(language=current_language(), limit=1)
    context = {"impulse": public_view(pages[0], with_image=False) if pages else None}
    response = TemplateResponse(request, "impulses/widget.html", context)
    ancestors = list(setting("SENSI_IMPULSE_FRAME_ANCESTORS"))
    if ancestors:
        # django-csp's per-response override (what its csp_replace decorator sets), read at
        # request time so that the setting can change without a restart of the URLconf.
        response._csp_replace = {"frame-ancestors": ancestors}
        response.xframe_options_exempt = True  # what @xframe_options_exempt sets
    return response
