"""Checkpoints of the ledger's head, kept outside the database (`manage.py anchor_ledger`).

Whoever can write the database can delete the newest entries and move the head back: the
shorter chain is still a valid chain. A checkpoint records how far the chain reached and the
hash it had there, signed with a key derived from the ledger key, in one line of an
append-only file (`SENSI_LEDGER_ANCHOR_FILE`) and in the log (syslog). `verify_ledger`
requires the chain to reach the newest checkpoint's entry with the same hash, and the CISO
report prints the newest checkpoint so that a paper copy anchors the chain too.

A line looks like this (one line, the MAC covers everything before " mac="):

    SENSI-LEDGER-CHECKPOINT v1 seq=1234 hash=9f…e1 at=2026-12-06T03:00:00Z key=k2026 mac=5c…0a
"""

import logging
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _

from .. import app_settings
from . import keys as ledger_keys

logger = logging.getLogger("sensi.ledger.anchor")

PREFIX = "SENSI-LEDGER-CHECKPOINT v1"
LINE = re.compile(
    r"^(?P<signed>SENSI-LEDGER-CHECKPOINT v1 seq=(?P<seq>\d+) hash=(?P<hash>[0-9a-f]{64}) "
    r"at=(?P<at>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ) key=(?P<key>[A-Za-z0-9_.-]{1,16}))"
    r" mac=(?P<mac>[0-9a-f]{64})$"
)
TAIL_BYTES = 64 * 1024  # a year of daily checkpoints is about 60 kB


class AnchorError(Exception):
    pass


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    entry_hash: str
    at: datetime
    key_id: str
    mac: str = ""
    valid: bool = True  # False: the MAC does not match, or its key is not configured

    def signed_text(self) -> str:
        at = self.at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        return f"{PREFIX} seq={self.seq} hash={self.entry_hash} at={at} key={self.key_id}"

    def line(self) -> str:
        return f"{self.signed_text()} mac={self.mac}"


def _mac(signed_text: str, key_id: str) -> str:
    return ledger_keys.mac(ledger_keys.key(key_id), signed_text.encode(), purpose="checkpoint")


def sign(*, seq: int, entry_hash: str, at: datetime) -> Checkpoint:
    key_id, _secret = ledger_keys.signing_key()
    unsigned = Checkpoint(seq, entry_hash, at.replace(microsecond=0), key_id)
    return Checkpoint(**{**unsigned.__dict__, "mac": _mac(unsigned.signed_text(), key_id)})


def parse(line: str) -> Checkpoint | None:
    """A checkpoint line read back (None for any other line); `valid` says whether its MAC
    matches under a configured key."""
    match = LINE.match(line.strip())
    if not match:
        return None
    at = datetime.strptime(match["at"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    try:
        expected = _mac(match["signed"], match["key"])
    except ledger_keys.UnknownLedgerKey:
        expected = ""
    return Checkpoint(
        int(match["seq"]),
        match["hash"],
        at,
        match["key"],
        match["mac"],
        valid=bool(expected) and expected == match["mac"],
    )


def anchor_file() -> Path | None:
    path = app_settings.SENSI_LEDGER_ANCHOR_FILE
    return Path(path) if path else None


def newest_checkpoint(path: Path | None = None) -> Checkpoint | None:
    """The last checkpoint line of the anchor file (None without file or checkpoint). A
    malformed last line that starts like a checkpoint counts as an invalid checkpoint."""
    path = path or anchor_file()
    if path is None or not path.exists():
        return None
    with path.open("rb") as handle:
        handle.seek(0, os.SEEK_END)
        handle.seek(max(0, handle.tell() - TAIL_BYTES))
        lines = handle.read().decode("utf-8", "replace").splitlines()
    for line in reversed(lines):
        if line.startswith(PREFIX):
            return parse(line) or Checkpoint(0, "", timezone.now(), "", valid=False)
    return None


def checkpoint_text() -> str | None:
    """The newest checkpoint as printed in the CISO report (None without one)."""
    checkpoint = newest_checkpoint()
    return checkpoint.line() if checkpoint and checkpoint.valid else None


def anchor_problem(checkpoint: Checkpoint | None, last_seq: int, hash_at) -> str:
    """Why the chain does not match `checkpoint`, the newest one read before the chain was
    ("" when it does or there is none). `hash_at(seq)` returns the stored hash of entry
    `seq`, or None."""
    if checkpoint is None:
        return ""
    if not checkpoint.valid:
        return _("the newest checkpoint in the anchor file is not validly signed")
    if checkpoint.seq == 0:
        return ""
    when = checkpoint.at.strftime("%Y-%m-%d %H:%M UTC")
    if last_seq < checkpoint.seq:
        return _(
            "the chain ends at #%(last)s, but the checkpoint of %(when)s anchored #%(seq)s"
        ) % {"last": last_seq, "when": when, "seq": checkpoint.seq}
    if hash_at(checkpoint.seq) != checkpoint.entry_hash:
        return _("entry #%(seq)s differs from the checkpoint of %(when)s") % {
            "seq": checkpoint.seq,
            "when": when,
        }
    return ""


def append(checkpoint: Checkpoint, path: Path) -> None:
    """Append one line and flush it to disk (O_APPEND: never overwrites)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
    try:
        os.write(descriptor, (checkpoint.line() + "\n").encode())
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def anchor_now() -> Checkpoint:
    """Verify what was appended since the last intact check, then sign the head and append
    the checkpoint to the anchor file and the log. Raises AnchorError when the chain is
    broken (a broken chain is never anchored) or no anchor file is configured."""
    from ..models.ledger import GENESIS_HASH
    from .verify import verify_ledger

    path = anchor_file()
    if path is None:
        raise AnchorError(_("SENSI_LEDGER_ANCHOR_FILE is not set."))
    result = verify_ledger(full=False)
    if not result.ok:
        raise AnchorError(result.summary())
    # The head as this check verified it (an entry appended meanwhile waits for tomorrow).
    entry_hash = result.last_hash if result.entries else GENESIS_HASH
    checkpoint = sign(seq=result.entries, entry_hash=entry_hash, at=timezone.now())
    append(checkpoint, path)
    logger.info("%s", checkpoint.line())
    return checkpoint
