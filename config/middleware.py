from django.middleware.locale import LocaleMiddleware


class SensiLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that it never redirects API requests.

    Django would answer a 404 under /xapi/ with a redirect to /de/xapi/..., because Wagtail's
    catch-all page route makes every prefixed path look valid. LRS clients must get the 404.
    """

    untranslated_prefixes = ("/xapi/",)

    def process_response(self, request, response):
        if request.path_info.startswith(self.untranslated_prefixes):
            return response
        return super().process_response(request, response)
