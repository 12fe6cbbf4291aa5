"""Session timeouts and the second factor in front of every privileged page."""

from functools import cache
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .mfa import MFAState, mfa_state
from .sessions import check_session

# The privileged areas of the site, as URL names whose path is the prefix of the whole area:
# the Wagtail admin (editing, compliance administration, HR import, users), the Django admin,
# the compliance reports with their exports, the site's job pages, where large exports are
# fetched, and the trainers' participant lists and attendance (in every language).
PRIVILEGED_AREAS = (
    "wagtailadmin_home",
    "admin:index",
    "compliance:reports",
    "jobs:index",
    "seminars:trainer",
)


@cache
def privileged_prefixes() -> tuple[str, ...]:
    prefixes = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            prefixes.update(reverse(name) for name in PRIVILEGED_AREAS)
    return tuple(sorted(prefixes))


def is_privileged_path(path: str) -> bool:
    return path.startswith(privileged_prefixes())


class SessionTimeoutMiddleware:
    """Ends a signed-in session after `SENSI_SESSION_IDLE_MINUTES` without a request, and
    `SENSI_SESSION_MAX_HOURS` after sign-in whatever happens. The request then continues
    as anonymous, so a page that needs sign-in sends the person to the login page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            result = check_session(request.session)
            if result.expired:
                logout(request)
                messages.info(request, _("Your session has ended. Please sign in again."))
            else:
                request.session_expires_in = result.expires_in
        return self.get_response(request)


class PrivilegedMFAMiddleware:
    """Privileged people reach privileged pages only with a second factor passed in this
    session: without MFA they are sent to set up TOTP, with MFA but a session that has not
    passed it to allauth's MFA challenge (reauthentication)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and is_privileged_path(request.path):
            state = mfa_state(request)
            if state is MFAState.NOT_SET_UP:
                messages.warning(
                    request,
                    _("Your role requires two-factor authentication. Please set it up first."),
                )
                return self._redirect("mfa_activate_totp", request)
            if state is MFAState.NOT_PASSED:
                return self._redirect("mfa_reauthenticate", request)
        return self.get_response(request)

    @staticmethod
    def _redirect(url_name: str, request) -> HttpResponseRedirect:
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(url_name)}?{query}")
