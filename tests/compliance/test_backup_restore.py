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


def database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def test_the_check_compares_triggers_and_row_counts_with_the_live_database(tmp_path):
    obligation()
    done = subprocess.run([SCRIPT, database_url()], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "triggers and row counts match" in done.stdout


def test_media_files_missing_from_the_backup_are_listed(tmp_path):
    from wagtail.documents.models import Document
    from wagtail.models import Collection

    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    Document.objects.create(title="Richtlinie", file="documents/richtlinie.pdf", collection=root)
    media = tmp_path / "media"
    media.mkdir()
    env = {**os.environ, "SENSI_BACKUP_MEDIA_DIR": str(media)}
    done = subprocess.run(
        [SCRIPT, database_url()], capture_output=True, text=True, timeout=300, env=env
    )
    assert done.returncode == 1
    assert "media file missing from the backup: documents/richtlinie.pdf" in done.stderr
    (media / "documents").mkdir()
    (media / "documents" / "richtlinie.pdf").write_bytes(b"%PDF")
    done = subprocess.run(
        [SCRIPT, database_url()], capture_output=True, text=True, timeout=300, env=env
    )
    assert done.returncode == 0, done.stderr
