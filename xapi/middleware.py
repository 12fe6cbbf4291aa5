from http import HTTPStatus

from .http import error_response
from .store import XAPI_VERSION


class ExperienceAPIVersionMiddleware:
    """Every response under /xapi/ names the xAPI version (Communication §3.3), errors and
    404s for unknown resources included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/xapi/"):
            response = _as_json_error(response)
            response["X-Experience-API-Version"] = XAPI_VERSION
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
