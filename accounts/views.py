from urllib.parse import urlencode

from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .sessions import check_session, idle_seconds


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@require_POST
def extend_session(request):
    """Keep the session alive (the warning before the idle timeout): restart the idle timer.
    A session that had already timed out was ended by `SessionTimeoutMiddleware`, so the
    request is anonymous then. Answers JSON to the script, a redirect to a plain form."""
    signed_in = request.user.is_authenticated
    expires_in = check_session(request.session, extend=True).expires_in if signed_in else 0
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse(
            {"signed_in": signed_in, "expires_in": expires_in, "idle_seconds": idle_seconds()},
            status=200 if signed_in else 401,
        )
    if not signed_in:
        return HttpResponseRedirect(reverse("account_login"))
    return HttpResponseRedirect(_safe_next(request, reverse("courses:my_training")))


def login_elsewhere(request, *, default_next: str):
    """Replaces the Django admin's and the Wagtail admin's own login views: every sign-in goes
    through allauth (rate limits, the MFA challenge, session setup). Whatever is posted here
    is ignored; the person is sent to allauth's login page."""
    next_url = _safe_next(request, reverse(default_next))
    return HttpResponseRedirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
