"""compliance.ledger.messages: on PostgreSQL the database writes the bytes an entry's hash
covers; they must be exactly the bytes the append path hashed, for every format and value."""

import hashlib
import hmac
import json
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from django.db import connection

from compliance.ledger import keys as ledger_keys
from compliance.ledger import messages, verify
from compliance.models import LedgerEntry
from compliance.models.ledger import (
    HASHED_FIELDS,
    HASHED_FIELDS_V2,
    HASHED_FIELDS_V3,
    VERIFIED_FIELDS,
    canonical,
    compute_entry_hash,
    content_problem,
    entry_content,
    personal_digest,
)
from tests.factories import UserFactory, employee, obligation

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL writes the JSON"),
]

FIELDS = {1: HASHED_FIELDS, 2: HASHED_FIELDS_V2, 3: HASHED_FIELDS_V3}
BERLIN = ZoneInfo("Europe/Berlin")
TIMES = [
    datetime(2026, 3, 29, 1, 59, 59, tzinfo=UTC),  # no microseconds
    datetime(2026, 3, 29, 3, 0, 0, 1, tzinfo=BERLIN),  # one microsecond, summer time
    datetime(2026, 10, 25, 2, 30, 0, 999_999, tzinfo=BERLIN, fold=1),  # the hour twice
    datetime(2026, 1, 1, 0, 0, 0, 120_000, tzinfo=timezone(timedelta(hours=14))),
    datetime(2025, 12, 31, 23, 59, 59, 500_000, tzinfo=timezone(timedelta(hours=-12))),
    datetime(1, 1, 1, 0, 0, 0, tzinfo=UTC),
    datetime(2000, 10, 10, 10, 0, 0, tzinfo=UTC),  # zeros before the missing fraction
    datetime(2000, 1, 1, 0, 0, 10, 100_000, tzinfo=UTC),
    datetime(1000, 1, 1, 0, 0, 0, 1, tzinfo=UTC),
    datetime(9999, 12, 31, 23, 59, 59, 999_999, tzinfo=UTC),
]
ASCII = "".join(chr(c) for c in range(1, 128))  # PostgreSQL text holds no NUL
REASONS = [
    "",
    "Papier 3",
    'Papier: „Prüfung“ \\ "zitiert"\n☂',
    ASCII,
    "😀 außerhalb der BMP",
    "\u2028\u2029\x7f\x1f",
    "Ende mit Backslash \\",
]
LANGUAGES = ["de", "en", "", 'd"e', "dé", "de\\"]


def entries(person, version, admin):
    """Value sets of every format and kind, and of the edge values."""
    key_id = ledger_keys.signing_key()[0]
    n = 0
    for hash_format in (1, 2, 3):
        for kind in LedgerEntry.Kind.values:
            for time in TIMES:
                for reason in REASONS:
                    n += 1
                    language = LANGUAGES[n % len(LANGUAGES)]
                    anonymised = hash_format != 1 and n % 5 == 0
                    yield {
                        "seq": 10_000 + n,
                        "kind": kind,
                        "employee_id": None if anonymised or n % 7 == 0 else person.pk,
                        "obligation_version_id": None if kind == "boundary" else version.pk,
                        "language": language,
                        "text_hash": hashlib.sha256(str(n).encode()).hexdigest(),
                        "confirmed_at": time,
                        "recorded_at": TIMES[n % len(TIMES)],
                        "recorded_by_id": None if anonymised or n % 2 else admin.pk,
                        "reason": "" if anonymised else reason,
                        "previous_hash": hashlib.sha256(str(n - 1).encode()).hexdigest(),
                        "hash_format": hash_format,
                        "personal_digest": "",
                        "personal_salt": "" if anonymised or hash_format == 1 else f"{n:032x}",
                        "anonymised_at": TIMES[0] if anonymised else None,
                        "key_id": key_id if hash_format == 3 else "",
                    }


def store(values):
    if values["anonymised_at"]:  # the digest of personal fields that are gone
        values["personal_digest"] = hashlib.sha256(b"gone").hexdigest()
    elif values["hash_format"] != 1:
        values["personal_digest"] = personal_digest(values)
    values["entry_hash"] = compute_entry_hash(values)
    LedgerEntry(**values).save(force_insert=True)
    return values


def database_rows(timezone_name="UTC", datestyle="ISO, MDY"):
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL TIME ZONE '{timezone_name}'")
        cursor.execute(f"SET LOCAL datestyle = '{datestyle}'")
    batches = verify._postgresql_batches(connection.alias, 0, 10**9)
    return {row[0]: row for batch in batches for row in batch}


@pytest.fixture
def people():
    return employee(), obligation().versions.get(), UserFactory()


@pytest.fixture
def stored(people):
    return {values["seq"]: store(values) for values in entries(*people)}


@pytest.fixture
def some(people):
    return {values["seq"]: store(values) for n, values in enumerate(entries(*people)) if n % 3 == 0}


@pytest.mark.parametrize(
    "session", [("UTC", "ISO, MDY"), ("Pacific/Kiritimati", "SQL, DMY"), ("America/Adak", "German")]
)
def test_the_database_writes_the_bytes_the_append_path_hashed(stored, session):
    rows = database_rows(*session)
    plain_content = plain_personal = 0
    for seq, values in stored.items():
        *_, personal, content = rows[seq]
        fields = FIELDS[values["hash_format"]]
        hashed = canonical(entry_content(**{field: values[field] for field in fields}))
        if messages.plain(content, messages.CONTENT_QUOTES[values["hash_format"]]):
            assert content == hashed
            plain_content += 1
        else:  # left to the definition: only where a string needs escaping
            strings = [values[f] for f in fields if isinstance(values[f], str)]
            assert any(json.dumps(value) != f'"{value}"' for value in strings)
        salted = {
            **{field: values[field] for field in ("employee_id", "reason", "recorded_by_id")},
            "salt": values["personal_salt"],
        }
        if messages.plain(personal, messages.PERSONAL_QUOTES):
            assert personal == canonical(salted)
            plain_personal += 1
        else:  # unicode or escapes in the reason: read back as JSON and written again
            assert json.loads(personal) == salted
            assert canonical(json.loads(personal)) == canonical(salted)
    # The common case takes the fast path.
    assert plain_content > len(stored) / 3 and plain_personal > len(stored) / 3


def test_the_fast_check_agrees_with_the_definition_on_every_entry(stored):
    check = verify._reader(connection.alias)[1]
    fast = messages.row_checker(dict(ledger_keys.configured()))
    rows = database_rows()
    verdicts = set()
    for seq in stored:
        assert check(rows[seq]) is None
        verdicts.add(fast(rows[seq]))
    assert verdicts == {None, messages.SLOW}


TAMPERED = [  # SET clauses
    ("reason = 'Papier 4'", []),
    ("reason = 'Prüfung'", []),
    ("language = 'en'", []),
    ("language = 'dé'", []),
    ("kind = 'correction'", []),
    ("employee_id = NULL", []),
    ("recorded_by_id = NULL", []),
    ("obligation_version_id = NULL", []),
    ("personal_salt = %s", ["0" * 32]),
    ("text_hash = upper(text_hash)", []),
    ("previous_hash = %s", ["0" * 64]),
    ("hash_format = 2", []),
    ("hash_format = 7", []),
    ("key_id = 'other'", []),
    ("key_id = ''", []),
    ("anonymised_at = %s", [TIMES[0]]),
    ("anonymised_at = NULL", []),
    (
        "confirmed_at = confirmed_at + interval '1 microsecond' WHERE mod(seq, 2) = 0"
        " AND confirmed_at < '9999-01-01'",
        [],
    ),  # fmt: skip
    ("recorded_at = date_trunc('second', recorded_at)", []),
    ("entry_hash = reverse(entry_hash)", []),
]


@pytest.mark.parametrize("tampering", TAMPERED, ids=lambda t: t[0][:24])
def test_a_changed_row_gets_the_verdict_of_the_definition(some, tampering):
    from tests.compliance.ledger.test_verify import raw_sql

    raw_sql(f"UPDATE compliance_ledgerentry SET {tampering[0]}", tampering[1])
    check = verify._reader(connection.alias)[1]
    rows = database_rows()
    verdicts = set()
    for entry in LedgerEntry.objects.all():
        expected = content_problem(entry.values(), entry.entry_hash)
        assert check(rows[entry.seq]) == expected, (entry.seq, tampering)
        verdicts.add(expected)
    assert verdicts - {None}


def test_an_anonymised_entry_counts_zero_as_empty_as_the_definition_does(stored):
    from tests.compliance.ledger.test_verify import raw_sql

    anonymised = next(v for v in stored.values() if v["anonymised_at"])
    raw_sql("UPDATE compliance_ledgerentry SET employee_id = 0 WHERE seq = %s", [anonymised["seq"]])
    entry = LedgerEntry.objects.get(seq=anonymised["seq"])
    row = database_rows()[entry.seq]
    assert content_problem(entry.values(), entry.entry_hash) is None
    assert verify._reader(connection.alias)[1](row) is None
    raw_sql("UPDATE compliance_ledgerentry SET employee_id = NULL WHERE employee_id = 0", [])


@pytest.mark.parametrize("length", [1, 32, 63, 64, 65, 200])
def test_the_hmac_with_its_key_prepared_is_hmac_sha256(length):
    secret = bytes(range(256))[:length] * 1
    mac = messages.hmac_sha256(secret)
    for message in (b"", b"x", bytes(range(256)) * 3):
        assert mac(message) == hmac.new(secret, message, hashlib.sha256).hexdigest()


def test_verified_fields_are_all_in_the_rows_the_database_writes():
    """A new hashed field must be added to the SQL too (`messages.FORMATS`)."""
    hashed = {*HASHED_FIELDS, *HASHED_FIELDS_V2, *HASHED_FIELDS_V3}
    assert hashed <= set(VERIFIED_FIELDS)
    for number, fields in messages.FORMATS.items():
        assert set(messages.CONTENT[number]) == set(fields)
