"""The router, the view marker and the consistency bound (see the package docstring)."""

import contextvars
import functools
import time
from contextlib import contextmanager
from datetime import UTC, datetime

from django.db import DatabaseError, connections
from django.utils import timezone

from . import app_settings

REPLICA = "replica"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_END = object()


class _Reads:
    """The state of one marked view: whether it has written, and where it read."""

    def __init__(self):
        self.wrote = False
        self.used_replica = False
        self.not_read_back = False


_current: contextvars.ContextVar[_Reads | None] = contextvars.ContextVar(
    "replica_reads", default=None
)
_down_until = 0.0  # per process: monotonic time until which the replica is not tried


def _replica_usable() -> bool:
    global _down_until
    if REPLICA not in connections.settings or not app_settings.SENSI_READ_REPLICA:
        return False
    if time.monotonic() < _down_until:
        return False
    try:
        connections[REPLICA].ensure_connection()
    except DatabaseError:
        _down_until = time.monotonic() + app_settings.SENSI_REPLICA_RETRY_SECONDS
        return False
    return True


def _is_cache(model) -> bool:
    """The database cache's entries (Django's CacheEntry stand-in): its table is UNLOGGED on
    PostgreSQL (accounts.receivers), so a standby cannot read it, and rate-limit counters must
    be current anyway."""
    return getattr(getattr(model, "_meta", None), "app_label", None) == "django_cache"


class ReplicaRouter:
    """Django database router: marked reads to the replica, everything else to `default`."""

    def db_for_read(self, model, **hints):
        reads = _current.get()
        if reads is None or reads.wrote or _is_cache(model) or not _replica_usable():
            return None
        reads.used_replica = True
        return REPLICA

    def db_for_write(self, model, **hints):
        reads = _current.get()
        if reads is not None and not reads.not_read_back:
            reads.wrote = True
        return None

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both nodes

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA  # a hot standby is read-only; it gets the schema by streaming


@contextmanager
def replica_reads():
    """Within the block, reads may come from the replica until the first write."""
    token = _current.set(_Reads())
    try:
        yield
    finally:
        _current.reset(token)


@contextmanager
def writes_not_read_back():
    """Writes in the block that the view does not read back (an access log entry): they
    need not keep its reads on the primary."""
    reads = _current.get()
    if reads is None:
        yield
        return
    before, reads.not_read_back = reads.not_read_back, True
    try:
        yield
    finally:
        reads.not_read_back = before


def reads_from_replica(view):
    """Mark a view whose reads may come from the replica (see the package docstring)."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        with replica_reads():
            response = view(*args, **kwargs)
            # A streamed response reads while it is sent, after the view returned: it keeps
            # the marker of its view through `streaming_content`.
            if getattr(response, "streaming", False):
                response.streaming_content = _keeping(_current.get(), response.streaming_content)
            return response

    return wrapper


def _keeping(reads: _Reads, chunks):
    chunks = iter(chunks)
    while True:
        token = _current.set(reads)
        try:
            chunk = next(chunks, _END)
        finally:
            _current.reset(token)
        if chunk is _END:
            return
        yield chunk


def consistent_through() -> datetime:
    """Up to when the current marked view's reads are complete: the last commit the replica
    replayed when it read from there (earlier commits are all visible: replay follows commit
    order), else now. A replica that has replayed no commit since it started cannot say:
    then the bound is the epoch, true though useless."""
    reads = _current.get()
    if reads is None or not reads.used_replica:
        return timezone.now()
    with connections[REPLICA].cursor() as cursor:
        cursor.execute("SELECT pg_last_xact_replay_timestamp()")
        (replayed,) = cursor.fetchone()
    return min(replayed, timezone.now()) if replayed else EPOCH
