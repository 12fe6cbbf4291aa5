"""The statement table partitioned by month of `stored` (PostgreSQL declarative partitioning),
for installations with many millions of statements (docs/operations.md, "Sizing"). Used by
`manage.py partition_statements`; nothing else in Sensi needs to know whether the table is
partitioned.

What partitioning changes, and how the LRS keeps its guarantees:

- **Statement ids stay unique across all months.** A unique index on a partitioned table
  must contain the partition key, so `UNIQUE (statement_id)` cannot stay on the table. The
  ids move to a small unpartitioned registry, `xapi_statement_id (statement_id PRIMARY KEY,
  seq UNIQUE, stored)`, which a BEFORE INSERT trigger on the statement table fills in the
  same transaction. When the id is registered already, the trigger skips the row, exactly
  what `INSERT … ON CONFLICT DO NOTHING` does on the plain table: the LRS then finds the
  stored statement and tells a resend from a conflict (Communication §2.1.2). Two
  transactions sending the same id at once wait on the registry's unique index, as they
  waited on the table's.
- **seq** keeps its sequence and stays unique (the registry's unique index says so; the
  table's primary key becomes `(seq, stored)`). Paging by seq reads each month's index.
- **Foreign keys** to the statement (StatementAttachment.statement) point at the registry's
  `seq` instead, with ON DELETE CASCADE, so that dropping a month and deleting its registry
  rows takes its attachment references along. Deleting statements through Django (retention
  by `purge_expired`) still works: an AFTER DELETE trigger removes the registry row.
- **Months** must exist before statements arrive in them (there is no default partition: a
  default partition makes creating a month scan it, and hides a missed maintenance run until
  it is expensive). `ensure_months` creates the current month and `ahead` months after it;
  run it monthly. A statement whose month is missing fails to store, loudly.
- **Retention** drops whole months older than the retention period (DETACH, delete their
  registry rows, DROP) instead of deleting row by row.

The conversion copies the table (its duration grows with the table, see bench/README.md,
"Partitioning") and holds an exclusive lock on it meanwhile: the LRS refuses statements
until it commits. It runs in one transaction: a failure leaves the plain table as it was.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.db import connection, transaction

TABLE = "xapi_statement"
REGISTRY = "xapi_statement_id"
OLD = "xapi_statement_unpartitioned"
SEQUENCE = "xapi_statement_seq_seq"
PREFIX = "xapi_statement_y"  # xapi_statement_y2026m12
# Each month's index on statement_id (not unique: the registry's is), for the LRS's lookups
# by id (GET ?statementId=, resends, voiding): without it each is a scan of every month.
ID_INDEX = "stmt_statement_id"

TRIGGER_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION xapi_statement_register() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- the registry holds the one unique index on statement_id; a registered id skips the row
    -- as ON CONFLICT DO NOTHING does on the plain table
    INSERT INTO {REGISTRY} (statement_id, seq, stored)
    VALUES (NEW.statement_id, NEW.seq, NEW.stored)
    ON CONFLICT (statement_id) DO NOTHING;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION xapi_statement_unregister() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM {REGISTRY} WHERE statement_id = OLD.statement_id;
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION xapi_statement_unregister_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM {REGISTRY};
    RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION xapi_statement_keep_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the id, seq and stored of a statement do not change';
END $$;
"""

TRIGGERS = f"""
CREATE TRIGGER xapi_statement_register BEFORE INSERT ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION xapi_statement_register();
CREATE TRIGGER xapi_statement_unregister AFTER DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION xapi_statement_unregister();
CREATE TRIGGER xapi_statement_unregister_all AFTER TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION xapi_statement_unregister_all();
CREATE TRIGGER xapi_statement_keep_keys BEFORE UPDATE OF statement_id, seq, stored ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION xapi_statement_keep_keys();
"""


class PartitioningError(Exception):
    """The database is not in the state the step needs (nothing was changed)."""


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, moment: date | datetime) -> "Month":
        return cls(moment.year, moment.month)

    @classmethod
    def parse(cls, name: str) -> "Month":
        """From a partition name (xapi_statement_y2026m12)."""
        year, month = name.removeprefix(PREFIX).split("m")
        return cls(int(year), int(month))

    def next(self, steps: int = 1) -> "Month":
        index = self.year * 12 + self.month - 1 + steps
        return Month(index // 12, index % 12 + 1)

    @property
    def start(self) -> datetime:
        return datetime(self.year, self.month, 1, tzinfo=UTC)

    @property
    def name(self) -> str:
        return f"{PREFIX}{self.year:04d}m{self.month:02d}"

    def __lt__(self, other: "Month") -> bool:
        return (self.year, self.month) < (other.year, other.month)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def _fetch(sql: str, params=()) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def is_partitioned() -> bool:
    if connection.vendor != "postgresql":
        return False
    return bool(
        _fetch(
            "SELECT 1 FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid"
            " WHERE c.relname = %s AND c.relnamespace = 'public'::regnamespace",
            [TABLE],
        )
    )


def months() -> list[Month]:
    """The months that have a partition, oldest first."""
    rows = _fetch(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
        " WHERE i.inhparent = %s::regclass",
        [TABLE],
    )
    return sorted(Month.parse(name) for (name,) in rows if name.startswith(PREFIX))


def create_month_sql(month: Month) -> str:
    return (
        f"CREATE TABLE {month.name} PARTITION OF {TABLE}"
        f" FOR VALUES FROM ('{month.start.isoformat()}') TO ('{month.next().start.isoformat()}')"
    )


def _require_postgresql() -> None:
    if connection.vendor != "postgresql":
        raise PartitioningError("Partitioning needs PostgreSQL.")


def conversion_sql(*, first: Month, last: Month, keep_old: bool = False) -> list[str]:
    """The statements that turn the plain table into the partitioned one with the months
    first..last, copying every row. Index definitions and foreign keys are read from the
    database, so that indexes a later migration added come along under their own names."""
    _require_postgresql()
    indexes = _fetch(
        "SELECT i.relname, pg_get_indexdef(i.oid), x.indisprimary OR x.indisunique"
        " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
        " WHERE x.indrelid = %s::regclass ORDER BY i.relname",
        [TABLE],
    )
    constraints = _fetch(
        "SELECT conname, contype FROM pg_constraint WHERE conrelid = %s::regclass"
        " AND contype IN ('p', 'u', 'f', 'x')",
        [TABLE],
    )
    if [name for name, kind in constraints if kind in ("f", "x")]:
        raise PartitioningError("The statement table has foreign keys or exclusion constraints.")
    references = _fetch(
        "SELECT conname, conrelid::regclass::text, pg_get_constraintdef(oid)"
        " FROM pg_constraint WHERE confrelid = %s::regclass AND contype = 'f'",
        [TABLE],
    )
    for name, table, definition in references:
        if not definition.endswith(f"REFERENCES {TABLE}(seq) DEFERRABLE INITIALLY DEFERRED"):
            raise PartitioningError(f"Unexpected foreign key {name} on {table}: {definition}")
    unique = {name for name, _definition, is_unique in indexes if is_unique}
    if unique != {f"{TABLE}_pkey", f"{TABLE}_statement_id_key"}:
        raise PartitioningError(f"Unexpected unique indexes on {TABLE}: {sorted(unique)}")

    sql = [f"LOCK TABLE {TABLE} IN ACCESS EXCLUSIVE MODE"]
    sql += [f"ALTER TABLE {table} DROP CONSTRAINT {name}" for name, table, _ in references]
    # the old table keeps its rows and loses its names, which the new table takes over
    sql += [f"ALTER TABLE {TABLE} RENAME TO {OLD}"]
    sql += [f"ALTER TABLE {OLD} DROP CONSTRAINT {name}" for name, kind in constraints]
    sql += [f"DROP INDEX {name}" for name, _definition, is_unique in indexes if not is_unique]
    sql += [
        f"CREATE SEQUENCE {SEQUENCE}_partitioned AS bigint",
        f"SELECT setval('{SEQUENCE}_partitioned',"
        f" GREATEST((SELECT max(seq) FROM {OLD}), pg_sequence_last_value("
        f"pg_get_serial_sequence('{OLD}', 'seq')::regclass), 1))",
        f"ALTER TABLE {OLD} ALTER COLUMN seq DROP IDENTITY",
        f"ALTER SEQUENCE {SEQUENCE}_partitioned RENAME TO {SEQUENCE}",
        f"CREATE TABLE {TABLE} (LIKE {OLD} INCLUDING DEFAULTS INCLUDING STORAGE"
        f" INCLUDING COMMENTS) PARTITION BY RANGE (stored)",
        f"ALTER TABLE {TABLE} ALTER COLUMN seq SET DEFAULT nextval('{SEQUENCE}')",
        f"ALTER SEQUENCE {SEQUENCE} OWNED BY {TABLE}.seq",
    ]
    month = first
    while not last < month:
        sql.append(create_month_sql(month))
        month = month.next()
    sql += [
        f"INSERT INTO {TABLE} SELECT * FROM {OLD}",
        f"CREATE TABLE {REGISTRY} (statement_id uuid PRIMARY KEY, seq bigint NOT NULL"
        f" CONSTRAINT {REGISTRY}_seq_key UNIQUE, stored timestamptz NOT NULL)",
        f"INSERT INTO {REGISTRY} (statement_id, seq, stored) SELECT statement_id, seq, stored"
        f" FROM {OLD}",
        f"ALTER TABLE {TABLE} ADD CONSTRAINT {TABLE}_pkey PRIMARY KEY (seq, stored)",
    ]
    sql += [definition for _name, definition, is_unique in indexes if not is_unique]
    sql.append(f"CREATE INDEX {ID_INDEX} ON {TABLE} (statement_id)")
    sql += [
        f"ALTER TABLE {table} ADD CONSTRAINT {name} FOREIGN KEY (statement_id)"
        f" REFERENCES {REGISTRY}(seq) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED"
        for name, table, _ in references
    ]
    sql += [TRIGGER_FUNCTIONS, TRIGGERS]
    if not keep_old:
        sql.append(f"DROP TABLE {OLD}")
    sql.append(f"ANALYZE {TABLE}")
    sql.append(f"ANALYZE {REGISTRY}")
    return sql


def revert_sql() -> list[str]:
    """Back to the plain table Django's migrations made, with every row (copied)."""
    _require_partitioned()
    indexes = _fetch(
        "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x"
        " JOIN pg_class i ON i.oid = x.indexrelid"
        " WHERE x.indrelid = %s::regclass AND NOT x.indisunique ORDER BY i.relname",
        [TABLE],
    )
    references = _fetch(
        "SELECT conname, conrelid::regclass::text FROM pg_constraint"
        " WHERE confrelid = %s::regclass AND contype = 'f'",
        [REGISTRY],
    )
    plain = f"{TABLE}_plain"
    sql = [
        f"LOCK TABLE {TABLE} IN ACCESS EXCLUSIVE MODE",
        f"CREATE TABLE {plain} (LIKE {TABLE} INCLUDING STORAGE INCLUDING COMMENTS)",
        f"INSERT INTO {plain} SELECT * FROM {TABLE}",
        f"CREATE TEMPORARY TABLE xapi_statement_last_seq ON COMMIT DROP AS"
        f" SELECT GREATEST((SELECT max(seq) FROM {TABLE}),"
        f" pg_sequence_last_value('{SEQUENCE}'), 0) + 1 AS next",
    ]
    sql += [f"ALTER TABLE {table} DROP CONSTRAINT {name}" for name, table in references]
    sql += [
        f"DROP TABLE {TABLE}",
        f"DROP TABLE {REGISTRY}",
        "DROP FUNCTION xapi_statement_register(), xapi_statement_unregister(),"
        " xapi_statement_unregister_all(), xapi_statement_keep_keys()",
        f"ALTER TABLE {plain} RENAME TO {TABLE}",
        f"ALTER TABLE {TABLE} ALTER COLUMN seq ADD GENERATED BY DEFAULT AS IDENTITY",
        # the identity's sequence continues after the last seq handed out
        f"SELECT setval(pg_get_serial_sequence('{TABLE}', 'seq'), next, false)"
        " FROM xapi_statement_last_seq",
        f"ALTER TABLE {TABLE} ADD CONSTRAINT {TABLE}_pkey PRIMARY KEY (seq)",
        f"ALTER TABLE {TABLE} ADD CONSTRAINT {TABLE}_statement_id_key UNIQUE (statement_id)",
    ]
    sql += [
        definition.replace(" ON ONLY ", " ON ")
        for name, definition in indexes
        if name != ID_INDEX  # the unique constraint's index serves the lookups by id again
    ]
    sql += [
        f"ALTER TABLE {table} ADD CONSTRAINT {name} FOREIGN KEY (statement_id)"
        f" REFERENCES {TABLE}(seq) DEFERRABLE INITIALLY DEFERRED"
        for name, table in references
    ]
    sql.append(f"ANALYZE {TABLE}")
    return sql


def stored_range() -> tuple[datetime | None, datetime | None]:
    return _fetch(f"SELECT min(stored), max(stored) FROM {TABLE}")[0]


def convert(
    *, now: datetime, ahead: int = 3, keep_old: bool = False, execute: Callable | None = None
) -> list[str]:
    """Convert the plain table, with a month for every stored statement up to `ahead` months
    after `now`. Returns the statements run."""
    _require_postgresql()
    if is_partitioned():
        raise PartitioningError(f"{TABLE} is partitioned already.")
    oldest, newest = stored_range()
    first = Month.of(min(oldest or now, now))
    last = max(Month.of(newest or now), Month.of(now)).next(ahead)
    sql = conversion_sql(first=first, last=last, keep_old=keep_old)
    run_sql(sql, execute)
    return sql


def ensure_months_sql(*, now: datetime, ahead: int = 3) -> list[str]:
    """The missing months from the current one to `ahead` months later."""
    _require_partitioned()
    existing = set(months())
    wanted = [Month.of(now).next(step) for step in range(ahead + 1)]
    return [create_month_sql(month) for month in wanted if month not in existing]


def months_ahead(now: datetime) -> int:
    """How many whole months after the current one have a partition (-1: not even this)."""
    existing = set(months())
    count, month = -1, Month.of(now)
    while month in existing:
        count, month = count + 1, month.next()
    return count


def drop_months_sql(*, cutoff: datetime) -> list[tuple[Month, list[str]]]:
    """For each month that ends at or before `cutoff` (every statement in it is past the
    retention period): detach it, delete its registry rows (their attachment references go
    with them), drop it."""
    _require_partitioned()
    steps = []
    for month in months():
        if month.next().start > cutoff:
            continue
        steps.append(
            (
                month,
                [
                    f"ALTER TABLE {TABLE} DETACH PARTITION {month.name}",
                    # exactly the month's ids (stored never changes); the seq range lets the
                    # registry's seq index find them without joining the month's rows
                    f"DELETE FROM {REGISTRY} WHERE seq BETWEEN"
                    f" (SELECT min(seq) FROM {month.name}) AND (SELECT max(seq) FROM {month.name})"
                    f" AND stored >= '{month.start.isoformat()}'"
                    f" AND stored < '{month.next().start.isoformat()}'",
                    f"DROP TABLE {month.name}",
                ],
            )
        )
    return steps


def _require_partitioned() -> None:
    _require_postgresql()
    if not is_partitioned():
        raise PartitioningError(f"{TABLE} is not partitioned (run partition_statements first).")


def run_sql(sql: list[str], execute: Callable | None = None) -> None:
    """All statements in one transaction."""
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in sql:
            (execute or cursor.execute)(statement)
