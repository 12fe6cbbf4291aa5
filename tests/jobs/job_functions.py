"""Job functions for the tests of `jobs`, registered as the kind "tests.example"."""

from django.db import transaction

from compliance.models import Ressort
from jobs import Outcome, registry

KIND = "tests.example"
registry.register(KIND, "Example", may_start=lambda user: True)


def count(*, progress, to: int):
    for number in range(1, to + 1):
        progress(number, to, "Counting")
    return Outcome(summary=f"Counted to {to}.", file_name="count.txt", file_content=b"42")


@transaction.atomic
def create_ressort(*, progress, code: str, needs: str):
    """Writes a Ressort, then fails unless the Ressort `needs` exists: the write must not
    survive the failure, and a retry after `needs` was created must succeed."""
    Ressort.objects.create(code=code, name=f"Ressort {code}")
    progress(1, 2, "Half way")
    if not Ressort.objects.filter(code=needs).exists():
        raise RuntimeError(f"Ressort {needs} is missing")
    return Outcome(summary=f"Created {code}.")


def rejects(*, progress):
    return Outcome(ok=False, summary="Nothing done.", errors=["Line 2: bad", "Line 3: worse"])


def outlived(*, progress):
    """Works so long without a sign of life that the housekeeping takes its worker for dead
    (as `cleanup_jobs` would, from cron), then finishes after all."""
    from datetime import timedelta

    from django.utils import timezone

    from jobs.models import Job
    from jobs.services import recover_stale

    Job.objects.filter(state=Job.State.RUNNING).update(
        heartbeat_at=timezone.now() - timedelta(hours=1)
    )
    recover_stale()
    return Outcome(summary="Finished late.", file_name="late.txt", file_content=b"late")


def sleeps(*, progress, seconds: float):
    """Silent for `seconds` (a worker killed meanwhile dies mid-job)."""
    import time

    progress(0, 1, "Sleeping")
    time.sleep(seconds)
    return Outcome(summary="Slept.", file_name="slept.txt", file_content=b"slept")
