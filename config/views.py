"""Error handlers of the whole site (config/urls.py)."""

import sys

from django.views import defaults

from .outage import is_connection_error, unavailable_response


def server_error(request):
    """handler500: a 503 when the database is unreachable, otherwise Django's 500 page.

    Django calls it for an exception from a view and from any middleware. A middleware's
    process_exception would see only the former, but during an outage the first query is
    usually the session's, in the authentication middleware."""
    error = sys.exc_info()[1]
    if error is not None and is_connection_error(error):
        return unavailable_response(request, error)
    return defaults.server_error(request)
