"""The throw-away databases the benchmark scripts create, fill and drop: one class per
backend with the same methods (create, describe, size_mb, drop)."""

import shutil
import sqlite3
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DEFAULT_POSTGRES = "postgres://sensi:sensi@127.0.0.1:5432/sensi"


class Postgres:
    """A database `name` on the server of `admin_url` (whose role may create databases)."""

    name = "postgres"

    def __init__(self, admin_url: str, database: str):
        self.admin_url = admin_url
        self.database = database
        self.url = urlunsplit(urlsplit(admin_url)._replace(path=f"/{database}"))

    def _execute(self, sql: str, params=None, *, url: str | None = None):
        import psycopg

        with psycopg.connect(url or self.admin_url, autocommit=True) as connection:
            cursor = connection.execute(sql, params)
            return cursor.fetchone() if cursor.description else None

    def describe(self) -> str:
        """The server's version and the settings that write figures depend on."""
        version = self._execute("SELECT version()")[0].split(" on ")[0]
        settings = self._execute(
            "SELECT current_setting('shared_buffers'), current_setting('max_wal_size'),"
            " current_setting('synchronous_commit')"
        )
        return "{}; shared_buffers {}, max_wal_size {}, synchronous_commit {}".format(
            version, *settings
        )

    def postmaster_pid(self) -> int | None:
        """The server's main process (the parent of a backend), if it runs on this machine."""
        import psycopg

        with psycopg.connect(self.admin_url) as connection:
            backend = connection.execute("SELECT pg_backend_pid()").fetchone()[0]
            try:
                stat = Path(f"/proc/{backend}/stat").read_text()
            except OSError:
                return None
        return int(stat.rsplit(")", 1)[1].split()[1])

    def create(self) -> str:
        self.drop()
        self._execute(f'CREATE DATABASE "{self.database}"')
        return self.url

    def size_mb(self) -> float:
        return self._execute("SELECT pg_database_size(%s)", [self.database])[0] / 1e6

    def drop(self) -> None:
        """Drop the database, ending the benchmark's own leftover connections. FORCE may not
        end an autovacuum worker (it belongs to the superuser), which a large fill starts;
        a plain DROP makes autovacuum give way, so that is tried next, a few times."""
        import time

        import psycopg

        try:
            self._execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            return
        except psycopg.errors.InsufficientPrivilege:
            pass
        for attempt in range(10):
            try:
                self._execute(f'DROP DATABASE IF EXISTS "{self.database}"')
                return
            except psycopg.errors.ObjectInUse:
                if attempt == 9:
                    raise
                time.sleep(1)


class SQLite:
    """A database file in a fresh directory under the temporary directory."""

    name = "sqlite"

    def __init__(self, prefix: str = "sensi-bench-"):
        self.prefix = prefix
        self.directory: Path | None = None

    def describe(self) -> str:
        return f"SQLite {sqlite3.sqlite_version}"

    def postmaster_pid(self) -> None:
        return None

    @property
    def path(self) -> Path:
        return self.directory / "db.sqlite3"

    def create(self) -> str:
        self.directory = Path(tempfile.mkdtemp(prefix=self.prefix))
        return f"sqlite:///{self.path}"

    def size_mb(self) -> float:
        return sum(f.stat().st_size for f in self.directory.iterdir()) / 1e6

    def drop(self) -> None:
        if self.directory is not None:
            shutil.rmtree(self.directory, ignore_errors=True)


def bench_database_name(admin_url: str, suffix: str) -> str:
    """The bench's database named after the one of `admin_url` (sensi → sensi_<suffix>), so that
    people who share a server do not drop each other's bench databases."""
    own = urlsplit(admin_url).path.strip("/") or "sensi"
    return f"{own}_{suffix}"
