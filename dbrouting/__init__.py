"""Read-only work on a PostgreSQL streaming replica, with the primary as the fallback.

A shared base package like `pdf` and `gdpr`: it imports no app; the apps mark the views
whose reads may come from the replica (report pages and exports, LRS statement queries,
"Meine Daten") with `reads_from_replica`, and config/settings installs `ReplicaRouter`
when `DATABASE_REPLICA_URL` is set (docs/operations.md, "Replica").

- Only marked views read from the replica; everything else, and every write, uses the
  primary.
- Reads after a write in the same request stay on the primary, so that a view sees what it
  has just written; except after writes the view never reads back (`writes_not_read_back`,
  e.g. the reports' access log).
- A replica that cannot be reached is left alone for `SENSI_REPLICA_RETRY_SECONDS` and the
  primary answers instead.
- `consistent_through()` says up to when the data read is complete: the replica's last
  replayed commit, or now when the primary answered (the LRS's
  X-Experience-API-Consistent-Through, xAPI 1.0.3 Communication §2.1.3.s2.b5).
"""

from .routing import (
    ReplicaRouter,
    consistent_through,
    reads_from_replica,
    replica_reads,
    writes_not_read_back,
)

__all__ = [
    "ReplicaRouter",
    "consistent_through",
    "reads_from_replica",
    "replica_reads",
    "writes_not_read_back",
]
