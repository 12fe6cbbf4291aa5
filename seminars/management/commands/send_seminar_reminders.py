from django.core.management.base import BaseCommand

from seminars.reminders import send_reminders


class Command(BaseCommand):
    """Remind registered participants of their session the day before (the window is
    SENSI_SEMINAR_REMINDER_HOURS). Idempotent: each registration is reminded once; run it
    hourly or daily from cron. --dry-run only counts."""

    help = "Send e-mail reminders of sessions starting soon (once per registration)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count, send nothing.")

    def handle(self, *args, **options):
        counts = send_reminders(dry_run=options["dry_run"])
        if options["verbosity"] >= 1:
            if options["dry_run"]:
                self.stdout.write(f"Would send {counts.would_send} reminders.")
            else:
                self.stdout.write(
                    f"Sent {counts.sent} reminders ({counts.failed} failed, "
                    f"{counts.taken} taken by another run)."
                )
        if counts.failed:
            raise SystemExit(1)
