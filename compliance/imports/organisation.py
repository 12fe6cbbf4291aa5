"""The organisation import: Ressorts and Dienststellen, which the employee import refers to
by code (`Art;Kürzel;Name;Ressort;Übergeordnet`, layout in docs/hr-import.md).

It creates what is new, renames and moves what changed (within its Ressort) and deletes
nothing. A file with errors changes nothing; running the same file twice changes nothing the
second time.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from compliance.models import Dienststelle, Ressort

from .reports import Change, OrganisationReport, Outcome
from .table import (
    Candidate,
    Column,
    RowError,
    Table,
    cell_problem,
    flag_duplicates,
    read_table,
)

ORGANISATION_COLUMNS = (
    Column("kind", "Art"),
    Column("code", "Kürzel", max_length=40),
    Column("name", "Name", max_length=200),
    Column("ressort", "Ressort", max_length=20),
    Column("parent", "Übergeordnet", required=False, max_length=40),
)
KINDS = {"ressort": "ressort", "dienststelle": "dienststelle"}  # casefolded "Art" -> kind
RESSORT_CODE_LENGTH = 20


@dataclass(frozen=True)
class OrganisationRow:
    line: int
    kind: str  # "ressort" or "dienststelle"
    code: str
    name: str
    ressort: str = ""  # a Dienststelle's Ressort
    parent: str = ""  # a Dienststelle's parent Dienststelle; empty: top level of its Ressort


def parse_organisation(data: bytes) -> tuple[Table, list[OrganisationRow]]:
    """The rows of an organisation file; its errors are in the table."""
    table = read_table(data, ORGANISATION_COLUMNS)
    candidates = [
        Candidate(line, values, _check_organisation_values(values))
        for line, values in table.valid_records()
    ]
    for kind in KINDS.values():
        same_kind = [c for c in candidates if KINDS.get(c.values["kind"].casefold()) == kind]
        flag_duplicates(same_kind, "code", "Kürzel", str.casefold)
    rows = []
    for candidate in candidates:
        table.errors.extend(RowError(candidate.line, p) for p in candidate.problems)
        if not candidate.problems:
            values = candidate.values
            rows.append(
                OrganisationRow(
                    line=candidate.line,
                    kind=KINDS[values["kind"].casefold()],
                    code=values["code"],
                    name=values["name"],
                    ressort=values["ressort"],
                    parent=values.get("parent", ""),
                )
            )
    table.errors.sort(key=lambda error: error.line)
    return table, rows


def _check_organisation_values(values: dict[str, str]) -> list[str]:
    problems = []
    kind = KINDS.get(values["kind"].casefold())
    if kind is None:
        problems.append(
            _("“Art” must be “Ressort” or “Dienststelle”, not “%(value)s”.")
            % {"value": values["kind"]}
        )
    required = ["code", "name"] + (["ressort"] if kind == "dienststelle" else [])
    for column in ORGANISATION_COLUMNS:
        value = values.get(column.key, "")
        if column.key in required and not value:
            problems.append(_("“%(column)s” is empty.") % {"column": column.header})
        elif problem := cell_problem(column, value):
            problems.append(problem)
    if kind == "ressort":
        if values["ressort"] or values.get("parent"):
            problems.append(_("Leave “Ressort” and “Übergeordnet” empty in the row of a Ressort."))
        if len(values["code"]) > RESSORT_CODE_LENGTH:
            problems.append(
                _("The “Kürzel” of a Ressort has at most %(max)d characters.")
                % {"max": RESSORT_CODE_LENGTH}
            )
    return problems


@dataclass
class _Office:
    """A Dienststelle as the organisation will be: from the database, changed by the file."""

    code: str
    ressort: str  # casefolded Ressort code
    parent: str  # casefolded code of the parent it will have, "" at the top
    node: Dienststelle | None = None  # None: not in the database yet
    parent_now: str = ""  # casefolded code of its parent in the database


def _existing_offices() -> dict[str, _Office]:
    nodes = list(Dienststelle.objects.select_related("ressort"))
    code_by_path = {node.path: node.code.casefold() for node in nodes}
    offices = {}
    for node in nodes:
        parent = code_by_path.get(node.path[: -Dienststelle.steplen], "")
        offices[node.code.casefold()] = _Office(
            node.code, node.ressort.code.casefold(), parent, node, parent
        )
    return offices


def _check_organisation(
    rows: Sequence[OrganisationRow], ressort_codes: set[str], offices: dict[str, _Office]
) -> list[RowError]:
    """Check the Dienststelle rows against the organisation they and the database make up;
    `offices` is updated to that organisation."""
    errors = []
    office_rows = [row for row in rows if row.kind == "dienststelle"]
    for row in office_rows:
        key, ressort = row.code.casefold(), row.ressort.casefold()
        existing = offices.get(key)
        if ressort not in ressort_codes:
            errors.append(
                RowError(row.line, _("Unknown Ressort “%(code)s”.") % {"code": row.ressort})
            )
        elif existing and existing.ressort != ressort:
            errors.append(
                RowError(
                    row.line,
                    _(
                        "Dienststelle “%(code)s” belongs to Ressort “%(actual)s”; the import "
                        "does not move a Dienststelle to another Ressort."
                    )
                    % {"code": row.code, "actual": existing.node.ressort.code},
                )
            )
        offices[key] = _Office(
            row.code,
            ressort,
            row.parent.casefold(),
            existing.node if existing else None,
            existing.parent_now if existing else "",
        )
    for row in office_rows:
        if not row.parent:
            continue
        office, parent = offices[row.code.casefold()], offices.get(row.parent.casefold())
        if parent is None:
            problem = _("Unknown parent Dienststelle “%(code)s”.") % {"code": row.parent}
        elif parent.ressort != office.ressort:
            problem = _("The parent Dienststelle “%(code)s” belongs to another Ressort.") % {
                "code": row.parent
            }
        elif _is_below(parent, office, offices):
            problem = _("Dienststelle “%(code)s” would be placed below itself.") % {
                "code": row.code
            }
        else:
            continue
        errors.append(RowError(row.line, problem))
    return errors


def _is_below(candidate: _Office | None, office: _Office, offices: dict[str, _Office]) -> bool:
    """Whether `candidate` is `office` or lies below it: then it cannot be its parent."""
    seen = set()
    while candidate is not None:
        if candidate is office:
            return True
        if candidate.code.casefold() in seen:
            return False  # a cycle further up, reported at its own rows
        seen.add(candidate.code.casefold())
        candidate = offices.get(candidate.parent)
    return False


@transaction.atomic
def apply_organisation(rows: Sequence[OrganisationRow]) -> OrganisationReport:
    """Create and rename Ressorts and Dienststellen and place each Dienststelle below its
    parent. Nothing is deleted: Dienststellen missing from the file may still have
    employees. Running the same rows twice changes nothing the second time."""
    report = OrganisationReport(outcome=Outcome.IMPORTED)
    ressorts = {r.code.casefold(): r for r in Ressort.objects.all()}
    offices = _existing_offices()
    file_ressorts = {row.code.casefold() for row in rows if row.kind == "ressort"}
    report.errors = _check_organisation(rows, set(ressorts) | file_ressorts, offices)
    if report.errors:
        report.outcome = Outcome.REJECTED
        return report
    for row in rows:
        if row.kind == "ressort":
            report.add(_save_ressort(row, ressorts))
    office_rows = {row.code.casefold(): row for row in rows if row.kind == "dienststelle"}
    for key in _parents_first(office_rows, offices):
        report.add(_save_office(office_rows[key], offices, ressorts))
    return report


def _save_ressort(row: OrganisationRow, ressorts: dict[str, Ressort]) -> Change:
    ressort = ressorts.get(row.code.casefold())
    if ressort is None:
        ressorts[row.code.casefold()] = Ressort.objects.create(code=row.code, name=row.name)
        return Change.CREATED
    if ressort.name == row.name:
        return Change.UNCHANGED
    ressort.name = row.name
    ressort.save(update_fields=["name"])
    return Change.UPDATED


def _parents_first(office_rows: dict[str, OrganisationRow], offices: dict[str, _Office]):
    """The codes of the rows, each after the row of its parent (there are no cycles)."""
    order: list[str] = []

    def visit(key: str) -> None:
        if key in office_rows and key not in order:
            visit(offices[key].parent)
            order.append(key)

    for key in office_rows:
        visit(key)
    return order


def _save_office(
    row: OrganisationRow, offices: dict[str, _Office], ressorts: dict[str, Ressort]
) -> Change:
    """Create, rename or move one Dienststelle. Tree changes go through treebeard, which keeps
    the materialised paths right; nodes are read afresh for them, since every insertion or
    move may shift the paths of others."""
    office = offices[row.code.casefold()]
    parent = offices[office.parent].node if office.parent else None
    if office.node is None:
        fields = {"ressort": ressorts[office.ressort], "code": row.code, "name": row.name}
        if parent is None:
            office.node = Dienststelle.add_root(**fields)
        else:
            office.node = Dienststelle.objects.get(pk=parent.pk).add_child(**fields)
        return Change.CREATED
    moved = office.parent != office.parent_now
    renamed = office.node.name != row.name
    if moved:
        node = Dienststelle.objects.get(pk=office.node.pk)
        if parent is None:
            node.move(Dienststelle.get_first_root_node(), "sorted-sibling")
        else:
            node.move(Dienststelle.objects.get(pk=parent.pk), "sorted-child")
    if renamed:
        Dienststelle.objects.filter(pk=office.node.pk).update(name=row.name)
    return Change.UPDATED if moved or renamed else Change.UNCHANGED


def import_organisation(data: bytes, *, dry_run: bool = False) -> OrganisationReport:
    """Read and apply an organisation file; a file with errors changes nothing."""
    table, rows = parse_organisation(data)
    report = OrganisationReport(
        encoding=table.encoding, data_rows=len(table.records), readable=table.readable
    )
    if table.errors:
        report.errors = table.errors
        return report
    with transaction.atomic():
        applied = apply_organisation(rows)
        if dry_run and applied.outcome == Outcome.IMPORTED:
            applied.outcome = Outcome.DRY_RUN
            transaction.set_rollback(True)
    applied.encoding, applied.data_rows = report.encoding, report.data_rows
    return applied
