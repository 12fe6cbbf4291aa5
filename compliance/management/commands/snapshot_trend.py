from django.core.management.base import BaseCommand
from django.utils import timezone

from compliance.reports.snapshots import take_snapshots
from compliance.reports.trend import TREND_MONTHS, month_ends


class Command(BaseCommand):
    """Take the trend snapshots of the closed months that have none yet (the last twelve,
    or --months): run it from cron shortly after midnight on the first of each month
    (docs/operations.md). A month that has a snapshot keeps it; the trend page takes a
    missing one itself on first need, so a missed run only makes that page slower once."""

    help = "Take the monthly trend snapshots of the closed months that have none yet."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=TREND_MONTHS)

    def handle(self, *args, **options):
        written = take_snapshots(month_ends(timezone.localdate(), options["months"]))
        if options["verbosity"] >= 1:
            months = ", ".join(f"{s.month_end:%Y-%m}" for s in written) or "none"
            self.stdout.write(f"Trend snapshots taken: {months}")
