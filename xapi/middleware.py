from . import versions


class ExperienceAPIVersionMiddleware:
    """Every response under /xapi/ names the xAPI version (Communication §3.3), errors and
    404s for unknown resources included: the version the request asked for (1.0.x → 1.0.3,
    2.0.x → 2.0.0), and 1.0.3 when it named none or one the LRS does not speak."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/xapi/"):
            version = versions.negotiate(request.headers.get("X-Experience-API-Version"))
            response["X-Experience-API-Version"] = (version or versions.DEFAULT).header
        return response
