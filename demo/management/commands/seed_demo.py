from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo import editorial, gamification, impulses, organisation, scale, seed, selfcheck, seminars


class Command(BaseCommand):
    """Load the demo site, curriculum, editorial groups, demo accounts and organisation
    (Ressorts, Dienststellen, employees, obligations, some acknowledgements).

    Idempotent: what exists already is left as it is. Demo accounts share one published
    password, so they are refused outside development unless explicitly allowed.

    With --employees N it then generates a large organisation for load tests (see
    demo/scale.py): ten Ressorts, 300 more Dienststellen, eight obligations and N employees
    with acknowledgements over 18 months. That part is additive, not idempotent: each run
    adds N more employees (the ledger is append-only, so generated ones are never removed).
    """

    help = "Load demo content and demo accounts (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-demo-accounts",
            action="store_true",
            help="Create the demo accounts even though DEBUG is off (never in production).",
        )
        parser.add_argument(
            "--employees",
            type=int,
            default=0,
            help="Also generate this many employees with statuses and ledger entries "
            "(additive: each run adds more).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=2021,
            help="Random seed of the generated organisation (with --employees).",
        )

    def handle(self, *args, **options):
        if options["employees"] < 0:
            raise CommandError("--employees must not be negative.")
        if not settings.DEBUG and not options["allow_demo_accounts"]:
            raise CommandError(
                "DEBUG is off: demo accounts with a known password would be created. "
                "Pass --allow-demo-accounts if this is really a demo installation."
            )
        homes = seed.seed_site()
        modules = seed.seed_curriculum(homes)
        seed.seed_editorial_groups(homes)
        editorial.seed_review_dates(modules)
        accounts = seed.seed_accounts()
        obligations = organisation.seed_organisation(modules)
        selfcheck.seed_selfcheck()
        impulses.seed_impulses(homes["de"], english_home=homes["en"])
        gamification.seed_gamification()
        seminars.seed_seminars(modules)
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo site ready with {len(modules)} modules and "
                    f"{len(obligations)} obligations."
                )
            )
            self.stdout.write(f"Demo logins (password for all: {seed.DEMO_PASSWORD}):")
            for account in accounts:
                self.stdout.write(f"  {account.role:<14} {account.email}")
        if options["employees"] > 0:
            self.generate(options["employees"], options["seed"], options["verbosity"])

    def generate(self, employees: int, random_seed: int, verbosity: int) -> None:
        def progress(message: str) -> None:
            if verbosity >= 2:
                self.stdout.write(f"  {message}")

        result = scale.generate(employees=employees, seed=random_seed, progress=progress)
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Generated {result.employees} employees in {result.dienststellen} "
                    f"Dienststellen with {result.statuses} statuses and "
                    f"{result.ledger_entries} ledger entries "
                    f"in {result.seconds['total']:.1f} s."
                )
            )
