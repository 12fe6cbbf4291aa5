from pathlib import Path

from compliance.imports.organisation import import_organisation
from compliance.management.commands.import_employees import ImportCommand


class Command(ImportCommand):
    """Import Ressorts and Dienststellen (`Art;Kürzel;Name;Ressort;Übergeordnet`, layout in
    docs/hr-import.md), which the employee import refers to by code.

    Creates what is new, renames and moves what changed (within its Ressort) and deletes
    nothing. A file with errors changes nothing and exits with status 1; `--dry-run` reports
    what would happen. Running the same file twice changes nothing the second time.
    """

    help = "Import Ressorts and Dienststellen from a CSV file (see docs/hr-import.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="';'-separated CSV, UTF-8 or Windows-1252")
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would change; change nothing"
        )

    def handle(self, *args, file: Path, dry_run, verbosity, **options):
        report = import_organisation(self.read(file), dry_run=dry_run)
        self.report(report, verbosity=verbosity)
