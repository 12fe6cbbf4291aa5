"""What an import did (or would do, on a dry run): the same report for the management
commands and the admin upload. Each import has its own counters, bumped by name through
`add(change)`, so a misspelt counter is an error rather than a new attribute."""

from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .table import RowError


class Outcome(StrEnum):
    REJECTED = "rejected"  # errors, nothing changed
    DRY_RUN = "dry_run"  # what would happen; nothing changed
    IMPORTED = "imported"


class Change(StrEnum):
    """What an import does with one row (or, for leavers, with one employee)."""

    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    LEFT = "left"
    REACTIVATED = "reactivated"


@dataclass
class ImportReport:
    """What every import reports; `counts()` is each import's own."""

    outcome: Outcome = Outcome.REJECTED
    errors: list[RowError] = field(default_factory=list)
    # False: the file could not be read to its end; --skip-invalid does not help then.
    readable: bool = True
    encoding: str = ""
    data_rows: int = 0

    def counts(self) -> list[tuple[str, str, int]]:
        """(key, label, number) for each count, in the order the report shows them."""
        raise NotImplementedError

    def headline(self) -> str:
        if self.outcome == Outcome.REJECTED:
            return _("The file was not imported; nothing was changed.")
        if self.outcome == Outcome.DRY_RUN:
            return _("Dry run: this is what the import would do; nothing was changed.")
        return _("The file was imported.")


# With a context: bare "created" and "updated" already mean other things in the catalogues of
# Wagtail and Django.
def _created_updated_unchanged(report) -> list[tuple[str, str, int]]:
    return [
        ("created", pgettext("HR import", "created"), report.created),
        ("updated", pgettext("HR import", "updated"), report.updated),
        ("unchanged", pgettext("HR import", "unchanged"), report.unchanged),
    ]


@dataclass
class EmployeeReport(ImportReport):
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    left: int = 0
    reactivated: int = 0
    skipped: int = 0
    # Who leaves and who comes back, so that a dry run of a full export can be checked
    # before anyone loses their account.
    left_personnel_numbers: list[str] = field(default_factory=list)
    reactivated_personnel_numbers: list[str] = field(default_factory=list)

    def add(self, change: Change, personnel_number: str) -> None:
        match change:
            case Change.CREATED:
                self.created += 1
            case Change.UPDATED:
                self.updated += 1
            case Change.UNCHANGED:
                self.unchanged += 1
            case Change.LEFT:
                self.left += 1
                self.left_personnel_numbers.append(personnel_number)
            case Change.REACTIVATED:
                self.reactivated += 1
                self.reactivated_personnel_numbers.append(personnel_number)

    def counts(self) -> list[tuple[str, str, int]]:
        return [
            *_created_updated_unchanged(self),
            ("left", pgettext("HR import", "marked as left"), self.left),
            ("reactivated", pgettext("HR import", "re-activated"), self.reactivated),
            ("skipped", pgettext("HR import", "rows skipped because of errors"), self.skipped),
        ]


@dataclass
class OrganisationReport(ImportReport):
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, change: Change) -> None:
        match change:
            case Change.CREATED:
                self.created += 1
            case Change.UPDATED:
                self.updated += 1
            case Change.UNCHANGED:
                self.unchanged += 1
            case _:
                raise ValueError(f"an organisation import does not count {change!r}")

    def counts(self) -> list[tuple[str, str, int]]:
        return _created_updated_unchanged(self)
