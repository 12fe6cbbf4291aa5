"""The HR upload as a background job at 250,000 rows (issue 15, "Long jobs off the request").

Uploads a generated HR export through the admin's upload view (as a signed-in superuser),
then runs `manage.py db_worker --batch` in a process of its own, polling the job's progress
as the admin page does. Prints: the upload request's time, the worker's time, rows/s, the
worker's peak memory (its maximum resident set size, `ru_maxrss`) next to that of an idle
worker (the same command run once before the upload, with nothing to do), so that the
difference is what the import itself held, and the progress seen while it ran.

    DATABASE_URL=postgres://sensi:sensi@127.0.0.1:5432/sensi_jobs \\
      .venv/bin/python bench/hr_upload_job.py --rows 250000
    .venv/bin/python bench/hr_upload_job.py --rows 20000 --db sqlite

A throw-away database (`<name of DATABASE_URL's database>_hrbench`, or an SQLite file) is
created and dropped.
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._databases import DEFAULT_POSTGRES, Postgres, SQLite  # noqa: E402


def hr_export(rows: int) -> bytes:
    header = "Personalnummer;Nachname;Vorname;E-Mail;Ressort;Dienststelle;Eintrittsdatum"
    lines = [header]
    lines += [
        f"{n:07d};Muster{n % 997};Erika;p{n}@example.org;HMdIS;HMdIS-Z;01.04.2020"
        for n in range(1, rows + 1)
    ]
    return ("\n".join(lines) + "\n").encode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=250_000)
    parser.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    options = parser.parse_args()

    admin_url = os.environ.get("DATABASE_URL") or DEFAULT_POSTGRES
    if options.db == "postgres":
        name = urlsplit(admin_url).path.lstrip("/") or "sensi"
        database = Postgres(admin_url, f"{name}_hrbench")
    else:
        database = SQLite()
    url = database.create()
    private = Path(tempfile.mkdtemp(prefix="sensi-hrbench-"))
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "SENSI_PRIVATE_ROOT": str(private),
    }
    os.environ.update(env)
    try:
        run(options, database, env)
    finally:
        database.drop()


def run(options, database, env):
    import django

    django.setup()
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client, override_settings
    from django.urls import reverse

    from compliance.models import Employee
    from jobs.models import Job
    from tests.factories import UserFactory, dienststelle, ressort, sign_in_with_mfa

    print(f"{database.describe()}, {options.rows:,} rows")
    call_command("migrate", verbosity=0)
    dienststelle("HMdIS-Z", of=ressort("HMdIS"))
    data = hr_export(options.rows)
    print(f"file: {len(data) / 1e6:.1f} MB")

    worker_env = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    worker_env["SENSI_MEDIA_ROOT"] = str(settings.MEDIA_ROOT)
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload"]
    command += ["--no-startup-delay", "--interval", "0.1", "-v", "0"]
    # ru_maxrss of the children is the largest of all waited-for children: the idle worker
    # first, so that the figure after the import is the import's worker.
    subprocess.run(command, cwd=ROOT, env=worker_env, check=True)
    idle_mb = _children_peak_mb()

    client = Client()
    sign_in_with_mfa(client, UserFactory(is_superuser=True, is_staff=True))
    tasks = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=tasks, SENSI_PRIVATE_ROOT=env["SENSI_PRIVATE_ROOT"]):
        upload = SimpleUploadedFile("export.csv", data, content_type="text/csv")
        started = time.perf_counter()
        response = client.post(
            reverse("compliance_import_employees"), {"file": upload, "dry_run": ""}
        )
        accepted = time.perf_counter() - started
    assert response.status_code == 302, response.status_code
    job = Job.objects.get()
    print(f"upload accepted in {accepted:.2f} s (HTTP {response.status_code}), job #{job.pk}")

    started = time.perf_counter()
    worker = subprocess.Popen(command, cwd=ROOT, env=worker_env)
    samples = []
    while worker.poll() is None:
        time.sleep(1)
        job.refresh_from_db()
        samples.append((time.perf_counter() - started, job.stage, job.done, job.total))
    seconds = time.perf_counter() - started
    peak_mb = _children_peak_mb()
    job.refresh_from_db()

    print(f"job: {job.state}; {job.summary.splitlines()[0] if job.summary else ''}")
    print(f"employees: {Employee.objects.count():,}")
    print(f"worker: {seconds:.1f} s, {options.rows / seconds:,.0f} rows/s")
    print(
        f"worker peak memory (max RSS): {peak_mb:.0f} MB; idle worker {idle_mb:.0f} MB; "
        f"the import's share {peak_mb - idle_mb:.0f} MB"
    )
    print("progress seen while it ran (s, stage, done, total):")
    step = max(1, len(samples) // 12)
    for at, stage, done, total in samples[::step]:
        print(f"  {at:6.1f}  {stage[:40]:<40} {done:>9,} / {total or 0:,}")


def _children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


if __name__ == "__main__":
    main()
