import time

from django.core.management.base import BaseCommand, CommandError

from compliance.ledger import verify_ledger


class Command(BaseCommand):
    """Check the acknowledgement ledger's hash chain; exit 1 and name the first broken entry
    if anything was changed, inserted or deleted. Meant for a nightly cron job."""

    help = "Verify the acknowledgement ledger's hash chain."

    def handle(self, *args, **options):
        started = time.perf_counter()
        result = verify_ledger()
        seconds = time.perf_counter() - started
        if not result.ok:
            raise CommandError(result.summary())
        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS(f"{result.summary()} ({seconds:.1f} s)"))
