"""Database triggers that refuse changes to the ledger table, so that even code or a person
bypassing the model cannot quietly change it (verify_ledger catches the rest).

PostgreSQL refuses UPDATE and DELETE (TRUNCATE, which test databases use to reset, stays
possible for the table owner). SQLite, the development default, refuses UPDATE only: Django
resets SQLite test databases with DELETE, and a deleted entry still breaks the chain.

Version 2 allows exactly one UPDATE: anonymising a format-2 entry after its retention period
(`privacy.retention`), which empties the personal fields and the salt, sets `anonymised_at`
and leaves every other column as it was (see `compliance.models.ledger`).

Version 3 allows it for keyed (format-3) entries too and keeps their `key_id`.

Version 4 enforces the retention period itself: the anonymising UPDATE is allowed only for an
entry confirmed longer ago than `compliance_ledgerretention.days` (which `migrate`, run as
the owner, sets from SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS; the application's role can only
read it). It also guards the head: its one row may only move forward, to the last entry and
its hash, and (PostgreSQL) never be deleted.
"""

TABLE = "compliance_ledgerentry"
HEAD = "compliance_ledgerhead"
RETENTION = "compliance_ledgerretention"
CURRENT_VERSION = 4
GENESIS = "0" * 64

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
_EXPIRED = {
    "postgresql": (
        f"OLD.confirmed_at < now() - make_interval(days => "
        f"(SELECT days FROM {RETENTION} WHERE id = 1))"
    ),
    "sqlite": (
        f"julianday(OLD.confirmed_at) < julianday('now') - "
        f"(SELECT days FROM {RETENTION} WHERE id = 1)"
    ),
}


def anonymisation(version: int, vendor: str = "postgresql") -> str:
    """The one UPDATE the entries' trigger lets through, as a condition on OLD and NEW."""
    kept = _KEPT if version < 3 else (*_KEPT, "key_id")
    return " AND ".join(
        [
            "OLD.hash_format = 2" if version < 3 else "OLD.hash_format IN (2, 3)",
            "OLD.anonymised_at IS NULL",
            "NEW.anonymised_at IS NOT NULL",
            "NEW.employee_id IS NULL",
            "NEW.recorded_by_id IS NULL",
            "NEW.reason = ''",
            "NEW.personal_salt = ''",
            *(f"NEW.{column} = OLD.{column}" for column in kept),
            *([_EXPIRED[vendor]] if version >= 4 else []),
        ]
    )


ANONYMISATION = anonymisation(2)

# Version 4: the head moves only forward, to the last entry (or stays where it is).
HEAD_MOVE = (
    "NEW.id = 1 AND ("
    f"(NEW.last_seq = 0 AND NEW.last_hash = '{GENESIS}' AND NOT EXISTS (SELECT 1 FROM {TABLE}))"
    f" OR (NEW.last_seq = (SELECT max(seq) FROM {TABLE})"
    f" AND NEW.last_hash = (SELECT entry_hash FROM {TABLE} WHERE seq = NEW.last_seq)))"
)
HEAD_UNCHANGED = "NEW.id = OLD.id AND NEW.last_seq = OLD.last_seq AND NEW.last_hash = OLD.last_hash"


def _postgresql_entries(version: int) -> str:
    return f"""
CREATE OR REPLACE FUNCTION sensi_ledger_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF {anonymisation(version)} THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'the acknowledgement ledger is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION sensi_ledger_append_only();
"""


POSTGRESQL_HEAD_CREATE = f"""
CREATE OR REPLACE FUNCTION sensi_ledger_head_forward_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF {HEAD_UNCHANGED} THEN
            RETURN NEW;
        END IF;
        IF NEW.last_seq > OLD.last_seq AND {HEAD_MOVE} THEN
            RETURN NEW;
        END IF;
    ELSIF TG_OP = 'INSERT' THEN
        IF {HEAD_MOVE} THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'the ledger head only moves forward, to the last entry';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_head_forward_only BEFORE INSERT OR UPDATE OR DELETE ON {HEAD}
    FOR EACH ROW EXECUTE FUNCTION sensi_ledger_head_forward_only();
"""
POSTGRESQL_HEAD_DROP = f"""
DROP TRIGGER IF EXISTS ledger_head_forward_only ON {HEAD};
DROP FUNCTION IF EXISTS sensi_ledger_head_forward_only();
"""
SQLITE_HEAD_CREATE = [
    f"""CREATE TRIGGER ledger_head_insert BEFORE INSERT ON {HEAD}
    WHEN NOT ({HEAD_MOVE})
    BEGIN SELECT RAISE(ABORT, 'the ledger head only moves forward, to the last entry'); END;""",
    f"""CREATE TRIGGER ledger_head_update BEFORE UPDATE ON {HEAD}
    WHEN NOT (({HEAD_UNCHANGED}) OR (NEW.last_seq > OLD.last_seq AND {HEAD_MOVE}))
    BEGIN SELECT RAISE(ABORT, 'the ledger head only moves forward, to the last entry'); END;""",
]
SQLITE_HEAD_DROP = [
    "DROP TRIGGER IF EXISTS ledger_head_insert;",
    "DROP TRIGGER IF EXISTS ledger_head_update;",
]

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
    3: _postgresql_entries(3),
    4: _postgresql_entries(4) + POSTGRESQL_HEAD_CREATE,
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
    **{
        version: [
            f"""CREATE TRIGGER ledger_no_update BEFORE UPDATE ON {TABLE}
        WHEN NOT ({anonymisation(version, "sqlite")})
        BEGIN SELECT RAISE(ABORT, 'the acknowledgement ledger is append-only'); END;""",
            *(SQLITE_HEAD_CREATE if version >= 4 else []),
        ]
        for version in (3, 4)
    },
}
SQLITE_DROP = ["DROP TRIGGER IF EXISTS ledger_no_update;"]


def statements(vendor: str, *, create: bool, version: int = CURRENT_VERSION) -> list[str]:
    if vendor == "postgresql":
        if create:
            return [POSTGRESQL_CREATE[version]]
        return [POSTGRESQL_DROP, *([POSTGRESQL_HEAD_DROP] if version >= 4 else [])]
    if vendor == "sqlite":
        if create:
            return SQLITE_CREATE[version]
        return [*SQLITE_DROP, *(SQLITE_HEAD_DROP if version >= 4 else [])]
    return []


def execute(run, vendor: str, *, create: bool, version: int = CURRENT_VERSION) -> None:
    """Create or drop the triggers with `run(sql)`: a schema editor's or a cursor's execute.
    Migrations pass the `version` they were written for."""
    for sql in statements(vendor, create=create, version=version):
        run(sql)
