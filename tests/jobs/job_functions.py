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
