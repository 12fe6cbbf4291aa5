from django.core.management.base import BaseCommand

from compliance import app_settings as compliance_settings
from privacy import app_settings
from privacy.retention import Cutoffs, purge_expired


class Command(BaseCommand):
    """Delete learning data and reminder records older than their retention period and
    expired per-launch LRS credentials, and anonymise acknowledgement ledger entries older
    than theirs (`privacy.retention`).

    Run daily from cron. Idempotent and resumable: works in batches, one transaction each,
    and every run selects only what is still expired. `--dry-run` counts and changes
    nothing. Prints one line per kind of data (verbosity 1), or nothing (0).
    """

    help = "Delete learning data and anonymise acknowledgements past their retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="count what would go, change nothing"
        )

    def handle(self, *args, **options):
        dry_run = options["dry_run"]
        verbose = options["verbosity"] >= 1
        cutoffs = Cutoffs.from_settings()
        if verbose:
            self.stdout.write(
                f"{'Dry run: nothing is changed. ' if dry_run else ''}"
                f"Learning data before {cutoffs.learning:%Y-%m-%d %H:%M} "
                f"({app_settings.SENSI_RETENTION_LEARNING_DAYS} days), "
                f"reminders before {cutoffs.reminders:%Y-%m-%d} "
                f"({app_settings.SENSI_RETENTION_REMINDER_DAYS} days), "
                f"acknowledgements before {cutoffs.acknowledgements:%Y-%m-%d %H:%M} "
                f"({compliance_settings.SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS} days)."
            )
        verb = "would" if dry_run else "done"

        def report(kind: str, count: int) -> None:
            if verbose:
                self.stdout.write(f"  {kind}: {count} ({verb})")

        purge_expired(cutoffs=cutoffs, dry_run=dry_run, report=report)
        if verbose and not dry_run:
            self.stdout.write(self.style.SUCCESS("Expired personal data purged."))
