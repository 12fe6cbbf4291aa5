from django.core.management.base import BaseCommand
from django.utils import timezone

from courses.review_reminders import Reminded, send_review_reminders


class Command(BaseCommand):
    """E-mail the Redaktion about modules whose "review by" date is near or past. Meant for a
    daily cron job; idempotent: one reminder per module and review date, however often it
    runs (courses/review_reminders.py).

    Output: a summary at verbosity 1, each module at 2; --dry-run lists the modules at
    verbosity 1 and neither sends nor records anything.
    """

    help = "Remind the Redaktion of modules that are due for a content review."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only list the modules that would be reminded of; send and record nothing.",
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        def report(reminded: Reminded) -> None:
            if verbosity >= 2 or (dry_run and verbosity >= 1):
                module = reminded.module
                self.stdout.write(f"{module.review_by} {module.title} (page {module.pk})")

        done = send_review_reminders(today=timezone.localdate(), dry_run=dry_run, report=report)
        if verbosity >= 1:
            if dry_run:
                self.stdout.write(f"Dry run: {len(done)} modules would be reminded of.")
            elif done and not done[0].recipients:
                self.stdout.write(
                    self.style.WARNING("Nobody in the review group has an e-mail address.")
                )
            else:
                self.stdout.write(self.style.SUCCESS(f"Reminded of {len(done)} modules."))
