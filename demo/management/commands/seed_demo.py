from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import seed


class Command(BaseCommand):
    """Load the demo site, curriculum, editorial groups and demo accounts.

    Idempotent: what exists already is left as it is. Demo accounts share one published
    password, so they are refused outside development unless explicitly allowed.
    """

    help = "Load demo content and demo accounts (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-demo-accounts",
            action="store_true",
            help="Create the demo accounts even though DEBUG is off (never in production).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_demo_accounts"]:
            raise CommandError(
                "DEBUG is off: demo accounts with a known password would be created. "
                "Pass --allow-demo-accounts if this is really a demo installation."
            )
        homes = seed.seed_site()
        modules = seed.seed_curriculum(homes)
        seed.seed_editorial_groups(homes)
        accounts = seed.seed_accounts()
        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS(f"Demo site ready with {len(modules)} modules."))
            self.stdout.write(f"Demo logins (password for all: {seed.DEMO_PASSWORD}):")
            for account in accounts:
                self.stdout.write(f"  {account.role:<14} {account.email}")
