from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError
from django.utils import timezone
from django.utils.text import slugify

from xapi.credentials import forget_clients
from xapi.models import LRSClient


class Command(BaseCommand):
    """Manage the credentials that Moodle and other xAPI tools use for the LRS.

    xapi_client add NAME [--read] [--write]   prints key and secret once
    xapi_client list
    xapi_client revoke NAME
    """

    help = "Add, list or revoke LRS client credentials (HTTP Basic for /xapi/)."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        add = commands.add_parser("add", help="create credentials; the secret is shown once")
        add.add_argument("name")
        add.add_argument("--read", action="store_true", help="may read statements and documents")
        add.add_argument("--write", action="store_true", help="may write statements and documents")
        commands.add_parser("list", help="list clients and their rights")
        revoke = commands.add_parser("revoke", help="revoke a client's credentials")
        revoke.add_argument("name")

    def handle(self, *args, **options):
        getattr(self, f"handle_{options['action']}")(options)

    def handle_add(self, options):
        name = slugify(options["name"])
        if not name:
            raise CommandError("The name must contain letters or digits.")
        can_read, can_write = options["read"], options["write"]
        if not can_read and not can_write:
            can_read = True  # a client that may do nothing is of no use
        try:
            client, secret = LRSClient.create(name=name, can_read=can_read, can_write=can_write)
        except IntegrityError as error:
            raise CommandError(f"A client named {name!r} exists already.") from error
        self.stdout.write(self.style.SUCCESS(f"Created LRS client {client.name}."))
        self.stdout.write(f"key:    {client.key}")
        self.stdout.write(f"secret: {secret}")
        self.stdout.write("The secret is not stored and cannot be shown again.")

    def handle_list(self, options):
        clients = LRSClient.objects.order_by("name")
        if not clients:
            self.stdout.write("No LRS clients.")
        for client in clients:
            rights = "+".join(
                r for r, ok in (("read", client.can_read), ("write", client.can_write)) if ok
            )
            state = f"revoked {client.revoked_at:%Y-%m-%d}" if client.revoked_at else "active"
            self.stdout.write(f"{client.name:<24} {client.key}  {rights:<10} {state}")

    def handle_revoke(self, options):
        updated = LRSClient.objects.filter(name=options["name"], revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        if not updated:
            raise CommandError(f"No active client named {options['name']!r}.")
        forget_clients()  # running servers refuse it within SENSI_XAPI_CLIENT_CACHE_SECONDS
        self.stdout.write(self.style.SUCCESS(f"Revoked {options['name']}."))
