"""Database triggers that refuse changes to the ledger table, so that even code or a person
bypassing the model cannot quietly change it (verify_ledger catches the rest).

PostgreSQL refuses UPDATE and DELETE (TRUNCATE, which test databases use to reset, stays
possible for the table owner). SQLite, the development default, refuses UPDATE only: Django
resets SQLite test databases with DELETE, and a deleted entry still breaks the chain.
"""

TABLE = "compliance_ledgerentry"

POSTGRESQL_CREATE = f"""
CREATE OR REPLACE FUNCTION sensi_ledger_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the acknowledgement ledger is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION sensi_ledger_append_only();
"""
POSTGRESQL_DROP = f"""
DROP TRIGGER IF EXISTS ledger_append_only ON {TABLE};
DROP FUNCTION IF EXISTS sensi_ledger_append_only();
"""
SQLITE_CREATE = [
    f"""CREATE TRIGGER ledger_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, 'the acknowledgement ledger is append-only'); END;""",
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS ledger_no_update;"]


def statements(vendor: str, *, create: bool) -> list[str]:
    if vendor == "postgresql":
        return [POSTGRESQL_CREATE if create else POSTGRESQL_DROP]
    if vendor == "sqlite":
        return SQLITE_CREATE if create else SQLITE_DROP
    return []


def execute(run, vendor: str, *, create: bool) -> None:
    """Create or drop the triggers with `run(sql)`: a schema editor's or a cursor's execute."""
    for sql in statements(vendor, create=create):
        run(sql)
