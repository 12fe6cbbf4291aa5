"""Settings shared by every environment; safe for production, read from the environment.

Every environment variable is listed once in `.env.example`.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return parse_bool(value)


def env_list(name: str, default: str = "") -> list[str]:
    return parse_list(os.environ.get(name, default))


def env_setting(name: str, parse=str) -> None:
    """Set the setting `name` from the environment variable of the same name, when that is
    set. Its default and documentation live in the app's `app_settings.py`, beside the code
    that reads it; this module holds only what the environment changes."""
    if name in os.environ:
        globals()[name] = parse(os.environ[name])


def parse_bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}


def parse_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


SECRET_KEY = os.environ.get("SENSI_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SENSI_SECRET_KEY must be set (see .env.example).")

DEBUG = False
ALLOWED_HOSTS = env_list("SENSI_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("SENSI_CSRF_TRUSTED_ORIGINS")

# The public base URL of the site: used for absolute links in e-mails, Wagtail admin
# notifications and (later) the IRIs of xAPI activities and accounts.
SENSI_BASE_URL = os.environ.get("SENSI_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SENSI_BASE_URL

# The settings of Sensi's apps that the environment may change; their defaults and
# documentation are in each app's app_settings.py.
env_setting("SENSI_OPEN_SIGNUP", parse_bool)
env_setting("SENSI_IMPULSE_FRAME_ANCESTORS", parse_list)
env_setting("SENSI_IMPULSE_SCREENSAVER_SECONDS", int)

INSTALLED_APPS = [
    # Sensi
    "accounts",
    "content",
    "courses",
    "quizzes",
    "compliance",
    "seminars",
    "privacy",
    "xapi",
    "accessibility",
    "selfcheck",
    "impulses",
    "gamification",
    "editorial",
    "demo",
    "jobs",
    # Wagtail
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks_db",
    "csp",
    # allauth
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "xapi.middleware.ExperienceAPIVersionMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.middleware.SensiCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before SecurityMiddleware answers: it sets COOP only where no policy is set yet.
    "config.middleware.LMSWindowMiddleware",
    "config.middleware.SensiLocaleMiddleware",
    # One query for the sites, locales and live page tree, shared by the whole request (after
    # the language is known: a database outage is then answered in the reader's language).
    "content.site_cache.SiteCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.middleware.SecurityHeadersMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # After authentication: first end sessions that timed out, then gate privileged pages.
    "accounts.middleware.SessionTimeoutMiddleware",
    "accounts.middleware.PrivilegedMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "compliance.context_processors.report_navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("SENSI_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn workers write at once: WAL lets readers go on while one writes, and
    # IMMEDIATE takes the write lock at BEGIN, so a transaction that read first waits for
    # the lock (up to the timeout) instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL;",
    }
if os.environ.get("DATABASE_REPLICA_URL"):
    # A PostgreSQL streaming replica for read-only work (dbrouting, docs/operations.md). In
    # tests it mirrors `default`: the same test database, which replication brings to it.
    DATABASES["replica"] = dj_database_url.config(
        env="DATABASE_REPLICA_URL",
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    DATABASES["replica"]["OPTIONS"] = {"connect_timeout": 2}
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["dbrouting.ReplicaRouter"]
    SENSI_READ_REPLICA = True
env_setting("SENSI_REPLICA_RETRY_SECONDS", int)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every app process: login rate limits must count attempts across all
# gunicorn workers and servers. A table in the main database needs no extra service and
# works with SQLite and PostgreSQL; `migrate` creates it (accounts.apps, post_migrate).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "sensi_cache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# Argon2id first: new passwords and every sign-in with an older hash get Argon2id (Django rehashes
# on a successful check when the first hasher differs); PBKDF2 after it so existing hashes verify.
# Parameters vs. OWASP: docs/operations.md "Password hashing".
PASSWORD_HASHERS = [
    "accounts.hashers.SensiArgon2PasswordHasher",  # m=46 MiB, t=2, p=1 (accounts/hashers.py)
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "courses:my_training"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
# Rate limits (allauth syntax: amount/period/per). `key` of "login_failed" is the pair
# (account, client IP) (see AccountAdapter): failed attempts from one address never lock the
# account out for everybody else. "login" counts every attempt per address; a whole
# administration network may reach Sensi through one proxy address, hence a generous default.
ACCOUNT_RATE_LIMITS = {
    "login": os.environ.get("SENSI_RATE_LIMIT_LOGIN", "300/m/ip"),
    "login_failed": os.environ.get("SENSI_RATE_LIMIT_LOGIN_FAILED", "30/m/ip,5/5m/key"),
}
# Reverse proxies in front of Sensi that append to X-Forwarded-For: rate limits then count the
# client's address, not the proxy's. 0 when clients connect directly.
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("SENSI_TRUSTED_PROXY_COUNT", "0"))

# Multi-factor authentication (allauth.mfa): optional for employees, required for the
# privileged roles below before any privileged page (accounts.middleware).
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_PASSKEY_LOGIN_ENABLED = env_bool("SENSI_MFA_PASSKEY_LOGIN", False)
MFA_TOTP_ISSUER = "Sensi"
# The privileged roles are SENSI_PRIVILEGED_GROUPS (accounts/app_settings.py).

# Single sign-on with OpenID Connect (docs/security.md): off unless SENSI_OIDC_SERVER_URL
# is set. SSO signs in people who already have a Sensi account (from the HR import); it never
# creates accounts. The provider class is Sensi's subclass of allauth's `openid_connect`: it
# always verifies the ID token's signature and sends and checks a nonce.
_oidc_server_url = os.environ.get("SENSI_OIDC_SERVER_URL", "").strip()
SOCIALACCOUNT_ADAPTER = "accounts.adapter.SocialAccountAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "provider_class": "accounts.oidc.provider.SensiOIDCProvider",
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "sso",
                "name": os.environ.get("SENSI_OIDC_NAME", "").strip() or "Single Sign-on",
                "client_id": os.environ.get("SENSI_OIDC_CLIENT_ID", ""),
                "secret": os.environ.get("SENSI_OIDC_CLIENT_SECRET", ""),
                "settings": {"server_url": _oidc_server_url},
            }
        ]
        if _oidc_server_url
        else [],
    }
}
# Claims and role mapping of single sign-on (accounts/app_settings.py); the role map as
# "idp-value=Django group" pairs.
env_setting("SENSI_OIDC_PERSONNEL_NUMBER_CLAIM", str.strip)
env_setting("SENSI_OIDC_ROLE_CLAIM", str.strip)
env_setting(
    "SENSI_OIDC_ROLE_MAP",
    lambda value: {
        key.strip(): group.strip()
        for key, _sep, group in (pair.partition("=") for pair in parse_list(value))
        if key.strip() and group.strip()
    },
)
env_setting("SENSI_OIDC_TRUST_IDP_MFA", parse_bool)
env_setting("SENSI_OIDC_MFA_ACR_VALUES", parse_list)

# Session limits (accounts/app_settings.py). The absolute limit is also set here, since
# Django's SESSION_COOKIE_AGE derives from it.
env_setting("SENSI_SESSION_IDLE_MINUTES", int)
SENSI_SESSION_MAX_HOURS = int(os.environ.get("SENSI_SESSION_MAX_HOURS", "10"))
env_setting("SENSI_SESSION_WARNING_SECONDS", int)
SESSION_COOKIE_AGE = SENSI_SESSION_MAX_HOURS * 60 * 60

# The Wagtail admin signs in through allauth too, so that there is one login path (the
# admin login URLs redirect there, see config/urls.py); password resets go through allauth.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("SENSI_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("SENSI_MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Sensi"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "vtt", "mp4", "webm", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

EMAIL_BACKEND = os.environ.get("SENSI_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("SENSI_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("SENSI_EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("SENSI_DEFAULT_FROM_EMAIL", "sensi@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Production defaults; dev.py relaxes them.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SENSI_SECURE_SSL_REDIRECT", True)
# LRS clients are never redirected: a redirect would make them send their credentials a second
# time. Over plain HTTP the LRS refuses instead (xapi/http.py).
SECURE_REDIRECT_EXEMPT = [r"^xapi(/|$)"]
SECURE_HSTS_SECONDS = int(os.environ.get("SENSI_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SENSI_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
# Browsers accept a __Host- cookie only when it is Secure, has Path=/ and no Domain: it cannot
# be set or shadowed by another host or over plain HTTP. dev.py drops the prefix with Secure.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
LANGUAGE_COOKIE_NAME = "__Host-django_language"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp), see docs/security-headers.md. The learner site allows
# scripts and styles only from Sensi's own origin (and inline scripts that carry the request's
# nonce); there are no inline styles, style attributes or event handlers.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
if _oidc_server_url:
    # The SSO button posts to Sensi, which redirects to the IdP's authorization endpoint;
    # browsers apply form-action to that redirect too. (An IdP whose authorization endpoint
    # is on another origin than its issuer URL is not supported.)
    _idp = urlsplit(_oidc_server_url)
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["form-action"].append(f"{_idp.scheme}://{_idp.netloc}")
# The Wagtail admin and the Django admin render inline scripts, inline styles and style
# attributes of their own, so under these prefixes a laxer policy applies instead. Wagtail's
# preview panel frames admin URLs: frame-ancestors 'self'.
SENSI_ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
SENSI_ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "frame-ancestors": [SELF],
    "form-action": [SELF],
}
# No editor's browser asks third parties for avatars (gravatar.com) or release news.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_credentials": {"()": "config.log_redaction.RedactCredentialsFilter"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_credentials"]},
        # runserver's request log, as Django configures it, plus the filter.
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["redact_credentials"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("SENSI_LOG_LEVEL", "INFO")},
    # Wagtail logs every page edit and background task at INFO; its audit log keeps those.
    "loggers": {
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
}

# Background work (docs/operations.md, "Hintergrundaufträge / Worker"): django-tasks with its
# database backend; `manage.py db_worker` runs what the app processes queue (jobs, and
# Wagtail's search and reference index updates). SENSI_TASKS_IMMEDIATE runs every task at once
# in the process that queues it instead (one-process setups without a worker).
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if parse_bool(os.environ.get("SENSI_TASKS_IMMEDIATE", "false"))
        else "django_tasks_db.DatabaseBackend"
    }
}
env_setting("SENSI_PRIVATE_ROOT", Path)
env_setting("SENSI_JOBS_PROGRESS_INTERVAL", float)
env_setting("SENSI_JOBS_STALE_MINUTES", int)
env_setting("SENSI_JOBS_HEARTBEAT_SECONDS", int)
env_setting("SENSI_JOBS_RESULT_RETENTION_DAYS", int)

# xAPI Learning Record Store (xapi/app_settings.py). The body limit is also set here, since
# Django's DATA_UPLOAD_MAX_MEMORY_SIZE derives from it.
env_setting("SENSI_XAPI_PAGE_SIZE", int)
env_setting("SENSI_XAPI_CLIENT_CACHE_SECONDS", int)
SENSI_XAPI_MAX_BODY_BYTES = int(os.environ.get("SENSI_XAPI_MAX_BODY_BYTES", str(16 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = SENSI_XAPI_MAX_BODY_BYTES
env_setting("SENSI_XAPI_ACTOR")
env_setting("SENSI_XAPI_LAUNCH_CREDENTIAL_MAX_MINUTES", int)
env_setting("SENSI_XAPI_LAUNCH_REFUSE_CLIENT_CREDENTIALS", parse_bool)
env_setting("SENSI_CMI5_ALLOWED_ORIGINS", parse_list)
env_setting("SENSI_CMI5_TIMEOUT_SECONDS", float)

# Blended learning sessions (seminars/app_settings.py): BigBlueButton and reminders.
env_setting("SENSI_BBB_API_URL", str.strip)
env_setting("SENSI_BBB_SECRET", str.strip)
env_setting("SENSI_BBB_CHECKSUM", str.strip)
env_setting("SENSI_SEMINAR_REMINDER_HOURS", int)

# Compliance (compliance/app_settings.py): standing, reports, reminders, certificates, the
# acknowledgement ledger and its retention period. Learning data and reminders are kept as
# long as privacy/app_settings.py says.
env_setting("SENSI_COMPLIANCE_DUE_SOON_DAYS", int)
env_setting("SENSI_REPORT_INLINE_MAX_EMPLOYEES", int)
env_setting("SENSI_MY_DATA_INLINE_MAX_ROWS", int)
env_setting("SENSI_COMPLIANCE_MIN_GROUP_SIZE", int)
env_setting("SENSI_COMPLIANCE_REMINDER_INTERVAL_DAYS", int)
env_setting("SENSI_CERTIFICATE_KEY")
env_setting(
    "SENSI_CERTIFICATE_KEY_FALLBACKS", lambda value: [key for key in value.split(",") if key]
)
env_setting("SENSI_RATE_LIMIT_CERTIFICATE_CHECK")
env_setting("SENSI_RETENTION_LEARNING_DAYS", int)
env_setting("SENSI_RETENTION_REMINDER_DAYS", int)
env_setting("SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS", int)
env_setting("SENSI_LEDGER_KEYS", parse_list)
env_setting("SENSI_LEDGER_ANCHOR_FILE")
env_setting("SENSI_LEDGER_VERIFY_WORKERS", int)
env_setting("SENSI_DB_APP_ROLE")
# Accessibility statement (accessibility/app_settings.py).
env_setting("SENSI_ACCESSIBILITY_FEEDBACK_EMAIL")
env_setting("SENSI_ACCESSIBILITY_ENFORCEMENT_NAME")
env_setting("SENSI_ACCESSIBILITY_ENFORCEMENT_URL")
