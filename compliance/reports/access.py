"""The door to every report: scope check and access log in one step.

Figures are computed from a `Selection`, and a `Selection` is made only from an
`OpenedReport`, which exists only once its `ReportAccess` row is written. A view therefore
cannot show a figure without having logged who looked at what.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from dbrouting import writes_not_read_back

from ..models import ReportAccess
from .scopes import Scope

Report = ReportAccess.Report


@dataclass(frozen=True)
class OpenedReport:
    access: ReportAccess
    scope: Scope

    @property
    def report(self) -> str:
        return self.access.report

    def seal(self, content_hash: str) -> None:
        """Add the hash of what was delivered (once; the log entry is otherwise final)."""
        ReportAccess.objects.filter(pk=self.access.pk, content_hash="").update(
            content_hash=content_hash
        )
        self.access.content_hash = content_hash


def actor_of(user) -> str:
    return user.get_username() if user is not None else ""


def open_report(
    *, scope: Scope, report: str, parameters: dict, user=None, actor: str = ""
) -> OpenedReport:
    """Log the view or export and hand out the scope for computing it.

    Raises PermissionDenied when the scope grants no report at all.
    """
    if not scope.may_view:
        raise PermissionDenied
    with writes_not_read_back():  # the figures may still come from the replica
        access = ReportAccess.objects.create(
            user=user,
            actor=actor or actor_of(user),
            roles=", ".join(str(role) for role in scope.roles),
            report=report,
            parameters={**parameters, "scope": scope.describe()},
            at=timezone.now(),
        )
    return OpenedReport(access=access, scope=scope)
