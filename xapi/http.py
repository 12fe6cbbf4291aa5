"""The LRS's HTTP frame (xAPI 1.0.3 Communication §1 and §4): authentication, the version
header, the alternate request syntax, size limits, and errors as JSON with a precise message.

Views receive an LRSRequest, which is the same whether the client sent plain HTTP or the
alternate syntax (`?method=PUT` with headers and content as form fields).
"""

import functools
import io
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt

from . import app_settings, jsonio, versions
from .credentials import CredentialRequestInvalid, OutOfScope, authenticate, parse_basic
from .models import LaunchCredential, LRSClient
from .store import StatementConflict
from .values import StatementInvalid

# Communication §3.3: "1.0" followed by an optional patch number, nothing else.
READ_METHODS = {"GET", "HEAD"}
WRITE_METHODS = {"PUT", "POST", "DELETE"}
ALTERNATE_HEADERS = {
    "authorization",
    "x-experience-api-version",
    "content-type",
    "content-length",
    "if-match",
    "if-none-match",
}


class LRSError(Exception):
    def __init__(self, status: int, message: str, headers: dict | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass
class LRSRequest:
    method: str
    params: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: bytes
    client: LRSClient | LaunchCredential | None = None
    version: versions.XAPIVersion = versions.DEFAULT
    django_request: HttpRequest | None = field(default=None, repr=False)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def json_body(self):
        try:
            return jsonio.loads(self.body)
        except jsonio.JSONInvalid as error:
            raise LRSError(400, f"request body: {error}") from error


def _plain_request(request: HttpRequest) -> LRSRequest:
    headers = {key.lower(): value for key, value in request.headers.items()}
    params = {}
    for key, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True):
        if key in params:
            raise LRSError(400, f"parameter {key} is given twice")
        params[key] = value
    _check_params(params)
    return LRSRequest(request.method.upper(), params, headers, request.body)


def _check_params(params: dict[str, str]) -> None:
    """No database stores NUL in text: `%00` in a parameter is the client's error."""
    for key, value in params.items():
        if "\x00" in key or "\x00" in value:
            raise LRSError(400, f"parameter {key!r} contains the NUL character")


def _read_chunked_body(request: HttpRequest) -> None:
    """A body sent with `Transfer-Encoding: chunked` has no Content-Length, and Django reads
    such a body as empty. gunicorn decodes the chunks and ends wsgi.input at the body's end
    (`wsgi.input_terminated`), so the body is read from there, up to the size limit; a server
    that does not promise this gets a 411 instead of a request silently treated as empty."""
    if "chunked" not in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
        return
    if request.META.get("CONTENT_LENGTH"):
        return  # the server has delimited the body itself
    if not request.META.get("wsgi.input_terminated"):
        raise LRSError(411, "send the body with Content-Length (chunked bodies are not supported)")
    maximum = app_settings.SENSI_XAPI_MAX_BODY_BYTES
    body = request.META["wsgi.input"].read(maximum + 1)
    if len(body) > maximum:
        raise LRSError(413, f"the body exceeds {maximum} bytes")
    request._body = body  # what request.body, and the form parser, then read
    request._stream = io.BytesIO(body)


def _alternate_request(request: HttpRequest) -> LRSRequest:
    """xAPI 1.0.3 Communication §1.3: POST ?method=X with everything else in the form body."""
    if request.method != "POST":
        raise LRSError(400, "the alternate request syntax needs POST")
    if set(request.GET) != {"method"}:
        raise LRSError(400, "with the alternate request syntax, method is the only URL parameter")
    method = request.GET["method"].upper()
    if method not in READ_METHODS | WRITE_METHODS:
        raise LRSError(400, f"method {method} is not supported")
    if request.content_type != "application/x-www-form-urlencoded":
        # §1.3.s3.b9: a malformed request, so 400 like every other alternate-syntax error
        raise LRSError(400, "the alternate request syntax needs application/x-www-form-urlencoded")
    # §1.3.s3.b6–b8: headers may come as form fields or as real headers; a form field wins.
    # The real Content-Type and Content-Length describe the form, not the content.
    headers = {
        key.lower(): value
        for key, value in request.headers.items()
        if key.lower() not in {"content-type", "content-length"}
    }
    params, body = {}, b""
    for key, value in parse_qsl(request.body.decode("utf-8", "replace"), keep_blank_values=True):
        if key.lower() in ALTERNATE_HEADERS:
            headers[key.lower()] = value
        elif key == "content":
            body = value.encode("utf-8")
        else:
            params[key] = value
    if body and "content-type" not in headers:
        # §1.3.s3.b10: the Content-Type form field is optional; content is JSON unless it says
        # otherwise (documents name their type when they are not JSON).
        headers["content-type"] = "application/json"
    _check_params(params)
    return LRSRequest(method, params, headers, body)


def _authenticate(lrs_request: LRSRequest) -> LRSClient | LaunchCredential:
    challenge = {"WWW-Authenticate": 'Basic realm="Sensi LRS"'}
    header = lrs_request.headers.get("authorization", "")
    if not header.strip().lower().startswith("basic "):
        raise LRSError(401, "authentication required (HTTP Basic)", challenge)
    credentials = parse_basic(header)
    if credentials is None:
        raise LRSError(401, "malformed credentials", challenge)
    principal = authenticate(*credentials)
    if principal is None:
        raise LRSError(401, "unknown, expired or revoked credentials", challenge)
    return principal


def _require_https(request: HttpRequest) -> None:
    """Where the site is HTTPS-only (SECURE_SSL_REDIRECT), /xapi/ is exempt from the redirect
    (SECURE_REDIRECT_EXEMPT) and refuses plain HTTP instead: a redirect would make the client
    send its credentials, already exposed once, a second time, and hide the misconfiguration."""
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        raise LRSError(
            403, "HTTPS is required; these credentials were sent unencrypted, replace them"
        )


def _authorize(lrs_request: LRSRequest) -> None:
    client = lrs_request.client
    if lrs_request.method in WRITE_METHODS and not client.can_write:
        raise LRSError(403, "these credentials may not write")
    if lrs_request.method in READ_METHODS and not client.can_read:
        raise LRSError(403, "these credentials may not read")


def _check_version(lrs_request: LRSRequest) -> None:
    """1.0.3 Communication §3.3, 2.0 §4.1.7: the header is required; 1.0.x and 2.0.x are
    answered in their own version (xapi.versions), anything else is a 400."""
    header = lrs_request.headers.get("x-experience-api-version")
    if not header:
        raise LRSError(400, "the X-Experience-API-Version header is required")
    version = versions.negotiate(header)
    if version is None:
        raise LRSError(400, f"xAPI version {header} is not supported (1.0.x and 2.0.x are)")
    lrs_request.version = version
    django_request = lrs_request.django_request
    alternate = django_request is not None and "method" in django_request.GET
    if alternate and not version.alternate_syntax:
        raise LRSError(400, "xAPI 2.0 has no alternate request syntax (?method=)")


def error_response(status: int, message: str, headers: dict | None = None) -> HttpResponse:
    response = JsonResponse({"error": message}, status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def lrs_endpoint(*, methods: set[str], authenticated: bool = True, versioned: bool = True):
    """Wrap an LRS view: it receives an LRSRequest and returns an HttpResponse. `versioned`
    False leaves out the version header check, for the one resource outside xAPI."""

    def decorator(view):
        @csrf_exempt
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            head = False
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
                if length > app_settings.SENSI_XAPI_MAX_BODY_BYTES:
                    raise LRSError(
                        413, f"the body exceeds {app_settings.SENSI_XAPI_MAX_BODY_BYTES} bytes"
                    )
                _read_chunked_body(request)
                if "method" in request.GET:
                    lrs_request = _alternate_request(request)
                else:
                    lrs_request = _plain_request(request)
                lrs_request.django_request = request
                head = _head_as_get(lrs_request, methods)
                if lrs_request.method not in methods:
                    raise LRSError(405, f"{lrs_request.method} is not allowed here")
                if authenticated:
                    lrs_request.client = _authenticate(lrs_request)
                    _require_https(request)
                    _authorize(lrs_request)
                if authenticated and versioned:
                    _check_version(lrs_request)
                else:  # /about and the credential request answer any version header
                    header = lrs_request.headers.get("x-experience-api-version")
                    lrs_request.version = versions.negotiate(header) or versions.DEFAULT
                with versions.activate(lrs_request.version):
                    response = view(lrs_request, *args, **kwargs)
            except LRSError as error:
                response = error_response(error.status, error.message, error.headers)
            except StatementInvalid as error:
                response = error_response(400, str(error))
            except jsonio.JSONInvalid as error:
                response = error_response(400, str(error))
            except StatementConflict as error:
                response = error_response(409, str(error))
            except OutOfScope as error:
                response = error_response(403, str(error))
            except CredentialRequestInvalid as error:
                response = error_response(400, str(error))
            return _without_body(response) if head else response

        return wrapper

    return decorator


def _head_as_get(lrs_request: LRSRequest, methods: set[str]) -> bool:
    """Communication §1.1.s3.b1: every resource answers HEAD like GET, without the body. The
    view runs as for GET; the wrapper drops the body. True when the request was a HEAD."""
    if lrs_request.method != "HEAD" or "GET" not in methods:
        return False
    lrs_request.method = "GET"
    return True


def _without_body(response: HttpResponse) -> HttpResponse:
    """The GET response without its body; Content-Length still tells the body's size."""
    length = len(response.content)
    response.content = b""
    response["Content-Length"] = str(length)
    return response


def no_content() -> HttpResponse:
    return HttpResponse(status=204)


def last_modified(response: HttpResponse, moment) -> HttpResponse:
    if moment is not None:
        response["Last-Modified"] = http_date(moment.timestamp())
    return response
