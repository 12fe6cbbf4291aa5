from django.core.management.base import BaseCommand, CommandError

from impulses.digest import Outcome, send_digests


class Command(BaseCommand):
    """E-mail this week's impulse to the learners who opted in. Meant for a daily or weekly
    cron job: whenever it runs, each learner gets at most one e-mail per week (see
    impulses/digest.py), so running it again changes nothing.

    Output: a summary at verbosity 1, each learner at 2; --dry-run lists who would get one at
    verbosity 1 and neither sends nor logs anything. Exits with an error if any mail could
    not be sent (those are tried again on the next run).
    """

    help = "Send this week's security impulse to the learners who asked for it by e-mail."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list who would get the e-mail."
        )

    def handle(self, *args, dry_run=False, verbosity=1, **options):
        def report(user, impulse, outcome) -> None:
            if outcome == Outcome.FAILED:
                self.stderr.write(f"Could not send to {user.email}; will try again.")
            elif verbosity >= 2 or (dry_run and verbosity >= 1):
                title = impulse.title if impulse else "–"
                self.stdout.write(f"{outcome.value:<10} {user.email}: {title}")

        outcomes = send_digests(dry_run=dry_run, report=report)
        if verbosity >= 1:
            if dry_run:
                self.stdout.write(f"Dry run: {outcomes[Outcome.WOULD_SEND]} would get the e-mail.")
            else:
                self.stdout.write(f"Sent {outcomes[Outcome.SENT]} impulse e-mails.")
        if outcomes[Outcome.FAILED]:
            raise CommandError(f"{outcomes[Outcome.FAILED]} e-mails could not be sent.")
