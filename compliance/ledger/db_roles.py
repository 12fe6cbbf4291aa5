"""The application's PostgreSQL role: what it may do to the ledger (docs/operations.md).

Migrations run as the owner of the tables; the application connects as another role
(`SENSI_DB_APP_ROLE`, "sensi_app" by default) that owns nothing, so it cannot DROP, ALTER or
TRUNCATE a table, nor drop or disable a trigger (both need ownership). `grant_app_role` gives
it the ordinary rights on every table (and, through default privileges, on every table later
migrations create) and then narrows the ledger's tables:

- entries: SELECT and INSERT, and UPDATE only of the personal columns an anonymisation
  empties (the trigger still checks that the entry is past its retention period);
- head: SELECT, INSERT and UPDATE (its trigger lets it move only forward, to the last entry);
- checks: SELECT and INSERT (a failed check cannot be deleted);
- retention period: SELECT;
- trend snapshots and their counts: SELECT and INSERT (a closed month is never rewritten).

It does nothing when the role is not set or does not exist (SQLite, a single-role setup),
so that `migrate` works everywhere; it runs in migration 0009 and after every `migrate`.
"""

from .. import app_settings

ANONYMISED_COLUMNS = ("employee_id", "recorded_by_id", "reason", "personal_salt", "anonymised_at")
LEDGER_GRANTS = {
    "compliance_ledgerentry": [
        "SELECT, INSERT",
        f"UPDATE ({', '.join(ANONYMISED_COLUMNS)})",
    ],
    "compliance_ledgerhead": ["SELECT, INSERT, UPDATE"],
    "compliance_ledgercheck": ["SELECT, INSERT"],
    "compliance_ledgerretention": ["SELECT"],
    # Trend snapshots (compliance.models.snapshots): written once, never changed.
    "compliance_trendsnapshot": ["SELECT, INSERT"],
    "compliance_trendcount": ["SELECT, INSERT"],
}


def app_role(connection) -> str | None:
    """The application's role if it exists and is not the one running this (the owner)."""
    role = app_settings.SENSI_DB_APP_ROLE
    if connection.vendor != "postgresql" or not role:
        return None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_roles WHERE rolname = %s AND rolname <> current_user", [role]
        )
        return role if cursor.fetchone() else None


def grant_statements(role: str, quote, tables=None) -> list[str]:
    """The grants; `tables`: the narrowed tables that exist yet (an earlier migration runs
    this before later ones create theirs), None: all."""
    name = quote(role)
    statements = [
        f"GRANT USAGE ON SCHEMA public TO {name}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {name}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {name}",
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {name}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {name}",
    ]
    for table, grants in LEDGER_GRANTS.items():
        if tables is not None and table not in tables:
            continue
        statements.append(f"REVOKE ALL ON {table} FROM {name}")
        statements.extend(f"GRANT {grant} ON {table} TO {name}" for grant in grants)
    return statements


def grant_app_role(connection) -> str | None:
    """Grant the application's role its rights (see above); returns the role, or None."""
    role = app_role(connection)
    if role is None:
        return None
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for sql in grant_statements(role, connection.ops.quote_name, tables):
            cursor.execute(sql)
    return role
