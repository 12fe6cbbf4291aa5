from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_cache_control

from content.languages import fallback_url
from courses.launches import LMS_WINDOW

# Features no Sensi page uses. WebAuthn (publickey-credentials-*) and fullscreen video keep
# their default, Sensi's own origin.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


# Content-Security-Policy of the LRS's JSON answers: nothing to load, frame or submit.
JSON_API_POLICY = (
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none';"
    " object-src 'none'"
)


class SensiLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that it never redirects API requests.

    Django would answer a 404 under /xapi/ with a redirect to /de/xapi/..., because Wagtail's
    catch-all page route makes every prefixed path look valid. LRS clients must get the 404.

    A 404 for a page that exists only in another language (/en/<path of a German-only page>)
    redirects to that page with a note instead (content.languages.fallback_url).
    """

    untranslated_prefixes = ("/xapi/",)

    def process_response(self, request, response):
        if f"{request.path_info}/".startswith(self.untranslated_prefixes):  # "/xapi" too
            return response
        if (
            response.status_code == 404
            and request.method in ("GET", "HEAD")
            and (target := fallback_url(request))
        ):
            return HttpResponseRedirect(target)
        return super().process_response(request, response)


class SensiCSPMiddleware(CSPMiddleware):
    """django-csp's middleware: the strict CONTENT_SECURITY_POLICY on the learner site, the
    laxer SENSI_ADMIN_CONTENT_SECURITY_POLICY under the admin prefixes.

    Wagtail renders a preview by passing a dummy request for the page's own URL through the
    middleware: it gets the learner policy, so that editors see what learners will see, but
    may be framed by the admin's preview panel."""

    def process_response(self, request, response):
        # The LRS's JSON answers: a fixed policy that allows nothing (a browser shown one loads
        # nothing from it), instead of building the learner policy for each of thousands of
        # POSTs a second. Its HTML (a launch's error page, Django's debug pages) keeps the rest.
        if (
            request.path_info.startswith("/xapi/")
            and response.get("Content-Type", "").startswith("application/json")
            and not getattr(response, "_csp_exempt", False)
        ):
            response.setdefault("Content-Security-Policy", JSON_API_POLICY)
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(settings.SENSI_ADMIN_PATH_PREFIXES):
            parts.config = settings.SENSI_ADMIN_CONTENT_SECURITY_POLICY
        elif getattr(request, "is_dummy", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


class SecurityHeadersMiddleware:
    """What Django's SecurityMiddleware does not set: a Permissions-Policy, and
    `Cache-Control: no-store` on every answer to a signed-in user or an LRS client, since
    those may hold personal data. Static files (WhiteNoise, further up) are not affected."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if "no-store" in response.get("Cache-Control", ""):
            # Private already, like the 503 of a database outage: reading request.user would
            # query the unreachable database again and log the outage twice.
            return response
        # The LRS's Basic auth first: reading request.user would add "Vary: Cookie" to its answers.
        if "authorization" in request.headers or request.user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response


class LMSWindowMiddleware:
    """Keep the opener link for a browser session that came from an LMS launch.

    Moodle's TinCan Launch plugin opens the module in a new window and polls `closed` on it:
    once the window reads as closed it runs its final completion check at once and navigates
    away. `Cross-Origin-Opener-Policy: same-origin` (Django's default, set for every other
    page) puts the module in a new browsing context group, which the opener sees as closed.
    For the pages of a launched session (login, module, lessons, quiz) the policy is
    `unsafe-none`; the trade-off is in docs/security.md ("Threat model: LMS launches")."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Not on error pages: a 503 of a database outage must not read the session again.
        if (
            response.status_code < 500
            and not request.path_info.startswith("/xapi/")
            and response.get("Content-Type", "").startswith("text/html")
            and request.session.get(LMS_WINDOW)
        ):
            response.setdefault("Cross-Origin-Opener-Policy", "unsafe-none")
        return response
