"""Settings shared by every environment; safe for production, read from the environment.

Every environment variable is listed once in `.env.example`.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


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

# Accounts come from the HR import or single sign-on; public self-signup is off unless an
# operator turns it on.
SENSI_OPEN_SIGNUP = env_bool("SENSI_OPEN_SIGNUP", False)

INSTALLED_APPS = [
    # Sensi
    "accounts",
    "content",
    "courses",
    "quizzes",
    "compliance",
    "xapi",
    "accessibility",
    "demo",
    # Wagtail
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
    # allauth
    "allauth",
    "allauth.account",
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
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.SensiLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
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
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}

# The Wagtail admin signs in through allauth too, so that there is one login path.
WAGTAILADMIN_LOGIN_URL = "account_login"

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
SECURE_HSTS_SECONDS = int(os.environ.get("SENSI_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SENSI_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("SENSI_LOG_LEVEL", "INFO")},
    # Wagtail logs every page edit and background task at INFO; its audit log keeps those.
    "loggers": {
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# xAPI Learning Record Store
SENSI_XAPI_PAGE_SIZE = int(os.environ.get("SENSI_XAPI_PAGE_SIZE", "500"))
SENSI_XAPI_MORE_MAX_AGE = 60 * 60 * 24  # a `more` link stays valid for a day
SENSI_XAPI_MAX_BODY_BYTES = int(os.environ.get("SENSI_XAPI_MAX_BODY_BYTES", str(16 * 1024 * 1024)))
DATA_UPLOAD_MAX_MEMORY_SIZE = SENSI_XAPI_MAX_BODY_BYTES
# How learners appear in statements: "pseudonym" (an account with their random id) or
# "email" (mbox), only for an LMS that cannot match learners otherwise.
SENSI_XAPI_ACTOR = os.environ.get("SENSI_XAPI_ACTOR", "pseudonym")

# Compliance
SENSI_COMPLIANCE_DUE_SOON_DAYS = int(os.environ.get("SENSI_COMPLIANCE_DUE_SOON_DAYS", "14"))
# Figures of groups with fewer employees than this are not shown in compliance reports.
SENSI_COMPLIANCE_MIN_GROUP_SIZE = int(os.environ.get("SENSI_COMPLIANCE_MIN_GROUP_SIZE", "5"))
# Reminder e-mails (`manage.py send_reminders`): at most one per obligation in this many days.
SENSI_COMPLIANCE_REMINDER_INTERVAL_DAYS = int(
    os.environ.get("SENSI_COMPLIANCE_REMINDER_INTERVAL_DAYS", "7")
)

# Accessibility statement (BITV 2.0 §7): where feedback from its form is mailed (empty: only
# stored, listed in the admin), and the enforcement body it names (conciliation body under
# § 16 BGG by default; a state administration names its own state's body).
SENSI_ACCESSIBILITY_FEEDBACK_EMAIL = os.environ.get("SENSI_ACCESSIBILITY_FEEDBACK_EMAIL", "")
SENSI_ACCESSIBILITY_ENFORCEMENT_NAME = os.environ.get(
    "SENSI_ACCESSIBILITY_ENFORCEMENT_NAME",
    "Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz (BGG)",
)
SENSI_ACCESSIBILITY_ENFORCEMENT_URL = os.environ.get(
    "SENSI_ACCESSIBILITY_ENFORCEMENT_URL", "https://www.schlichtungsstelle-bgg.de/"
)
