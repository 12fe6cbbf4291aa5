from pathlib import Path
from typing import BinaryIO

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from compliance.imports.employees import import_employees
from compliance.imports.reports import ImportReport, Outcome
from jobs.progress import TerminalProgress


class ImportCommand(BaseCommand):
    """Reads the file and prints a report the same way for every import: errors to stderr
    (and exit status 1 when nothing was imported), counts to stdout as verbosity allows."""

    def read(self, file: Path) -> bytes:
        with self.open(file) as opened:
            return opened.read()

    def open(self, file: Path) -> BinaryIO:
        """The file opened for reading, which an import may read more than once."""
        try:
            return file.open("rb")
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": file, "error": error}
            ) from error

    def report(self, report: ImportReport, *, verbosity: int, hint: str = "") -> None:
        for error in report.errors:
            self.stderr.write(str(error))
        if report.outcome == Outcome.REJECTED:
            raise CommandError(f"{report.headline()} {hint}".strip())
        if verbosity < 1:
            return
        style = self.style.SUCCESS if report.outcome == Outcome.IMPORTED else self.style.WARNING
        self.stdout.write(style(report.headline()))
        self.stdout.write(
            ngettext(
                "%(rows)d row read (%(encoding)s).",
                "%(rows)d rows read (%(encoding)s).",
                report.data_rows,
            )
            % {"rows": report.data_rows, "encoding": report.encoding}
        )
        for _key, label, number in report.counts():
            self.stdout.write(f"  {label}: {number}")


class Command(ImportCommand):
    """Import employees and their accounts from the HR system's CSV export (layout in
    docs/hr-import.md).

    A full export (the default) also marks everyone missing from it as left and locks their
    account; `--partial` imports a delta. A file with errors changes nothing and exits with
    status 1, unless `--skip-invalid` imports its valid rows. `--dry-run` reports what would
    happen without changing anything. Running the same file twice changes nothing the second
    time.
    """

    help = "Import employees from the HR system's CSV export (see docs/hr-import.md)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="';'-separated CSV, UTF-8 or Windows-1252")
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would change; change nothing"
        )
        parser.add_argument(
            "--partial",
            action="store_true",
            help="the file is a delta: do not mark employees missing from it as left",
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import the valid rows of a file with errors (the errors are still reported)",
        )

    def handle(self, *args, file: Path, dry_run, partial, skip_invalid, verbosity, **options):
        progress = TerminalProgress(self.stderr, enabled=verbosity >= 1)
        try:
            with self.open(file) as export:
                report = import_employees(
                    export,
                    full=not partial,
                    dry_run=dry_run,
                    skip_invalid=skip_invalid,
                    progress=progress,
                )
        finally:
            progress.close()
        hint = ""
        if report.readable and not skip_invalid:
            hint = _("Use --skip-invalid to import the valid rows anyway.")
        self.report(report, verbosity=verbosity, hint=hint)
        if verbosity >= 2:
            for label, numbers in (
                (_("Marked as left"), report.left_personnel_numbers),
                (_("Re-activated"), report.reactivated_personnel_numbers),
            ):
                if numbers:
                    self.stdout.write(f"{label}: {', '.join(numbers)}")
