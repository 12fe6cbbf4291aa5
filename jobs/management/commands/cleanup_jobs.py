"""Housekeeping of background jobs, from cron every few minutes (docs/operations.md):
running jobs whose worker died are marked failed (so they can be retried), and result files
past their retention period are deleted."""

from django.core.management.base import BaseCommand

from jobs import app_settings
from jobs.services import expire_results, recover_stale


class Command(BaseCommand):
    help = "Mark running jobs without a sign of life as failed and delete expired result files."

    def handle(self, *args, **options):
        recovered = recover_stale()
        deleted = expire_results()
        verbosity = options["verbosity"]
        if verbosity >= 1 and (recovered or deleted or verbosity >= 2):
            self.stdout.write(
                f"{len(recovered)} stale job(s) marked failed"
                f"{' (' + ', '.join(map(str, recovered)) + ')' if recovered else ''}; "
                f"{deleted} result file(s) older than "
                f"{app_settings.SENSI_JOBS_RESULT_RETENTION_DAYS} days deleted."
            )
