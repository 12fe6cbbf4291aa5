"""Progress reporters: one interface for the admin's progress bar and the command line's.

A long piece of domain work takes `progress: Progress` and calls `progress(done, total,
stage)` as it goes; it does not know who listens. `JobProgress` writes to the job's row (the
admin page shows it), `TerminalProgress` draws a bar on stderr when that is a terminal, and
`no_progress` ignores it all. Calls are cheap: both reporters throttle themselves.
"""

import sys
import threading
import time
from typing import Protocol, TextIO

from django.db import connections, transaction
from django.utils import timezone

from . import app_settings


class Progress(Protocol):
    def __call__(self, done: int, total: int | None = None, stage: str = "") -> None: ...


def no_progress(done: int, total: int | None = None, stage: str = "") -> None:
    """For callers that do not show progress."""


class _Throttled:
    def __init__(self, interval: float):
        self.interval = interval
        self.last_written = 0.0
        self.last_stage: str | None = None

    def due(self, done: int, total: int | None, stage: str) -> bool:
        now = time.monotonic()
        finished = total is not None and done >= total
        if stage != self.last_stage or finished or now - self.last_written >= self.interval:
            self.last_written, self.last_stage = now, stage
            return True
        return False


class JobProgress(_Throttled):
    """Writes a job's progress to its row, so that other processes see it while it runs.

    Domain work runs in a transaction (a failing job leaves nothing half-written), and an
    update inside it would be invisible to the admin until the end and undone with it. So on
    PostgreSQL the reporter writes through a connection of its own, outside the work's
    transaction; SQLite allows one writer at a time, so there it writes only between
    transactions."""

    def __init__(self, job_id: int, *, using: str = "default"):
        super().__init__(app_settings.SENSI_JOBS_PROGRESS_INTERVAL)
        self.job_id = job_id
        self.using = using
        self._side_connection = None
        self.latest: tuple[int, int | None, str] | None = None  # written at the job's end

    def __call__(self, done: int, total: int | None = None, stage: str = "") -> None:
        self.latest = (done, total, stage)
        if not self.due(done, total, stage):
            return
        connection = self._connection()
        if connection is None:
            return
        table = connection.ops.quote_name("jobs_job")
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET done = %s, total = %s, stage = %s, heartbeat_at = %s"
                " WHERE id = %s",
                [max(done, 0), total, stage[:120], timezone.now(), self.job_id],
            )

    def _connection(self):
        default = connections[self.using]
        if default.vendor != "postgresql":
            return None if transaction.get_connection(self.using).in_atomic_block else default
        if self._side_connection is None:
            self._side_connection = connections.create_connection(self.using)
            self._side_connection.set_autocommit(True)
        return self._side_connection

    def close(self) -> None:
        if self._side_connection is not None:
            self._side_connection.close()
            self._side_connection = None


class Heartbeat:
    """A running job's sign of life while its work is silent (a long query, a PDF being
    laid out): a thread that stamps `heartbeat_at` every SENSI_JOBS_HEARTBEAT_SECONDS through
    a connection of its own. PostgreSQL only: SQLite has one writer at a time, and the job's
    own transaction may hold it; there the progress writes are the sign of life."""

    def __init__(self, job_id: int, *, using: str = "default"):
        self.job_id = job_id
        self.using = using
        self._stop = threading.Event()
        self._thread = None

    def __enter__(self):
        if connections[self.using].vendor == "postgresql":
            self._thread = threading.Thread(target=self._beat, name="job-heartbeat", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _beat(self) -> None:
        connection = connections.create_connection(self.using)
        try:
            connection.set_autocommit(True)
            table = connection.ops.quote_name("jobs_job")
            while not self._stop.wait(app_settings.SENSI_JOBS_HEARTBEAT_SECONDS):
                with connection.cursor() as cursor:
                    cursor.execute(
                        f"UPDATE {table} SET heartbeat_at = %s WHERE id = %s AND state = %s",
                        [timezone.now(), self.job_id, "running"],
                    )
        finally:
            connection.close()


class TerminalProgress(_Throttled):
    """A one-line text progress bar on stderr, for the management commands; silent when
    stderr is not a terminal (cron, logs) or when asked to be quiet."""

    WIDTH = 30

    def __init__(self, stream: TextIO | None = None, *, enabled: bool = True):
        super().__init__(0.1)
        # A command's self.stderr (Django's OutputWrapper would end each write with a newline).
        self.stream = getattr(stream, "_out", stream) or sys.stderr
        self.enabled = enabled and self.stream.isatty()
        self.drawn = False

    def __call__(self, done: int, total: int | None = None, stage: str = "") -> None:
        if not self.enabled or not self.due(done, total, stage):
            return
        if total:
            filled = min(self.WIDTH, done * self.WIDTH // total)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            text = f"[{bar}] {done * 100 // total:3d}% {done:,}/{total:,}"
        else:
            text = f"{done:,}"
        self.stream.write(f"\r{stage} {text}".strip().ljust(79)[:79] + "\r")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """Clear the bar's line, so what the command prints next starts clean."""
        if self.drawn:
            self.stream.write("\r" + " " * 79 + "\r")
            self.stream.flush()
            self.drawn = False
