"""The bytes an entry's hash covers, written by PostgreSQL (for `compliance.ledger.verify`).

Verification must hash exactly the bytes the append path hashed (`compliance.models.ledger`:
`canonical(entry_content(...))` and `personal_digest`), but writing that JSON for a million
rows costs Python more than the hashing itself. On PostgreSQL the SELECT writes the JSON (in
C); the key never leaves the application, which still computes every HMAC and digest.

Why the bytes are the same:

- The keys are those of the format's field list in `compliance.models.ledger`, sorted as
  `json.dumps(sort_keys=True)` sorts them (the SQL is generated from those lists here), with
  `,` and `:` between them and no spaces, as `canonical` writes them.
- Integers are written by PostgreSQL's `int::text`, as Python's `repr` writes them; NULL as
  `null`.
- Times as `datetime.astimezone(UTC).isoformat()` writes them: `YYYY-MM-DDTHH:MM:SS`, then
  `.ffffff` only when the microseconds are not zero, then `+00:00`: PostgreSQL's ISO output
  of the time in UTC (whatever the session's time zone), with the fraction's trailing zeros,
  which it cuts, padded back (years 1 to 9999, as Python's).
- Strings of the content are put between quotes as they are; the personal fields (the free
  text `reason`) through `to_json`, a complete JSON escaping.
- The application uses a message only if it is `plain`: printable ASCII without a backslash,
  with exactly the quotes of its keys and string values. Then no string holds a quote or a
  character that JSON escapes, so `json.dumps` writes each string unchanged between its
  quotes: the bytes are identical. Any other personal message (unicode in a reason) is parsed
  back as JSON, which yields exactly the stored values, and written again with `canonical`;
  any other content message (only a changed row can have one) is left to the definition in
  `compliance.models.ledger` on the row read through the ORM (`SLOW`).

`tests/compliance/ledger/test_messages.py` compares both writers on every format and on the
edge values (NULL, unicode, every ASCII character, time zones, microseconds).
"""

import hashlib
import hmac
import json

from ..models.ledger import (
    HASHED_FIELDS,
    HASHED_FIELDS_V2,
    HASHED_FIELDS_V3,
    KEYED_FORMAT,
    PERSONAL_FIELDS,
    canonical,
)

INTEGERS = {"seq", "employee_id", "obligation_version_id", "recorded_by_id", "hash_format"}
TIMES = {"confirmed_at", "recorded_at"}
PERSONAL_KEYS = {**{field: field for field in PERSONAL_FIELDS}, "salt": "personal_salt"}
FORMATS = {1: HASHED_FIELDS, 2: HASHED_FIELDS_V2, KEYED_FORMAT: HASHED_FIELDS_V3}

# Bytes that no JSON writer escapes: printable ASCII except the backslash.
_UNESCAPED = bytes(b for b in range(0x20, 0x7F) if b != 0x5C)

SLOW = "slow"  # the fast check cannot tell: check the row as the ORM reads it


class _Sql(str):
    """A piece of SQL among the literal text of a message."""


NOT_NULL = {"seq", "hash_format"}


def _value_parts(column: str, escaped: bool) -> list[str]:
    if column in NOT_NULL:  # were it NULL, the whole message would be NULL: SLOW
        return [_Sql(f"{column}::text")]
    if column in INTEGERS:
        return [_Sql(f"coalesce({column}::text, 'null')")]
    if column in TIMES:
        # The ISO output (`DATESTYLE`) cuts the fraction's trailing zeros: pad it to six
        # digits; without a fraction that appends seven zeros, the only seven zeros in a
        # row such a time can hold (its other digits come in groups of at most four, the
        # fraction's six after the point), which are removed again.
        padded = f"rpad(({column} AT TIME ZONE 'UTC')::text, 26, '0')"
        return ['"', _Sql(f"replace(replace({padded}, '0000000', ''), ' ', 'T')"), '+00:00"']
    if escaped:
        escape = f"to_json({column}::text)::text"
        return [_Sql(f"CASE WHEN {column} = '' THEN '\"\"' ELSE {escape} END")]
    return ['"', _Sql(column), '"']


def _object_sql(pairs: dict[str, str], *, escaped: bool = False) -> str:
    """SQL for the canonical JSON object {key: column} (keys sorted), as UTF-8 bytes: the
    literal text between the values in as few pieces as possible."""
    parts: list[str] = []
    for n, key in enumerate(sorted(pairs)):
        parts += [
            ("{" if n == 0 else ",") + json.dumps(key) + ":",
            *_value_parts(pairs[key], escaped),
        ]
    parts.append("}")
    merged: list[str] = []
    for part in parts:
        if merged and not isinstance(part, _Sql) and not isinstance(merged[-1], _Sql):
            merged[-1] += part
        else:
            merged.append(part)
    sql = " || ".join(part if isinstance(part, _Sql) else f"'{part}'" for part in merged)
    return f"convert_to({sql}, 'UTF8')"


def _quotes(pairs: dict[str, str]) -> int:
    """The quotes of a plain message: around each key and each string value."""
    return sum(2 if column in INTEGERS else 4 for column in pairs.values())


CONTENT = {number: {field: field for field in fields} for number, fields in FORMATS.items()}
CONTENT_QUOTES = {number: _quotes(pairs) for number, pairs in CONTENT.items()}
PERSONAL_QUOTES = _quotes(PERSONAL_KEYS)
# The personal message of an anonymised entry: every personal field empty.
ANONYMISED = canonical({"employee_id": None, "reason": "", "recorded_by_id": None, "salt": ""})


def content_sql() -> str:
    """SQL for the content message of each format (NULL for an unknown format)."""
    cases = " ".join(f"WHEN {n} THEN {_object_sql(pairs)}" for n, pairs in CONTENT.items())
    return f"CASE hash_format {cases} END"


def personal_sql() -> str:
    """SQL for the personal fields and the salt as `personal_digest` hashes them."""
    return _object_sql(PERSONAL_KEYS, escaped=True)


# What the fast check reads of a row: the chain's columns first, as verify reads them.
ROW_COLUMNS = (
    "seq",
    "previous_hash",
    "hash_format",
    "entry_hash",
    "key_id",
    "personal_digest",
    "anonymised_at IS NOT NULL",
)


# Times are written by their ISO output (in the transaction of the SELECT).
DATESTYLE = "SET LOCAL datestyle = 'ISO'"


def select_sql(table: str) -> str:
    """The rows `after < seq <= upto` (parameters), in order."""
    return (
        f"SELECT {', '.join(ROW_COLUMNS)}, {personal_sql()}, {content_sql()}"
        f" FROM {table} WHERE seq > %s AND seq <= %s ORDER BY seq"
    )


def plain(message: bytes | None, quotes: int) -> bool:
    """Whether `message` is written exactly as `canonical` writes it (module docstring)."""
    return (
        message is not None
        and not message.translate(None, _UNESCAPED)
        and message.count(b'"') == quotes
    )


def hmac_sha256(secret: bytes):
    """`mac(message) -> hex`: HMAC-SHA256 under `secret` (RFC 2104), with the key's inner and
    outer hash states computed once: half the CPU of `hmac.digest` per message."""
    if len(secret) > 64:
        secret = hashlib.sha256(secret).digest()
    secret = secret.ljust(64, b"\0")
    inner = hashlib.sha256(bytes(b ^ 0x36 for b in secret))
    outer = hashlib.sha256(bytes(b ^ 0x5C for b in secret))

    def mac(message: bytes) -> str:
        digest = inner.copy()
        digest.update(message)
        result = outer.copy()
        result.update(digest.digest())
        return result.hexdigest()

    return mac


def row_checker(keys: dict[str, bytes]):
    """`check(row) -> problem | None | SLOW` for rows of `select_sql`: the verdict of
    `compliance.models.ledger.content_problem`, from the messages PostgreSQL wrote."""
    macs = {key_id: hmac_sha256(secret) for key_id, secret in keys.items()}
    sha256, compare = hashlib.sha256, hmac.compare_digest
    quotes = CONTENT_QUOTES

    def check(row) -> str | None:
        _seq, _prev, hash_format, entry_hash, key_id, digest, anonymised, personal, content = row
        if not plain(content, quotes.get(hash_format)):
            return SLOW  # an unknown format or a changed row
        if hash_format != 1:
            if anonymised:  # every personal field empty (falsy, as the definition says)
                if personal != ANONYMISED and any(json.loads(personal).values()):
                    return "personal"
            else:
                if not plain(personal, PERSONAL_QUOTES):
                    personal = canonical(json.loads(personal))
                if sha256(personal).hexdigest() != digest:
                    return "personal"
        elif anonymised:
            return "content"
        if hash_format == KEYED_FORMAT:
            mac = macs.get(key_id)
            if mac is None:
                return "key"
            expected = mac(content)
        elif key_id:
            return "content"
        else:
            expected = sha256(content).hexdigest()
        return None if compare(expected, entry_hash) else "content"

    return check
