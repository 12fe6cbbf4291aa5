from django.core.management.base import BaseCommand, CommandError

from compliance.reminder_mails import Outcome, Recipient, send_reminders


class Command(BaseCommand):
    """E-mail employees whose obligations are due soon or overdue. Meant for a daily cron job.

    One mail per employee lists all their obligations that need a reminder; nobody hears
    about the same obligation twice within SENSI_COMPLIANCE_REMINDER_INTERVAL_DAYS, nor twice
    on one day even if two runs overlap. Each employee's reminder is logged in its own
    transaction rather than one for the whole run, so that a failure part-way does not lose
    the log of the mails already sent (see compliance/reminder_mails.py).

    Output: a summary at verbosity 1, each recipient at 2; --dry-run lists the recipients
    at verbosity 1 and neither sends nor logs anything. Exits with an error if any mail
    could not be sent (those are tried again on the next run).
    """

    help = "Send reminder e-mails about obligations that are due soon or overdue."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only list who would get a reminder; send and log nothing.",
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        def report(recipient: Recipient, outcome: Outcome) -> None:
            if outcome == Outcome.FAILED:
                self.stderr.write(f"Could not send to {recipient.email}; will try again.")
            elif verbosity >= 2 or (dry_run and verbosity >= 1):
                titles = "; ".join(f"{i.title} ({i.standing})" for i in recipient.items)
                self.stdout.write(f"{outcome.value:<10} {recipient.email}: {titles}")

        outcomes = send_reminders(dry_run=dry_run, report=report)
        if verbosity >= 1:
            if dry_run:
                summary = f"Dry run: {outcomes[Outcome.WOULD_SEND]} employees would be reminded."
            else:
                summary = (
                    f"Reminded {outcomes[Outcome.SENT]} employees; "
                    f"{outcomes[Outcome.TAKEN]} already reminded today by another run, "
                    f"{outcomes[Outcome.FAILED]} failed."
                )
            style = self.style.WARNING if outcomes[Outcome.FAILED] else self.style.SUCCESS
            self.stdout.write(style(summary))
        if outcomes[Outcome.FAILED]:
            # After everyone else was reminded: a non-zero exit, so that cron reports it.
            raise CommandError(f"{outcomes[Outcome.FAILED]} reminders could not be sent.")
