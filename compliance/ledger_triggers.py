"""Database triggers that refuse changes to the ledger table, so that even code or a person
bypassing the model cannot quietly change it (verify_ledger catches the rest).

PostgreSQL refuses UPDATE and DELETE (TRUNCATE, which test databases use to reset, stays
possible for the table owner). SQLite, the development default, refuses UPDATE only: Django
resets SQLite test databases with DELETE, and a deleted entry still breaks the chain.

Version 2 allows exactly one UPDATE: anonymising a format-2 entry after its retention period
(`privacy.retention`), which empties the personal fields and the salt, sets `anonymised_at`
and leaves every other column as it was (see `compliance.models.ledger`).
"""

TABLE = "compliance_ledgerentry"
CURRENT_VERSION = 2

# Columns an anonymisation must leave as they are (all NOT NULL).
_KEPT = (
    "seq",
    "kind",
    "obligation_version_id",
    "language",
    "text_hash",
    "confirmed_at",
    "recorded_at",
    "previous_hash",
    "entry_hash",
    "hash_format",
    "personal_digest",
)
ANONYMISATION = " AND ".join(
    [
        "OLD.hash_format = 2",
        "OLD.anonymised_at IS NULL",
        "NEW.anonymised_at IS NOT NULL",
        "NEW.employee_id IS NULL",
        "NEW.recorded_by_id IS NULL",
        "NEW.reason = ''",
        "NEW.personal_salt = ''",
        *(f"NEW.{column} = OLD.{column}" for column in _KEPT),
    ]
)

POSTGRESQL_CREATE = {
    1: f"""
CREATE OR REPLACE FUNCTION sensi_ledger_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the acknowledgement ledger is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION sensi_ledger_append_only();
""",
    2: f"""
CREATE OR REPLACE FUNCTION sensi_ledger_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF {ANONYMISATION} THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'the acknowledgement ledger is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION sensi_ledger_append_only();
""",
}
POSTGRESQL_DROP = f"""
DROP TRIGGER IF EXISTS ledger_append_only ON {TABLE};
DROP FUNCTION IF EXISTS sensi_ledger_append_only();
"""
SQLITE_CREATE = {
    1: [
        f"""CREATE TRIGGER ledger_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'the acknowledgement ledger is append-only'); END;""",
    ],
    2: [
        f"""CREATE TRIGGER ledger_no_update BEFORE UPDATE ON {TABLE}
        WHEN NOT ({ANONYMISATION})
        BEGIN SELECT RAISE(ABORT, 'the acknowledgement ledger is append-only'); END;""",
    ],
}
SQLITE_DROP = ["DROP TRIGGER IF EXISTS ledger_no_update;"]


def statements(vendor: str, *, create: bool, version: int = CURRENT_VERSION) -> list[str]:
    if vendor == "postgresql":
        return [POSTGRESQL_CREATE[version] if create else POSTGRESQL_DROP]
    if vendor == "sqlite":
        return SQLITE_CREATE[version] if create else SQLITE_DROP
    return []


def execute(run, vendor: str, *, create: bool, version: int = CURRENT_VERSION) -> None:
    """Create or drop the triggers with `run(sql)`: a schema editor's or a cursor's execute.
    Migrations pass the `version` they were written for."""
    for sql in statements(vendor, create=create, version=version):
        run(sql)
