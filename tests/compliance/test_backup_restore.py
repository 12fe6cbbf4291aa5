"""bin/backup-restore-check: a pg_dump of the database restores with a verifiable ledger."""

import os
import subprocess
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from compliance.services import record_correction
from tests.factories import UserFactory, employee, obligation

SCRIPT = Path(__file__).resolve().parents[2] / "bin" / "backup-restore-check"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="backups are pg_dump archives of the PostgreSQL database",
    ),
]


def test_a_restored_backup_verifies_its_ledger(tmp_path):
    person, version, admin = employee(), obligation().versions.get(), UserFactory()
    for n in range(3):
        record_correction(
            employee=person,
            version=version,
            confirmed_at=timezone.now(),
            language="de",
            reason=f"Papier {n}",
            recorded_by=admin,
        )
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    dump = tmp_path / "sensi.dump"

    done = subprocess.run([SCRIPT, url, dump], capture_output=True, text=True, timeout=300)

    assert done.returncode == 0, done.stderr
    assert "ledger verified" in done.stdout, done.stdout
    assert dump.stat().st_size > 0
