import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, env_overrides):
    # A deployment has none of the test run's relaxations (browser tests allow async-unsafe ORM).
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def production_env(tmp_path) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SENSI_SECRET_KEY": "x" * 64 + "production-like-secret-key-for-the-check",
        "SENSI_ALLOWED_HOSTS": "sensi.example.org,testserver",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "SENSI_LEDGER_KEYS": "k2026:" + "y" * 43,
        "SENSI_LEDGER_ANCHOR_FILE": str(tmp_path / "ledger-anchors.log"),
    }


def test_production_settings_pass_the_deployment_check(tmp_path):
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", env_overrides=production_env(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_run_without_a_ledger_key(tmp_path):
    for keys, error in [("", "compliance.E002"), ("dev:dev-only-ledger-key-do-not-use", "E003")]:
        env = {**production_env(tmp_path), "SENSI_LEDGER_KEYS": keys}
        result = run_manage("check", "--deploy", env_overrides=env)
        assert result.returncode != 0 and error in result.stderr, result.stderr


# Requests in production mode that need neither database tables nor collected static files.
PRODUCTION_REQUESTS = """
from django.test import Client
client = Client()
for url, secure in [("/de/", False), ("/xapi/statements", False), ("/xapi/about", False),
                    ("/xapi/about", True)]:
    response = client.get(url, secure=secure, HTTP_X_EXPERIENCE_API_VERSION="1.0.3")
    print(url, secure, response.status_code, response.get("Strict-Transport-Security"),
          response.get("Location"), sep="|")
"""


def test_in_production_plain_http_is_redirected_except_xapi_and_https_gets_hsts(tmp_path):
    result = run_manage(
        "shell", "--no-imports", "-c", PRODUCTION_REQUESTS, env_overrides=production_env(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines == [
        "/de/|False|301|None|https://testserver/de/",
        "/xapi/statements|False|401|None|None",
        "/xapi/about|False|200|None|None",
        "/xapi/about|True|200|max-age=31536000; includeSubDomains; preload|None",
    ]


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SENSI_SECRET_KEY"}
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SENSI_SECRET_KEY" in result.stderr


PRINT_EMAIL_SETTINGS = (
    "from django.conf import settings; "
    "print(settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT, sep='|')"
)


def dev_email_settings(**env) -> list[str]:
    """The e-mail settings `config.settings.dev` ends up with for this environment."""
    overrides = {"DJANGO_SETTINGS_MODULE": "config.settings.dev", **env}
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SENSI_EMAIL_")}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", PRINT_EMAIL_SETTINGS],
        cwd=ROOT,
        env={**clean, **overrides},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip().split("|")


def test_development_prints_mail_to_the_console_by_default():
    assert dev_email_settings()[0] == "django.core.mail.backends.console.EmailBackend"


def test_development_delivers_mail_through_the_smtp_server_the_environment_names():
    backend, host, port = dev_email_settings(
        SENSI_EMAIL_HOST="mail.example.org", SENSI_EMAIL_PORT="2525"
    )
    assert (backend, host, port) == (
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.org",
        "2525",
    )


def test_development_uses_the_email_backend_the_environment_names():
    backend = dev_email_settings(
        SENSI_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend"
    )[0]
    assert backend == "django.core.mail.backends.filebased.EmailBackend"


APP_SETTINGS = ("accounts", "accessibility", "compliance", "courses", "jobs", "privacy", "xapi")


def test_every_setting_base_py_takes_from_the_environment_has_its_default_in_an_app():
    from importlib import import_module

    base = (ROOT / "config" / "settings" / "base.py").read_text()
    from_environment = set(re.findall(r'env_setting\(\s*"(SENSI_\w+)"', base))
    defaults = {
        name for app in APP_SETTINGS for name in import_module(f"{app}.app_settings").DEFAULTS
    }
    assert from_environment and from_environment <= defaults


PRINT_APP_SETTINGS = (
    "from compliance import app_settings as c; from xapi import app_settings as x; "
    "print(c.SENSI_COMPLIANCE_MIN_GROUP_SIZE, c.SENSI_LEDGER_KEYS, x.SENSI_XAPI_ACTOR, sep='|')"
)


def test_the_environment_overrides_an_apps_default_and_its_absence_keeps_it():
    def app_settings_with(**env) -> list[str]:
        clean = {
            k: v
            for k, v in os.environ.items()
            if k not in {"SENSI_COMPLIANCE_MIN_GROUP_SIZE", "SENSI_XAPI_ACTOR"}
        }
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", PRINT_APP_SETTINGS],
            cwd=ROOT,
            env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings.dev", **env},
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout.strip().split("|")

    assert app_settings_with()[0::2] == ["5", "pseudonym"]
    minimum, keys, actor = app_settings_with(
        SENSI_COMPLIANCE_MIN_GROUP_SIZE="9", SENSI_XAPI_ACTOR="email", SENSI_LEDGER_KEYS="a:b, c:d"
    )
    assert (minimum, keys, actor) == ("9", "['a:b', 'c:d']", "email")
