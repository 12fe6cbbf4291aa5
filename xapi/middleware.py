from .store import XAPI_VERSION


class ExperienceAPIVersionMiddleware:
    """Every response under /xapi/ names the xAPI version (Communication §3.3), errors and
    404s for unknown resources included."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/xapi/"):
            response["X-Experience-API-Version"] = XAPI_VERSION
        return response
