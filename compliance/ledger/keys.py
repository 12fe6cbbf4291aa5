"""The secret keys of the acknowledgement ledger (`SENSI_LEDGER_KEYS`).

Entries of hash format 3 carry an HMAC-SHA256 over their content instead of a plain
SHA-256, with a key that is not in the database: whoever can rewrite the tables but does not
know the key cannot recompute the chain. Each entry names its key (`key_id`), so keys can be
rotated: the first key of the setting signs new entries, the others stay only to verify the
entries they signed (docs/operations.md, "Rotating the ledger key").

Checkpoints of the chain's head (`compliance.ledger.anchor`) are signed with a key derived
from the same secret, so that a checkpoint can never pass for an entry hash or the reverse.
"""

import hashlib
import hmac
import re

from django.core.exceptions import ImproperlyConfigured

from .. import app_settings

KEY_ID = re.compile(r"^[A-Za-z0-9_.-]{1,16}$")
MIN_SECRET_LENGTH = 32
DEV_SECRET_PREFIX = "dev-only"


class UnknownLedgerKey(KeyError):
    pass


def parse(pairs: list[str]) -> list[tuple[str, bytes]]:
    """`["id:secret", ...]` as (id, secret) in order; raises ValueError on a malformed pair."""
    keys = []
    for pair in pairs:
        key_id, sep, secret = pair.partition(":")
        if not sep or not KEY_ID.match(key_id) or not secret:
            raise ValueError(f"not a key_id:secret pair: {key_id or '(empty)'}")
        if key_id in dict(keys):
            raise ValueError(f"key id {key_id} appears twice")
        keys.append((key_id, secret.encode("utf-8")))
    return keys


def configured() -> list[tuple[str, bytes]]:
    try:
        return parse(app_settings.SENSI_LEDGER_KEYS)
    except ValueError as error:
        raise ImproperlyConfigured(f"SENSI_LEDGER_KEYS: {error}") from error


def signing_key() -> tuple[str, bytes]:
    """The key new entries and checkpoints are signed with: the first one."""
    keys = configured()
    if not keys:
        raise ImproperlyConfigured(
            "SENSI_LEDGER_KEYS must be set: the ledger cannot be written without its key "
            "(see docs/operations.md)."
        )
    return keys[0]


def key(key_id: str) -> bytes:
    keys = dict(configured())
    if key_id not in keys:
        raise UnknownLedgerKey(key_id)
    return keys[key_id]


def mac(secret: bytes, message: bytes, *, purpose: str = "entry") -> str:
    """HMAC-SHA256 of `message`; checkpoints use a key derived for their purpose."""
    if purpose != "entry":
        secret = hmac.new(secret, f"sensi-ledger-{purpose}".encode(), hashlib.sha256).digest()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()
