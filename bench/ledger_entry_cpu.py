"""CPU per ledger entry of verify_ledger's content check, on 20,000 freshly sealed entries,
without a database:

- generic: the definition (`content_problem`), as the check ran before issue 15;
- fast: the format-3 check that writes the JSON in Python (`verify._row_checker`, SQLite);
- messages: the check of the messages PostgreSQL writes (`messages.row_checker`): only the
  digest, the HMAC and the comparisons are left to Python.

Run: .venv/bin/python bench/ledger_entry_cpu.py"""

import os
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ENTRIES = 20_000


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()
    from compliance.ledger import keys, messages
    from compliance.ledger.verify import _row_checker
    from compliance.models.ledger import (
        GENESIS_HASH,
        HASHED_FIELDS_V3,
        VERIFIED_FIELDS,
        canonical,
        content_problem,
        entry_content,
        seal_values,
    )

    rows, written, previous, now = [], [], GENESIS_HASH, datetime.now(UTC)
    for seq in range(1, ENTRIES + 1):
        fields = {
            "seq": seq,
            "kind": "confirmation",
            "employee_id": seq,
            "obligation_version_id": 3,
            "language": "de",
            "text_hash": "c" * 64,
            "confirmed_at": now,
            "recorded_at": now,
            "recorded_by_id": None,
            "reason": "",
            "previous_hash": previous,
            "anonymised_at": None,
        }
        sealed = seal_values(fields)
        previous = sealed["entry_hash"]
        rows.append((*(sealed[f] for f in VERIFIED_FIELDS), sealed["entry_hash"]))
        personal = {f: sealed[f] for f in ("employee_id", "reason", "recorded_by_id")}
        content = entry_content(**{f: sealed[f] for f in HASHED_FIELDS_V3})
        written.append(  # a row as messages.select_sql returns it
            (
                *(sealed[f] for f in ("seq", "previous_hash", "hash_format", "entry_hash")),
                *(sealed[f] for f in ("key_id", "personal_digest")),
                False,
                canonical({**personal, "salt": sealed["personal_salt"]}),
                canonical(content),
            )
        )

    def generic():
        for row in rows:
            assert (
                content_problem(dict(zip(VERIFIED_FIELDS, row[:-1], strict=True)), row[-1]) is None
            )

    def fast():
        check = _row_checker()
        for row in rows:
            assert check(row) is None

    def by_messages():
        check = messages.row_checker(dict(keys.configured()))
        for row in written:
            assert check(row) is None

    by_messages.__name__ = "messages"
    for run in (generic, fast, by_messages, generic, fast, by_messages):
        started = time.process_time()
        run()
        per_entry = (time.process_time() - started) / ENTRIES * 1e6
        print(f"{run.__name__:<8} {per_entry:5.1f} µs CPU per entry")


if __name__ == "__main__":
    main()
