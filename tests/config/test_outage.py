"""503 instead of 500 while the database is unreachable (config/outage.py, config/views.py).

SQLite stands in for PostgreSQL: the lost connection is simulated by making a query raise
Django's OperationalError caused by psycopg's "server closed the connection", as Django
raises it when PostgreSQL restarts under a running request."""

import base64
import json
import logging
import sqlite3
import uuid
from contextlib import contextmanager
from unittest import mock

import psycopg
import psycopg.errors
import pytest
from django.conf import settings
from django.db.utils import InterfaceError, OperationalError
from django.test import Client
from django.urls import reverse

from compliance.models import LedgerEntry
from compliance.models.obligations import text_hash
from config.outage import RETRY_AFTER_SECONDS, is_connection_error
from tests.factories import correct_answers, employee, lessons_of, obligation, quiz_of
from tests.lesson_client import read_lesson
from tests.quiz_client import post_answers
from xapi.models import LRSClient, Statement

pytestmark = pytest.mark.django_db

TEXT_DE = "Ich habe die Hinweise zur Kenntnis genommen."


def lost_connection(*_args, **_kwargs):
    cause = psycopg.OperationalError("consuming input failed: server closed the connection")
    raise OperationalError(str(cause)) from cause


def missing_table(*_args, **_kwargs):
    cause = sqlite3.OperationalError("no such table: compliance_ledgerentry")
    raise OperationalError(str(cause)) from cause


@contextmanager
def database_fails(
    raiser=lost_connection, target="django.db.backends.utils.CursorWrapper._execute"
):
    with mock.patch(target, side_effect=raiser):
        yield


@pytest.fixture
def browser(user):
    """A signed-in browser that, like gunicorn, gets the error page instead of the exception."""
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


# --- which errors count as "unreachable" ------------------------------------------------------


@pytest.mark.parametrize(
    "cause",
    [
        psycopg.OperationalError("connection failed: Connection refused"),  # no SQLSTATE
        psycopg.errors.AdminShutdown("terminating connection due to administrator command"),
        psycopg.errors.CannotConnectNow("the database system is starting up"),
        psycopg.errors.ConnectionFailure("connection failure"),
    ],
)
def test_lost_or_refused_connections_are_connection_errors(cause):
    error = OperationalError(str(cause))
    error.__cause__ = cause
    assert is_connection_error(error)


def test_a_closed_connection_is_a_connection_error():
    assert is_connection_error(InterfaceError("connection already closed"))


@pytest.mark.parametrize(
    "cause",
    [
        psycopg.errors.DeadlockDetected("deadlock detected"),
        psycopg.errors.QueryCanceled("canceling statement due to statement timeout"),
        sqlite3.OperationalError("no such table: x"),
        sqlite3.OperationalError("database is locked"),
    ],
)
def test_errors_about_the_query_itself_are_not_connection_errors(cause):
    error = OperationalError(str(cause))
    error.__cause__ = cause
    assert not is_connection_error(error)
    assert not is_connection_error(ValueError("a bug"))


def test_an_unopenable_sqlite_file_is_a_connection_error():
    cause = sqlite3.OperationalError("unable to open database file")
    cause.sqlite_errorname = "SQLITE_CANTOPEN"
    error = OperationalError(str(cause))
    error.__cause__ = cause
    assert is_connection_error(error)


def test_connections_are_health_checked_so_a_broken_one_is_replaced():
    """Django then closes a connection that raised, and tests a reused one before use."""
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


# --- HTML pages -------------------------------------------------------------------------------


def test_a_page_answers_503_with_retry_after_and_a_translated_message(browser, caplog):
    with caplog.at_level(logging.WARNING), database_fails():
        response = browser.get(reverse("courses:my_training"))
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    page = response.content.decode()
    assert '<html lang="de">' in page
    assert "vorübergehend nicht erreichbar" in page
    assert "<h1>" in page and "<main>" in page
    # logged once as one line, without a traceback per request of the outage
    warnings = [r for r in caplog.records if r.name == "config.outage"]
    assert len(warnings) == 1 and all(r.exc_info is None for r in caplog.records)
    assert "Traceback" not in caplog.text


def test_the_english_page_is_in_english(browser):
    with database_fails():
        response = browser.get("/en/" + reverse("courses:my_training").split("/", 2)[2])
    assert response.status_code == 503
    assert "temporarily unavailable" in response.content.decode()


def test_pages_work_again_once_the_database_is_back(browser):
    with database_fails():
        assert browser.get(reverse("courses:my_training")).status_code == 503
    assert browser.get(reverse("courses:my_training")).status_code == 200


def test_a_query_error_that_is_a_bug_stays_a_500(browser, caplog):
    with database_fails(missing_table):
        response = browser.get(reverse("courses:my_training"))
    assert response.status_code == 500
    assert "Retry-After" not in response


def test_an_acknowledgement_interrupted_by_the_outage_is_not_half_written(browser, user, module):
    person = employee(user=user)
    duty = obligation(module=module)
    for lesson in lessons_of(module):
        read_lesson(browser, lesson)
    quiz = quiz_of(module)
    post_answers(browser, quiz, correct_answers(quiz))
    # The connection drops after the ledger entry is appended, before the xAPI statement.
    with database_fails(target="compliance.services.record_acknowledgement"):
        response = browser.post(
            reverse("compliance:confirm", args=[duty.pk]),
            {"confirmed": "yes", "text_hash": text_hash(TEXT_DE)},
        )
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert not LedgerEntry.objects.filter(employee=person).exists()
    # sent again once the database is back, it is recorded once
    response = browser.post(
        reverse("compliance:confirm", args=[duty.pk]),
        {"confirmed": "yes", "text_hash": text_hash(TEXT_DE)},
    )
    assert response.status_code == 302
    assert LedgerEntry.objects.filter(employee=person).count() == 1


# --- the LRS ----------------------------------------------------------------------------------


@pytest.fixture
def lrs():
    client, secret = LRSClient.create(name="moodle", can_read=True, can_write=True)
    token = base64.b64encode(f"{client.key}:{secret}".encode()).decode()
    http = Client(raise_request_exception=False)
    http.defaults.update(HTTP_AUTHORIZATION=f"Basic {token}", HTTP_X_EXPERIENCE_API_VERSION="1.0.3")
    return http


def a_statement() -> dict:
    return {
        "id": str(uuid.uuid4()),
        "actor": {"mbox": "mailto:learner@example.org", "objectType": "Agent"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
        "object": {"id": "http://example.org/activities/lesson-1"},
    }


def test_xapi_post_interrupted_by_the_outage_answers_503_and_stores_nothing(lrs):
    """xAPI 1.0.3 Communication §3.2: the client may retry; the batch is all or nothing."""
    statements = [a_statement(), a_statement()]
    # the statements are inserted; the connection drops while their agents are indexed
    with database_fails(target="xapi.store._insert"):
        response = lrs.post("/xapi/statements", json.dumps(statements), "application/json")
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response["X-Experience-API-Version"] == "1.0.3"
    assert response["Content-Type"] == "application/json"
    assert "unavailable" in response.json()["error"]
    assert not Statement.objects.exists()
    response = lrs.post("/xapi/statements", json.dumps(statements), "application/json")
    assert response.status_code == 200
    assert Statement.objects.count() == 2


def test_xapi_get_answers_503_when_the_database_is_unreachable(lrs):
    with database_fails():
        response = lrs.get("/xapi/statements", {"limit": "1"})
    assert response.status_code == 503
    assert response["X-Experience-API-Version"] == "1.0.3"
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
