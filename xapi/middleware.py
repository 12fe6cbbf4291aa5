from http import HTTPStatus

from . import versions
from .http import error_response


class ExperienceAPIVersionMiddleware:
    """Every response under /xapi/ names the xAPI version (Communication §3.3), errors and
    404s for unknown resources included: the version the request asked for (1.0.x → 1.0.3,
    2.0.x → 2.0.0), and 1.0.3 when it named none or one the LRS does not speak."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/xapi/"):
            response = _as_json_error(response)
            version = versions.negotiate(request.headers.get("X-Experience-API-Version"))
            response["X-Experience-API-Version"] = (version or versions.DEFAULT).header
        return response


def _as_json_error(response):
    """An error page Django made (a 500 from an uncaught exception, a 404 for an unknown
    resource) becomes a JSON error like every other LRS answer; its details stay in the log."""
    if response.status_code < 400 or response.get("Content-Type", "").startswith(
        "application/json"
    ):
        return response
    try:
        phrase = HTTPStatus(response.status_code).phrase
    except ValueError:
        phrase = "error"
    replacement = error_response(response.status_code, phrase.lower())
    for name in ("WWW-Authenticate", "Allow", "Retry-After"):
        if name in response:
            replacement[name] = response[name]
    return replacement
