"""Partition the xAPI statement table by month of `stored`, keep months created ahead, and
drop months past the retention period (xapi/partitioning.py, docs/operations.md "Several
Länder"). Run as the database owner (like `migrate`): it creates and drops tables.

    manage.py partition_statements --dry-run      # print the conversion's SQL
    manage.py partition_statements                # convert (exclusive lock while it copies)
    manage.py partition_statements --ensure       # monthly: create the months ahead
    manage.py partition_statements --drop-expired # drop months past the retention period
    manage.py partition_statements --check        # exit 1 when fewer than 2 months are ahead
    manage.py partition_statements --revert       # back to the plain table (copies)
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from xapi import partitioning


class Command(BaseCommand):
    help = "Partition xapi_statement by month, create months ahead, drop expired months."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--ensure", action="store_true", help="Create the missing months ahead (monthly)."
        )
        action.add_argument(
            "--drop-expired",
            action="store_true",
            help="Drop the months whose statements are all past the retention period.",
        )
        action.add_argument(
            "--check",
            action="store_true",
            help="Exit with status 1 unless the table is partitioned with 2 months ahead.",
        )
        action.add_argument(
            "--revert",
            action="store_true",
            help="Back to the plain table (copies every row, exclusive lock meanwhile).",
        )
        parser.add_argument(
            "--ahead", type=int, default=3, help="Months to create after the current one."
        )
        parser.add_argument(
            "--retention-days",
            type=int,
            default=None,
            help="Retention period for --drop-expired (default: SENSI_RETENTION_LEARNING_DAYS).",
        )
        parser.add_argument(
            "--keep-old",
            action="store_true",
            help="Keep the plain table as xapi_statement_unpartitioned after converting.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Print the SQL only.")

    def handle(self, *args, ahead, dry_run, **options):
        now = timezone.now()
        try:
            if options["check"]:
                return self._check(now)
            if options["ensure"]:
                return self._run(partitioning.ensure_months_sql(now=now, ahead=ahead), dry_run)
            if options["revert"]:
                sql = partitioning.revert_sql()
                if not dry_run:
                    partitioning.run_sql(sql)
                    self.stdout.write(f"{partitioning.TABLE} is a plain table again.")
                    return None
                return self._print(sql)
            if options["drop_expired"]:
                return self._drop(now, options["retention_days"], dry_run)
            return self._convert(now, ahead, options["keep_old"], dry_run)
        except partitioning.PartitioningError as error:
            raise CommandError(str(error)) from error

    def _convert(self, now, ahead, keep_old, dry_run):
        if dry_run:
            if partitioning.is_partitioned():
                raise CommandError(f"{partitioning.TABLE} is partitioned already.")
            oldest, newest = partitioning.stored_range()
            first = partitioning.Month.of(min(oldest or now, now))
            last = max(partitioning.Month.of(newest or now), partitioning.Month.of(now))
            sql = partitioning.conversion_sql(first=first, last=last.next(ahead), keep_old=keep_old)
            return self._print(sql)
        started = timezone.now()
        partitioning.convert(now=now, ahead=ahead, keep_old=keep_old)
        months = partitioning.months()
        self.stdout.write(
            f"{partitioning.TABLE} is partitioned: {len(months)} months from {months[0]}"
            f" to {months[-1]} ({(timezone.now() - started).total_seconds():.1f} s)."
        )

    def _check(self, now):
        if not partitioning.is_partitioned():
            raise CommandError(f"{partitioning.TABLE} is not partitioned.")
        ahead = partitioning.months_ahead(now)
        if ahead < 2:
            raise CommandError(
                f"Only {max(ahead, 0)} months after this one have a partition"
                " (run partition_statements --ensure)."
                if ahead >= 0
                else "The current month has no partition: statements cannot be stored."
            )
        self.stdout.write(f"{ahead} months after this one have a partition.")

    def _drop(self, now, days, dry_run):
        if days is None:
            # privacy's setting (its default, 365, is privacy/app_settings.py's; xapi may not
            # import privacy)
            days = getattr(settings, "SENSI_RETENTION_LEARNING_DAYS", 365)
        steps = partitioning.drop_months_sql(cutoff=now - timedelta(days=days))
        if not steps:
            self.stdout.write(f"No month is entirely older than {days} days.")
        for month, sql in steps:
            if dry_run:
                self._print(sql)
                continue
            partitioning.run_sql(sql)
            self.stdout.write(f"Dropped {month}.")

    def _run(self, sql, dry_run):
        if dry_run:
            return self._print(sql)
        partitioning.run_sql(sql)
        self.stdout.write(f"Created {len(sql)} months." if sql else "Every month exists already.")

    def _print(self, sql):
        for statement in sql:
            self.stdout.write(statement.strip().rstrip(";") + ";")
