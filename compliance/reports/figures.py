"""Figures of groups of employees, arranged as the report's tree, and the rule that withholds
the figures of small groups.

The tree: the whole scope, its Ressorts, their Dienststellen (subtrees, by materialised path)
and, under each Dienststelle, the employees placed directly in it. Each table of the report
shows one group's parts and the group's own total. Each employee is in exactly one leaf, so
the figures of the parts add up to the total.

Suppression, decided once for the whole tree so that every table and export agrees:

1. A group with fewer employees than SENSI_COMPLIANCE_MIN_GROUP_SIZE is withheld ("small").
2. Where a total is shown and exactly one of its parts is withheld, that part could be worked
   out by subtraction, so the next smallest part is withheld too ("complementary").
3. Where a total is withheld but all its parts would be shown, they would add up to it, so
   its smallest part is withheld too (this is how a complementary suppression carries on
   down to the Dienststellen).
"""

from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Figures:
    employees: int = 0
    current: int = 0  # employees whose selected acknowledgements are all current
    overdue_employees: int = 0  # employees with at least one overdue acknowledgement
    overdue: int = 0  # overdue acknowledgements (employee × obligation)
    # employees with nothing overdue but at least one acknowledgement due soon
    due_soon_employees: int = 0
    # current acknowledgements (employee × obligation) that attending a session discharged
    attended: int = 0

    def __add__(self, other: "Figures") -> "Figures":
        return Figures(
            self.employees + other.employees,
            self.current + other.current,
            self.overdue_employees + other.overdue_employees,
            self.overdue + other.overdue,
            self.due_soon_employees + other.due_soon_employees,
            self.attended + other.attended,
        )

    @property
    def open_employees(self) -> int:
        """Employees with something not current, but nothing overdue or due soon: the four
        groups current, due soon, open and overdue add up to the employees."""
        return self.employees - self.current - self.due_soon_employees - self.overdue_employees

    @property
    def share(self) -> float | None:
        """Share of employees with all selected acknowledgements current, 0..1."""
        return self.current / self.employees if self.employees else None

    @property
    def percent(self) -> float | None:
        return None if self.share is None else round(self.share * 100, 1)


class Withheld(StrEnum):
    SMALL = "small_group"
    COMPLEMENTARY = "complementary"

    @property
    def label(self) -> str:
        return {
            Withheld.SMALL: _("fewer than the minimum group size"),
            Withheld.COMPLEMENTARY: _("withheld so that a smaller group cannot be worked out"),
        }[self]


class Kind(StrEnum):
    TOTAL = "total"
    RESSORT = "ressort"
    OFFICE = "dienststelle"
    DIRECT = "direct"


@dataclass(eq=False)
class Group:
    kind: Kind
    ressort_id: int | None = None
    path: str = ""  # of the Dienststelle, for OFFICE and DIRECT
    figures: Figures = field(default_factory=Figures)
    parts: list["Group"] = field(default_factory=list)
    withheld: Withheld | None = None

    @property
    def shown(self) -> Figures | None:
        """The figures, or None where they are withheld: templates and exports read this."""
        return None if self.withheld else self.figures

    @property
    def depth(self) -> int:
        return len(self.path) // STEPLEN if self.path else 0

    def walk(self):
        yield self
        for part in self.parts:
            yield from part.walk()


STEPLEN = 4  # treebeard's MP_Node.steplen, asserted in build_tree


def build_tree(rows, *, paths: dict[int, str] | None = None) -> Group:
    """The tree from (ressort_id, office_id, figures) rows; office_id is None when the rows
    are grouped by Ressort only. `paths` maps office ids to their materialised path."""
    root = Group(Kind.TOTAL)
    ressorts: dict[int, Group] = {}
    offices: dict[tuple[int, str], Group] = {}
    for ressort_id, office_id, figures in rows:
        ressort = ressorts.get(ressort_id)
        if ressort is None:
            ressort = ressorts[ressort_id] = Group(Kind.RESSORT, ressort_id)
            root.parts.append(ressort)
        root.figures += figures
        ressort.figures += figures
        if office_id is None:
            continue
        path, parent = paths[office_id], ressort
        for end in range(STEPLEN, len(path) + 1, STEPLEN):
            key = (ressort_id, path[:end])
            node = offices.get(key)
            if node is None:
                node = offices[key] = Group(Kind.OFFICE, ressort_id, path[:end])
                parent.parts.append(node)
            node.figures += figures
            parent = node
        direct = next((p for p in parent.parts if p.kind == Kind.DIRECT), None)
        if direct is None:
            direct = Group(Kind.DIRECT, ressort_id, path)
            parent.parts.insert(0, direct)
        direct.figures += figures
    for group in root.walk():
        if [part.kind for part in group.parts] == [Kind.DIRECT]:
            group.parts = []  # a Dienststelle without offices below: the part is the whole
        group.parts.sort(key=lambda g: (g.kind != Kind.DIRECT, g.path, g.ressort_id or 0))
    return root


def suppress(root: Group, minimum: int) -> Group:
    """Mark the groups whose figures are withheld (see the module docstring)."""
    if root.figures.employees < minimum:
        root.withheld = Withheld.SMALL
    _suppress_parts(root, minimum)
    return root


def _suppress_parts(group: Group, minimum: int) -> None:
    parts = group.parts
    for part in parts:
        if part.figures.employees < minimum:
            part.withheld = Withheld.SMALL
    withheld = [p for p in parts if p.withheld]
    visible = sorted((p for p in parts if not p.withheld), key=_size_order)
    needs_one_more = (group.withheld is None and len(withheld) == 1) or (
        group.withheld is not None and not withheld
    )
    if needs_one_more and visible:
        visible[0].withheld = Withheld.COMPLEMENTARY
    for part in parts:
        _suppress_parts(part, minimum)


def _size_order(group: Group):
    # Prefer the employees placed directly in a Dienststelle: they have no page of their own.
    return (group.figures.employees, group.kind != Kind.DIRECT, group.path, group.ressort_id or 0)
