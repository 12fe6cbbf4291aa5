import time

from django.core.management.base import BaseCommand, CommandError

from compliance.ledger.verify import verify_ledger
from jobs.progress import TerminalProgress


class Command(BaseCommand):
    """Check the acknowledgement ledger's keyed hash chain and compare it with the newest
    checkpoint in the anchor file; exit 1 and name the first broken entry if anything was
    changed, inserted or deleted. On a terminal a progress bar on stderr shows how far it got.
    Run it nightly from cron; `--quick` checks only what was appended since the last intact
    check, and keeps failing after a failed check until a full check passes."""

    help = "Verify the acknowledgement ledger's hash chain."

    def add_arguments(self, parser):
        parser.add_argument(
            "--quick",
            action="store_true",
            help="only the entries appended since the last intact check",
        )

    def handle(self, *args, **options):
        started = time.perf_counter()
        progress = TerminalProgress(self.stderr, enabled=options["verbosity"] >= 1)
        try:
            result = verify_ledger(full=not options["quick"], progress=progress)
        finally:
            progress.close()
        seconds = time.perf_counter() - started
        if not result.ok:
            raise CommandError(result.summary())
        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS(f"{result.summary()} ({seconds:.1f} s)"))
