from django.core.management.base import BaseCommand, CommandError

from compliance.ledger.anchor import AnchorError, anchor_now


class Command(BaseCommand):
    """Sign the ledger's head and append the checkpoint to SENSI_LEDGER_ANCHOR_FILE and the
    log; print it, so that cron can hand it to syslog (`| logger -t sensi-ledger`). Run it at
    least daily (docs/operations.md). Refuses, exit 1, when the chain is broken."""

    help = "Append a signed checkpoint of the acknowledgement ledger's head to the anchor file."

    def handle(self, *args, **options):
        try:
            checkpoint = anchor_now()
        except AnchorError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(checkpoint.line())
