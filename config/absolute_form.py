"""Requests in absolute form (RFC 9112 §3.2.2) for `manage.py runserver`.

A client may send the whole URI as request target (`GET http://host/xapi/statements?… HTTP/1.1`),
and a server must accept it. TinCanPHP, which Moodle's TinCan Launch plugin uses to talk to the
LRS, always does (its `request_fulluri` option). gunicorn handles this form; Python's
wsgiref server under runserver puts the whole URI into PATH_INFO, and Django answers 404.

This wrapper moves the authority into HTTP_HOST and keeps only the path, if the authority is
one of ALLOWED_HOSTS: the request is then exactly the origin-form request it stands for. An
absolute-form target for another host (a proxy request) is left alone and fails as before.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import split_domain_port, validate_host


class AbsoluteFormMiddleware:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.startswith(("http://", "https://")):
            target = urlsplit(path)
            domain, _port = split_domain_port(target.netloc)
            if domain and validate_host(domain, settings.ALLOWED_HOSTS):
                environ = {
                    **environ,
                    "HTTP_HOST": target.netloc,  # RFC 9112 §3.2.2: the target's authority wins
                    "PATH_INFO": target.path or "/",
                }
        return self.application(environ, start_response)
