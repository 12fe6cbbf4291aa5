"""503 Service Unavailable while the database cannot be reached.

When PostgreSQL restarts or the network to it drops, every request that touches the
database fails with an OperationalError or InterfaceError; Django would answer 500 and log a
traceback for each. Those requests did nothing wrong and may be retried: browsers get a short
page, LRS clients an xAPI error (Communication §3.2: a 503 is a server-side condition the
client may retry), both with `Retry-After`.

Only errors that mean "no connection" qualify; an OperationalError about the query itself
(a missing table, a deadlock, a cancelled statement) is a bug or an overload and stays a
500. The broken connection itself is discarded by Django at the end of the request
(CONN_HEALTH_CHECKS: `close_if_unusable_or_obsolete` on request_finished), so the next
request connects afresh once the database is back.
"""

import logging

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader

from xapi.http import error_response

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 10  # a PostgreSQL restart takes a few seconds

# PostgreSQL SQLSTATEs (Appendix A of its manual) of a lost or refused connection: class 08
# "connection exception", and the server shutting down or starting up.
OPERATOR_INTERVENTION = {"57P01", "57P02", "57P03"}  # admin/crash shutdown, cannot connect now
SQLITE_CANNOT_OPEN = "SQLITE_CANTOPEN"


def is_connection_error(error: BaseException) -> bool:
    """Whether `error` means that the database cannot be reached, not that a query failed."""
    if isinstance(error, InterfaceError):  # the connection is closed
        return True
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__  # the driver's exception, which Django wraps
    if hasattr(cause, "sqlstate"):  # psycopg: no SQLSTATE when the client lost the server
        state = cause.sqlstate
        return state is None or state.startswith("08") or state in OPERATOR_INTERVENTION
    return getattr(cause, "sqlite_errorname", None) == SQLITE_CANNOT_OPEN


def unavailable_response(request: HttpRequest, error: BaseException) -> HttpResponse:
    """The 503 for a request that failed because the database is away; logs one line."""
    logger.warning(
        "Database unavailable, answered 503: %s %s: %s",
        request.method,
        request.path,
        str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__,
    )
    if request.path_info.startswith("/xapi/"):
        # ExperienceAPIVersionMiddleware adds X-Experience-API-Version on the way out.
        response = error_response(503, "the database is unavailable; retry later")
    else:
        # Rendered without the request: context processors would query the database.
        body = loader.get_template("503.html").render({"retry_after": RETRY_AFTER_SECONDS})
        response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # The warning above is the log entry: Django would otherwise add an ERROR with the whole
    # traceback for every request of the outage (django.utils.log.log_response).
    response._has_been_logged = True
    return response
