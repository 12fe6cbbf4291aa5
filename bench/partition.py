"""The statement table plain and partitioned by month (xapi/partitioning.py) at 10 million
statements: load, size, writes through Sensi's write path, the LRS's queries, retention.

    .venv/bin/python bench/partition.py load    --layout plain [--statements 10000000]
    .venv/bin/python bench/partition.py measure --layout plain
    .venv/bin/python bench/partition.py convert            # plain -> partitioned, timed
    .venv/bin/python bench/partition.py measure --layout partitioned
    .venv/bin/python bench/partition.py drop --layout plain   # drop a layout's database

(bench/README.md, "Partitioning", gives the commands and figures.) The phases are separate
runs so that each run under the measurement lock stays short; each prints what it measured
and adds it to bench/results/partition.json.

**load** creates the database `<database of the URL>_bench_<layout>` (e.g.
sensi_bench_plain; --postgres-url, default DATABASE_URL), runs `migrate`, stores a pool
of 10,000 statements through Sensi's write path (`xapi.store.store_statements`, the
statements of bench/lrs.py: Sensi's verbs, 50 modules with 2,000 activities, registrations,
context, results), and then copies the pool inside the server (INSERT … SELECT over
generate_series, no HTTP, no client round trip per row) until the table holds --statements:
every copy gets a new id and, in five variants, new learners (100,000 agents in all) and
registrations; `stored` runs evenly over --months months up to now, in `seq` order, as the
LRS stores them. The secondary indexes are built after the copy, as for a bulk load.
With `--layout partitioned` the same load goes into the partitioned table (months created
first, the id registry filled after the copy).

**measure** prints, for the layout in the database:
- table and index size (all months and the id registry);
- batch insert rate: batches of 100 new statements through `store_statements` (one
  process, no HTTP), stored now, i.e. into the newest month;
- query latency (median, 95th percentile over --queries random queries) of the LRS's query
  path (`xapi.queries.run_query`, a page of up to 500 statements, newest first): by agent,
  verb, activity, registration, `since` one day ago, `since`/`until` one day a year ago,
  Moodle's completion check (agent + verb completed + module activity), GET by id, and
  following `more` links (20 pages of 500);
- retention: the time to remove the oldest month, a DELETE on the plain table, DETACH +
  registry DELETE + DROP on the partitioned one (`partition_statements --drop-expired`),
  each in a transaction that is rolled back, so the measure can be repeated.

**convert** times `manage.py partition_statements` on the loaded plain table (afterwards
the plain layout's database holds the partitioned table): the offline
conversion an operator runs (it copies every row; disk needs twice the table meanwhile).
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))  # after ROOT: bench/compliance.py is no app

from _databases import DEFAULT_POSTGRES, Postgres  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "partition.json"
POOL = 10_000
VARIANTS = 5  # learners per pool learner: 20,000 x 5 = 100,000 agents
CHUNK = 250_000  # rows per INSERT … SELECT (one transaction each)
AUTHORITY = {"objectType": "Agent", "account": {"homePage": "http://127.0.0.1:8000", "name": "b"}}


def database(url: str, layout: str) -> Postgres:
    """One database per layout, so that both can be loaded and kept side by side."""
    name = urlsplit(url).path.lstrip("/") or "sensi"
    return Postgres(url, f"{name}_bench_{layout}")


def django_setup(url: str):
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.db import connection

    return connection


def manage(url: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def store_batches(count: int, batch: int, rng: random.Random) -> None:
    from lrs import make_statement

    from xapi.store import store_statements

    for _ in range(count):
        store_statements([make_statement(rng) for _ in range(batch)], authority=AUTHORITY)


# --- load ------------------------------------------------------------------------------------


def secondary_indexes(cursor, table: str) -> list[tuple[str, str]]:
    cursor.execute(
        "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x"
        " JOIN pg_class i ON i.oid = x.indexrelid"
        " WHERE x.indrelid = %s::regclass AND NOT x.indisunique ORDER BY i.relname",
        [table],
    )
    return [(name, definition.replace(" ON ONLY ", " ON ")) for name, definition in cursor]


def copy_sql(columns: list[str], first: int, count: int, total: int, start, span) -> str:
    """Rows first..first+count-1 of the fill: row n is pool statement n % POOL in copy
    n // POOL, with a new id, learner variant (n // POOL) % VARIANTS, stored in order."""
    seconds_per_row = span.total_seconds() / total
    variant = f"((g.n / {POOL}) % {VARIANTS})"
    # a learner's variant: a new pseudonym derived from the old one (the same in every
    # column and in the JSON), and their registration with it
    new_name = f"md5(p.pseudonym || {variant})::uuid::text"
    new_registration = f"md5(p.registration::text || {variant})::uuid"
    values = {
        "statement_id": "g.id",
        "stored": "g.stored",
        "timestamp": "g.stored",
        "actor_ifi": f"replace(p.actor_ifi, p.pseudonym, {new_name})",
        "agents": f"replace(p.agents::text, p.pseudonym, {new_name})::jsonb",
        "registration": f"CASE WHEN p.registration IS NULL THEN NULL ELSE {new_registration} END",
        "data": (
            "jsonb_set(jsonb_set(jsonb_set(replace(replace(p.data::text, p.pseudonym,"
            f" {new_name}), coalesce(p.registration::text, '-'),"
            f" coalesce({new_registration}::text, '-'))::jsonb,"
            " '{id}', to_jsonb(g.id::text)), '{stored}', to_jsonb(g.stored)),"
            " '{timestamp}', to_jsonb(g.stored))"
        ),
    }
    select = ", ".join(values.get(c, f"p.{c}") for c in columns)
    return (
        f"INSERT INTO xapi_statement ({', '.join(columns)}) SELECT {select} FROM"
        f" (SELECT n, gen_random_uuid() AS id, timestamptz '{start.isoformat()}'"
        f" + make_interval(secs => n * {seconds_per_row}) AS stored"
        f" FROM generate_series({first}, {first + count - 1}) n) g"
        f" JOIN bench_pool p ON p.position = g.n % {POOL} ORDER BY g.n"
    )


def load(url: str, total: int, months: int, layout: str) -> dict:
    db = database(url, layout)
    db.create()
    manage(db.url, "migrate", "-v0")
    connection = django_setup(db.url)
    from django.db import transaction

    from xapi import partitioning

    rng = random.Random(15)
    figures = {"layout": layout, "statements": total, "months": months}
    seconds, _ = timed(store_batches, POOL // 100, 100, rng)
    figures["pool_seconds"] = round(seconds, 1)
    now = datetime.now(UTC)
    start = partitioning.Month.of(now).next(-(months - 1)).start
    span = now - timedelta(minutes=5) - start
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE bench_pool AS SELECT row_number() OVER (ORDER BY seq) - 1 AS position,"
            " data -> 'actor' -> 'account' ->> 'name' AS pseudonym, * FROM xapi_statement"
        )
        cursor.execute("CREATE UNIQUE INDEX ON bench_pool (position)")
        cursor.execute("TRUNCATE xapi_statement, xapi_statementattachment")
    if layout == "partitioned":
        manage(db.url, "partition_statements")
        with connection.cursor() as cursor:
            month = partitioning.Month.of(start)
            while month < partitioning.Month.of(now):
                if month not in partitioning.months():
                    cursor.execute(partitioning.create_month_sql(month))
                month = month.next()
    from xapi.models import Statement

    columns = [f.column for f in Statement._meta.concrete_fields if f.column != "seq"]
    with connection.cursor() as cursor:
        indexes = secondary_indexes(cursor, "xapi_statement")
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {name}")
        if layout == "partitioned":
            cursor.execute("ALTER TABLE xapi_statement DISABLE TRIGGER xapi_statement_register")
    started = time.perf_counter()
    for first in range(0, total, CHUNK):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(copy_sql(columns, first, min(CHUNK, total - first), total, start, span))
        print(f"  {first + min(CHUNK, total - first):,} rows", flush=True)
    figures["copy_seconds"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        if layout == "partitioned":
            cursor.execute(
                f"INSERT INTO {partitioning.REGISTRY} (statement_id, seq, stored)"
                " SELECT statement_id, seq, stored FROM xapi_statement"
            )
            cursor.execute("ALTER TABLE xapi_statement ENABLE TRIGGER xapi_statement_register")
        for _name, definition in indexes:
            cursor.execute(definition)
        cursor.execute("DROP TABLE bench_pool")
        cursor.execute("VACUUM ANALYZE xapi_statement")
    figures["index_seconds"] = round(time.perf_counter() - started, 1)
    figures["load_seconds"] = round(figures["copy_seconds"] + figures["index_seconds"], 1)
    figures.update(sizes(connection))
    return figures


# --- measure ---------------------------------------------------------------------------------


def sizes(connection) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT coalesce(sum(pg_table_size(relid)), 0),"
            " coalesce(sum(pg_indexes_size(relid)), 0) FROM (SELECT relid"
            " FROM pg_partition_tree('xapi_statement')"  # nothing for a plain table
            " UNION SELECT 'xapi_statement'::regclass) tree"
        )
        table, indexes = map(float, cursor.fetchone())
        cursor.execute(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
            " WHERE c.relname = 'xapi_statement_id'"
        )
        registry = float(cursor.fetchone()[0])
        cursor.execute("SELECT count(*) FROM xapi_statement")
        count = cursor.fetchone()[0]
    return {
        "rows": count,
        "table_mb": round(table / 1e6),
        "indexes_mb": round(indexes / 1e6),
        "registry_mb": round(registry / 1e6),
        "total_mb": round((table + indexes + registry) / 1e6),
    }


def samples(connection, count: int, rng: random.Random) -> dict:
    """Values to query for, drawn from the stored statements."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT actor_ifi, NULL, registration, statement_id, object_activity_id"
            f" FROM xapi_statement TABLESAMPLE SYSTEM (1) LIMIT {count * 20}"
        )
        rows = cursor.fetchall()
    rng.shuffle(rows)
    return {"rows": rows[:count]}


def query_figures(connection, count: int, rng: random.Random) -> dict:
    from lrs import VERBS, world

    from xapi.models import Statement
    from xapi.queries import StatementQuery, query_from_cursor, run_query

    rows = samples(connection, count, rng)["rows"]
    _pseudonyms, modules = world()
    verbs = [iri for iri, _german in VERBS.values()]
    completed = VERBS["completed"][0]
    now = datetime.now(UTC)

    def agent_of(row):
        return row[0]  # the actor's IFI as the LRS derives it from the query's agent

    year_ago = now - timedelta(days=365)
    queries = {
        "agent": lambda row: StatementQuery(agent_ifi=agent_of(row)),
        "verb": lambda row: StatementQuery(verb=rng.choice(verbs)),
        "activity": lambda row: StatementQuery(activity=row[4] or modules[0].activity["id"]),
        "registration": lambda row: StatementQuery(registration=str(row[2] or uuid.uuid4())),
        "since 1 day": lambda row: StatementQuery(
            since=(now - timedelta(days=1, minutes=rng.randrange(600))).isoformat()
        ),
        "day a year ago": lambda row: StatementQuery(
            since=(year_ago + timedelta(minutes=rng.randrange(1440))).isoformat(),
            until=(year_ago + timedelta(days=1, minutes=rng.randrange(1440))).isoformat(),
        ),
        "moodle completion": lambda row: StatementQuery(
            agent_ifi=agent_of(row),
            verb=completed,
            activity=rng.choice(modules).activity["id"],
            format="ids",
        ),
    }
    figures = {}
    for name, make in queries.items():
        timings, returned = [], []
        for row in rows:
            query = make(row)
            start = time.perf_counter()
            page = run_query(query)
            timings.append((time.perf_counter() - start) * 1000)
            returned.append(len(page.raw_statements))
        figures[name] = latency(timings, returned)
    timings = []
    for row in rows:
        start = time.perf_counter()
        Statement.objects.filter(statement_id=row[3]).values_list("data", flat=True).get()
        timings.append((time.perf_counter() - start) * 1000)
    figures["get by id"] = latency(timings, [1] * len(timings))
    timings, returned = [], []
    page = run_query(StatementQuery(limit=500))
    for _ in range(20):
        token = page.more.split("more=", 1)[1]
        start = time.perf_counter()
        page = run_query(query_from_cursor(token))
        timings.append((time.perf_counter() - start) * 1000)
        returned.append(len(page.raw_statements))
    figures["more page (500)"] = latency(timings, returned)
    return figures


def latency(timings: list[float], returned: list[int]) -> dict:
    ordered = sorted(timings)
    return {
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))], 1),
        "mean_statements": round(statistics.mean(returned), 1),
    }


def retention_seconds(connection) -> dict:
    """Removing the oldest month, rolled back."""
    from django.db import transaction

    from xapi import partitioning

    with connection.cursor() as cursor:
        cursor.execute("SELECT min(stored) FROM xapi_statement")
        oldest = partitioning.Month.of(cursor.fetchone()[0])
        end = oldest.next().start
        cursor.execute("SELECT count(*) FROM xapi_statement WHERE stored < %s", [end])
        rows = cursor.fetchone()[0]

    class Rollback(Exception):
        pass

    start = time.perf_counter()
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            if partitioning.is_partitioned():
                how = "DETACH + registry DELETE + DROP"
                for _month, sql in partitioning.drop_months_sql(cutoff=end):
                    for statement in sql:
                        cursor.execute(statement)
            else:
                how = "DELETE"
                cursor.execute("DELETE FROM xapi_statement WHERE stored < %s", [end])
            seconds = time.perf_counter() - start
            raise Rollback
    except Rollback:
        pass
    figures = {"month": str(oldest), "rows": rows, "how": how, "seconds": round(seconds, 2)}
    if how == "DELETE":
        # what Sensi does without partitions: purge_expired's step, batches of keys through
        # the ORM (each batch its own transaction there; here savepoints, rolled back)
        from privacy.retention import _delete
        from xapi.models import Statement

        start = time.perf_counter()
        try:
            with transaction.atomic():
                _delete(Statement.objects.filter(stored__lt=end), dry_run=False)
                figures["purge_expired_seconds"] = round(time.perf_counter() - start, 2)
                raise Rollback
        except Rollback:
            pass
    return figures


def measure(url: str, layout: str, queries: int, batches: int) -> dict:
    connection = django_setup(database(url, layout).url)
    from xapi import partitioning

    layout = "partitioned" if partitioning.is_partitioned() else "plain"
    rng = random.Random(7)
    figures = {"layout": layout, **sizes(connection)}
    print(f"  {layout}: {figures['rows']:,} statements, {figures['total_mb']:,} MB", flush=True)
    store_batches(3, 100, rng)  # warm: connection, prepared statements, caches
    seconds, _ = timed(store_batches, batches, 100, rng)
    figures["batch_insert_per_second"] = round(batches * 100 / seconds)
    print(f"  batch insert: {figures['batch_insert_per_second']:,}/s", flush=True)
    query_figures(connection, 5, rng)  # warm
    figures["queries"] = query_figures(connection, queries, rng)
    figures["retention"] = retention_seconds(connection)
    return figures


def convert(url: str) -> dict:
    db = database(url, "plain")
    seconds, output = timed(manage, db.url, "partition_statements")
    print("  " + output.strip())
    connection = django_setup(db.url)
    return {"layout": "partitioned", "convert_seconds": round(seconds, 1), **sizes(connection)}


# --- report ----------------------------------------------------------------------------------


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def record(phase: str, figures: dict) -> None:
    RESULTS.parent.mkdir(exist_ok=True)
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    key = f"{phase} {figures.get('layout', '')}".strip()
    results[key] = {"at": datetime.now(UTC).isoformat(timespec="seconds"), **figures}
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")


def print_figures(figures: dict) -> None:
    queries = figures.pop("queries", {})
    for key, value in figures.items():
        print(f"  {key}: {value}")
    if queries:
        print(f"  {'query':<20} {'median ms':>10} {'p95 ms':>10} {'statements':>11}")
        for name, q in queries.items():
            print(f"  {name:<20} {q['median_ms']:>10} {q['p95_ms']:>10} {q['mean_statements']:>11}")
        figures["queries"] = queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("phase", choices=["load", "measure", "convert", "drop"])
    parser.add_argument("--layout", choices=["plain", "partitioned"], default="plain")
    parser.add_argument("--statements", type=int, default=10_000_000)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--batches", type=int, default=100)
    parser.add_argument("--postgres-url", default=os.environ.get("DATABASE_URL", DEFAULT_POSTGRES))
    args = parser.parse_args()
    before = load_average()
    print(f"load average before: {before}", flush=True)
    started = time.perf_counter()
    if args.phase == "load":
        figures = load(args.postgres_url, args.statements, args.months, args.layout)
    elif args.phase == "measure":
        figures = measure(args.postgres_url, args.layout, args.queries, args.batches)
    elif args.phase == "convert":
        figures = convert(args.postgres_url)
    else:
        database(args.postgres_url, args.layout).drop()
        return
    figures["load_average_before"] = before
    figures["run_seconds"] = round(time.perf_counter() - started, 1)
    print_figures(figures)
    record(args.phase, figures)


if __name__ == "__main__":
    main()
