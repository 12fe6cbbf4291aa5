"""Local development: `make run`. Relaxes base.py for plain HTTP on loopback."""

import os

os.environ.setdefault("SENSI_SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
# A fixed ledger key for development and tests; `check --deploy` refuses it.
os.environ.setdefault("SENSI_LEDGER_KEYS", "dev:dev-only-ledger-key-do-not-use-in-production")

from .base import *  # noqa: E402, F403

DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
# Browsers refuse __Host- cookies that are not Secure.
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_NAME = "csrftoken"
LANGUAGE_COOKIE_NAME = "django_language"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
# Mail goes to the console unless the environment configures delivery (SENSI_EMAIL_BACKEND, or
# an SMTP server in SENSI_EMAIL_HOST, read by base.py), so an operator can try real delivery
# before going live.
if not {"SENSI_EMAIL_BACKEND", "SENSI_EMAIL_HOST"} & os.environ.keys():
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Serve static files straight from the apps, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# WebAuthn over plain HTTP on loopback (the development server).
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True
