"""CPU time of the LRS's statement POSTs in one process, and where it goes (issue 12).

    .venv/bin/python bench/lrs_profile.py [--db postgres|sqlite] [--requests 200]
                                          [--single 1000] [--profile] [--top 30]

Wall-clock rates of `bench/lrs.py` swing with whatever else the machine runs; the CPU time one
request costs does not, and it is what a change to the request path saves. This script calls
the WSGI application of config/wsgi.py directly (production settings, no HTTP server, no
client processes) with the same statements as bench/lrs.py and measures:

- batch: POSTs of 100 statements; single: POSTs of one statement;
- per statement: the least, over --repeat measurements (others' load only adds), of the
  process time of this process (Django, the view, the database driver)
  and, on PostgreSQL, the CPU time of its database backend (read from /proc);
- with --profile, cProfile of the batch POSTs: the top functions by cumulative and by own time.

It creates a throw-away database (PostgreSQL: `<database of DATABASE_URL>_profile`, dropped at
the end; SQLite: a file under /tmp) and an LRS client. Nothing is asserted.
"""

import argparse
import base64
import cProfile
import io
import json
import os
import pstats
import random
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "bench"))  # after ROOT: bench/compliance.py is no app

from _databases import DEFAULT_POSTGRES, Postgres, SQLite, bench_database_name  # noqa: E402
from lrs import BASE_URL, STATEMENTS, make_statement, world  # noqa: E402


def _configure(database_url: str) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SENSI_SECRET_KEY": secrets.token_urlsafe(50),
            "SENSI_LEDGER_KEYS": f"bench:{secrets.token_urlsafe(32)}",
            "SENSI_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SENSI_SECURE_SSL_REDIRECT": "false",
            "SENSI_BASE_URL": BASE_URL,
            "SENSI_LOG_LEVEL": "WARNING",
            "DATABASE_URL": database_url,
            # one backend throughout, whose CPU time is read before and after (production: 60)
            "SENSI_DB_CONN_MAX_AGE": "86400",
        }
    )


class Poster:
    """POSTs to /xapi/statements through the WSGI application, as gunicorn would call it."""

    def __init__(self, key: str, secret: str):
        from config.wsgi import application  # what gunicorn loads, with what wsgi.py does

        self.app = application
        self.authorization = "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()

    def post(self, body: bytes) -> tuple[str, bytes]:
        environ = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": STATEMENTS,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "127.0.0.1",
            "HTTP_AUTHORIZATION": self.authorization,
            "HTTP_X_EXPERIENCE_API_VERSION": "1.0.3",
            "CONTENT_TYPE": "application/json",
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.input": io.BytesIO(body),
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            "wsgi.version": (1, 0),
        }
        status = []
        chunks = self.app(environ, lambda s, h, *a: status.append(s))
        answer = b"".join(chunks)
        getattr(chunks, "close", lambda: None)()
        if not status[0].startswith("200"):
            raise RuntimeError(f"POST answered {status[0]}: {answer[:300]!r}")
        return status[0], answer


def _bodies(rng: random.Random, requests: int, batch: int) -> list[bytes]:
    """Request bodies made beforehand, so that making them is not measured."""
    bodies = []
    for _ in range(requests):
        statements = [make_statement(rng) for _ in range(batch)]
        bodies.append(json.dumps(statements if batch > 1 else statements[0]).encode())
    return bodies


def _backend_cpu() -> float:
    """CPU seconds of this process's PostgreSQL backend (0 on SQLite or another machine)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(poster: Poster, bodies: list[bytes], per_request: int) -> dict:
    db_start, cpu_start, wall_start = _backend_cpu(), time.process_time(), time.perf_counter()
    for body in bodies:
        poster.post(body)
    wall, cpu = time.perf_counter() - wall_start, time.process_time() - cpu_start
    db = _backend_cpu() - db_start
    statements = len(bodies) * per_request
    return {
        "statements": statements,
        "per_second_wall": statements / wall,
        "app_cpu_ms": cpu / statements * 1000,
        "db_cpu_ms": db / statements * 1000,
        # what two cores could do if the app and the database were all they ran
        "cpu_bound_per_second": 2 * statements / (cpu + db),
    }


def _print(name: str, figures: dict) -> None:
    print(
        f"{name:<7} {figures['statements']:>6,} statements: app {figures['app_cpu_ms']:.3f} ms"
        f" + db {figures['db_cpu_ms']:.3f} ms CPU per statement"
        f" (2 cores: {figures['cpu_bound_per_second']:,.0f}/s);"
        f" one client, wall: {figures['per_second_wall']:,.0f}/s;"
        f" load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--requests", type=int, default=200, help="batch POSTs of 100")
    parser.add_argument("--single", type=int, default=1000, help="single POSTs")
    parser.add_argument(
        "--profile", choices=["batch", "single"], help="cProfile the batch or the single POSTs"
    )
    parser.add_argument("--queries", action="store_true", help="print a POST's SQL queries")
    parser.add_argument("--top", type=int, default=30, help="functions to list")
    parser.add_argument(
        "--repeat", type=int, default=3, help="measurements of each; the least CPU is shown"
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    admin_url = os.environ.get("DATABASE_URL", "")
    if not admin_url.startswith("postgres"):
        admin_url = DEFAULT_POSTGRES
    if args.db == "postgres":
        db = Postgres(admin_url, bench_database_name(admin_url, "profile"))
    else:
        db = SQLite(prefix="sensi-profile-")
    _configure(db.create())
    try:
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        from xapi.models import LRSClient

        client, secret = LRSClient.create(name="profile", can_read=True, can_write=True)
        poster = Poster(client.key, secret)
        world()
        rng = random.Random(args.seed)
        warm = _bodies(rng, 20, 100)
        batches = [_bodies(rng, args.requests, 100) for _ in range(args.repeat)]
        singles = [_bodies(rng, args.single, 1) for _ in range(args.repeat)]
        measure(poster, warm, 100)  # connections, prepared statements, caches
        print(f"{db.describe()}, Python {sys.version.split()[0]}")
        if args.queries:
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            for bodies in (batches[0][:1], singles[0][:1]):
                with CaptureQueriesContext(connection) as captured:
                    poster.post(bodies[0])
                print(f"{len(captured)} queries (the prepared INSERTs show as None):")
                for query in captured:
                    print(f"  {str(query['sql'])[:200]}")
        if args.profile:
            bodies, size = (batches[0], 100) if args.profile == "batch" else (singles[0], 1)
            profiler = cProfile.Profile(time.process_time)  # CPU, not waits
            profiler.enable()
            figures = measure(poster, bodies, size)
            profiler.disable()
            _print(args.profile, figures)
            print("(under cProfile, which counts process time: the CPU figures are inflated)")
            for order in ("cumulative", "tottime"):
                out = io.StringIO()
                pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(args.top)
                text = out.getvalue()
                print(text[text.index("   ncalls") :] if "   ncalls" in text else text)
        else:
            for name, runs, size in (("batch", batches, 100), ("single", singles, 1)):
                tried = [measure(poster, bodies, size) for bodies in runs]
                _print(name, min(tried, key=lambda f: f["app_cpu_ms"] + f["db_cpu_ms"]))
    finally:
        from django.db import connections

        connections.close_all()
        db.drop()


if __name__ == "__main__":
    main()
