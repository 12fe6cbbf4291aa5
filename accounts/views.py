from urllib.parse import urlencode

from allauth.mfa.totp import views as allauth_totp_views
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


class ActivateTOTPView(allauth_totp_views.ActivateTOTPView):
    """allauth's TOTP setup, continuing to the page that asked for it (`next`): by way of the
    new recovery codes when allauth generated them, else straight there."""

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        secret = context["form"].secret
        context["secret_groups"] = [secret[i : i + 4] for i in range(0, len(secret), 4)]
        context["next_url"] = _safe_next(self.request, "")
        return context

    def get_success_url(self) -> str:
        next_url = _safe_next(self.request, "")
        if not self.did_generate_recovery_codes:
            return next_url or reverse("mfa_index")
        codes_url = reverse("mfa_view_recovery_codes")
        return f"{codes_url}?{urlencode({'next': next_url})}" if next_url else codes_url


def safe_next(request) -> str:
    """The `next` of the request if it stays on this site, else ""."""
    return _safe_next(request, "")
