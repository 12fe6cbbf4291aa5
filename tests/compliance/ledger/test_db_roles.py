"""PostgreSQL: the application's own database role cannot rewrite the ledger (issue 11,
finding 6). The tests connect as that role (SENSI_DB_APP_ROLE, "sensi_app" from
bin/start-postgres, password = role name) to the test database, which the owner created and
migrated; migration 0009 granted the role its rights (compliance.ledger.db_roles)."""

from datetime import timedelta

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from compliance import app_settings
from compliance.ledger.verify import verify_ledger
from compliance.models import LedgerEntry
from compliance.models.ledger import seal_values
from compliance.services import record_correction
from tests.factories import UserFactory, employee, obligation

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="database roles: PostgreSQL only (CI runs it, .ci/run)",
    ),
]


@pytest.fixture
def app():
    """A connection as the application's role, autocommit: each statement on its own."""
    params = connection.get_connection_params()
    role = app_settings.SENSI_DB_APP_ROLE
    params.update(user=role, password=role)
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as conn:
        with conn.cursor() as cursor:
            cursor.execute("SELECT current_user, session_user")
            assert cursor.fetchone() == (role, role)
        yield conn


@pytest.fixture
def entries():
    person = employee()
    version = obligation().versions.get()
    admin = UserFactory()
    return [
        record_correction(
            employee=person,
            version=version,
            confirmed_at=timezone.now() - timedelta(days=days),
            language="de",
            reason="Papier",
            recorded_by=admin,
        )
        for days in (90, 90, 90, 6 * 365)
    ]


def refused(app, sql, params=()):
    with pytest.raises(psycopg.Error) as error, app.cursor() as cursor:
        cursor.execute(sql, params)
    return str(error.value)


@pytest.mark.parametrize(
    "sql",
    [
        "DROP TRIGGER ledger_append_only ON compliance_ledgerentry",
        "DROP TRIGGER ledger_head_forward_only ON compliance_ledgerhead",
        "ALTER TABLE compliance_ledgerentry DISABLE TRIGGER ledger_append_only",
        "ALTER TABLE compliance_ledgerhead DISABLE TRIGGER ALL",
        "ALTER TABLE compliance_ledgerentry ADD COLUMN note text",
        "ALTER TABLE compliance_ledgerentry OWNER TO CURRENT_USER",
        "DROP TABLE compliance_ledgerentry",
        "TRUNCATE compliance_ledgerentry",
        "TRUNCATE compliance_ledgerhead",
        "DROP FUNCTION sensi_ledger_append_only() CASCADE",
        "CREATE OR REPLACE FUNCTION sensi_ledger_append_only() RETURNS trigger"
        " AS $$ BEGIN RETURN NEW; END; $$ LANGUAGE plpgsql",
        "SET session_replication_role = replica",
    ],
)
def test_the_application_role_cannot_touch_the_ledgers_structure(app, entries, sql):
    message = refused(app, sql)
    assert "owner" in message or "permission denied" in message
    assert verify_ledger().ok


def test_the_application_role_cannot_change_delete_or_rewind(app, entries):
    refused(app, "UPDATE compliance_ledgerentry SET language = 'en' WHERE seq = 2")
    refused(app, "UPDATE compliance_ledgerentry SET entry_hash = previous_hash WHERE seq = 4")
    refused(app, "DELETE FROM compliance_ledgerentry WHERE seq = 4")
    refused(
        app,
        "UPDATE compliance_ledgerhead SET last_seq = 3, last_hash = %s",
        [entries[2].entry_hash],
    )
    refused(app, "DELETE FROM compliance_ledgerhead")
    refused(app, "DELETE FROM compliance_ledgercheck")
    refused(app, "UPDATE compliance_ledgerretention SET days = 1")
    assert verify_ledger().ok


def test_the_database_refuses_early_anonymisation_and_allows_it_past_retention(app, entries):
    anonymise = (
        "UPDATE compliance_ledgerentry SET employee_id = NULL, recorded_by_id = NULL,"
        " reason = '', personal_salt = '', anonymised_at = now() WHERE seq = %s"
    )
    assert "append-only" in refused(app, anonymise, [2])  # three months old
    with app.cursor() as cursor:
        cursor.execute(anonymise, [4])  # six years old, retention five
        assert cursor.rowcount == 1
    assert LedgerEntry.objects.get(seq=4).anonymised_at is not None
    assert verify_ledger().ok


def test_the_application_role_can_append(app, entries):
    """What the application needs: a new entry and the head moved to it."""
    last = entries[-1]
    values = {
        **{field: getattr(last, field) for field in ("kind", "language", "text_hash")},
        "seq": last.seq + 1,
        "employee_id": last.employee_id,
        "obligation_version_id": last.obligation_version_id,
        "confirmed_at": timezone.now(),
        "recorded_at": timezone.now(),
        "recorded_by_id": last.recorded_by_id,
        "reason": "Nachtrag",
        "previous_hash": last.entry_hash,
    }
    sealed = seal_values(values)
    columns = ", ".join(sealed)
    with app.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO compliance_ledgerentry ({columns}) VALUES"
            f" ({', '.join(['%s'] * len(sealed))})",
            list(sealed.values()),
        )
        cursor.execute(
            "UPDATE compliance_ledgerhead SET last_seq = %s, last_hash = %s WHERE id = 1",
            [sealed["seq"], sealed["entry_hash"]],
        )
        cursor.execute(
            'INSERT INTO compliance_ledgercheck (checked_at, "full", entries, last_seq,'
            " last_hash, ok, problem) VALUES (now(), false, 0, 0, '', true, '')"
        )
    result = verify_ledger()
    assert result.ok and result.entries == 5
