"""Who may see which compliance report: the one place that turns a user into a Scope.

Roles are Django groups; a Ressort-ISB's Ressorts come from `RessortAssignment` rows.

| group                  | Ressorts             | topics          | named overdue lists |
|------------------------|----------------------|-----------------|---------------------|
| CISO                   | all                  | all             | yes                 |
| Datenschutzbeauftragte | all                  | data protection | no (aggregates)     |
| Ressort-ISB            | their assigned ones  | all             | yes, in their scope |

Everybody else (Redaktion, employees, superusers without one of these groups) sees no
report. Quiz scores are in no report for anybody. A person with several roles gets the union
of their grants, grant by grant: a Datenschutzbeauftragte who is also Ressort-ISB of A sees
every topic for A and data protection everywhere else, and names only for A.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.groups import group_names
from courses.models import Topic

from ..models import RessortAssignment


class Role(StrEnum):
    """The names of the Django groups (created by `seed_demo` and by operators)."""

    CISO = "CISO"
    DATA_PROTECTION_OFFICER = "Datenschutzbeauftragte"
    RESSORT_ISB = "Ressort-ISB"
    OPERATOR = "operator"  # the management command; not a group

    @property
    def label(self) -> str:
        return {
            Role.CISO: _("CISO"),
            Role.DATA_PROTECTION_OFFICER: _("Data protection officer"),
            Role.RESSORT_ISB: _("Ressort information security officer"),
            Role.OPERATOR: _("Operator (command line)"),
        }[self]


ALL_TOPICS = frozenset(Topic.values)


@dataclass(frozen=True)
class Grant:
    """One rectangle of the scope: these Ressorts (None: all) and these topics, with or
    without the right to see the names of people who are overdue."""

    role: Role
    ressort_ids: frozenset[int] | None
    topics: frozenset[str]
    may_see_names: bool

    def covers(self, *, ressort_id: int | None = None, topic: str | None = None) -> bool:
        everywhere = ressort_id is None or self.ressort_ids is None
        return (everywhere or ressort_id in self.ressort_ids) and (
            topic is None or topic in self.topics
        )


@dataclass(frozen=True)
class Scope:
    grants: tuple[Grant, ...] = ()

    @property
    def may_view(self) -> bool:
        return bool(self.grants)

    @property
    def may_see_names(self) -> bool:
        return any(grant.may_see_names for grant in self.grants)

    @property
    def roles(self) -> list[Role]:
        return sorted({grant.role for grant in self.grants})

    @property
    def topics(self) -> frozenset[str]:
        return frozenset().union(*(grant.topics for grant in self.grants))

    @property
    def ressort_ids(self) -> frozenset[int] | None:
        """The Ressorts of some grant; None when some grant covers all of them."""
        if any(grant.ressort_ids is None for grant in self.grants):
            return None
        return frozenset().union(*(grant.ressort_ids for grant in self.grants))

    def covers(self, *, ressort_id: int | None = None, topic: str | None = None) -> bool:
        return any(g.covers(ressort_id=ressort_id, topic=topic) for g in self.grants)

    def names_cover(self, *, ressort_id: int) -> bool:
        return any(g.may_see_names and g.covers(ressort_id=ressort_id) for g in self.grants)

    def row_filter(
        self,
        obligation_topics: dict[int, str],
        *,
        obligation_field: str = "obligation_id",
        ressort_field: str = "employee__ressort_id",
        names: bool = False,
    ) -> Q:
        """Rows (status rows by default, or ledger entries) that this scope may count, or
        list by name when `names`.

        `obligation_topics` maps the obligations in question to their topic, so that the
        condition is on obligation and Ressort ids only, without a join to module pages.
        """
        condition = Q(pk__in=[])
        for grant in self.grants:
            if names and not grant.may_see_names:
                continue
            obligations = [pk for pk, topic in obligation_topics.items() if topic in grant.topics]
            if not obligations:
                continue
            part = Q(**{f"{obligation_field}__in": sorted(obligations)})
            if grant.ressort_ids is not None:
                part &= Q(**{f"{ressort_field}__in": sorted(grant.ressort_ids)})
            condition |= part
        return condition

    def describe(self) -> dict:
        """For the access log and the report's header: plain values, no lazy strings."""
        return {
            "roles": [str(role) for role in self.roles],
            "ressort_ids": None if self.ressort_ids is None else sorted(self.ressort_ids),
            "topics": sorted(self.topics),
            "names": self.may_see_names,
        }


NO_SCOPE = Scope()


def scope_for(user) -> Scope:
    """The report scope of a signed-in user (its groups, shared with the rest of the request,
    and a Ressort-ISB's assignments), looked up once per request: the navigation and the
    report view both ask."""
    if not user.is_authenticated or not user.is_active:
        return NO_SCOPE
    if not hasattr(user, "_report_scope"):
        user._report_scope = _lookup_scope(user)
    return user._report_scope


def _lookup_scope(user) -> Scope:
    groups = group_names(user)
    grants = []
    if Role.CISO in groups:
        grants.append(Grant(Role.CISO, None, ALL_TOPICS, may_see_names=True))
    if Role.DATA_PROTECTION_OFFICER in groups:
        grants.append(
            Grant(
                Role.DATA_PROTECTION_OFFICER,
                None,
                frozenset({Topic.DATA_PROTECTION.value}),
                may_see_names=False,
            )
        )
    if Role.RESSORT_ISB in groups:
        ressort_ids = frozenset(
            RessortAssignment.objects.filter(user=user).values_list("ressort_id", flat=True)
        )
        if ressort_ids:
            grants.append(Grant(Role.RESSORT_ISB, ressort_ids, ALL_TOPICS, may_see_names=True))
    return Scope(tuple(grants))


def operator_scope(ressort_ids: Iterable[int] | None = None) -> Scope:
    """The management command's scope: everything, or the given Ressorts. Its reports carry
    figures only, so names are not needed."""
    ids = None if ressort_ids is None else frozenset(ressort_ids)
    return Scope((Grant(Role.OPERATOR, ids, ALL_TOPICS, may_see_names=False),))
