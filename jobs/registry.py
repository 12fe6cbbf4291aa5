"""The kinds of job, registered by the domain apps that own them (jobs imports none of them).

A kind is a stable key (stored on each Job) with a label for the admin and the permission a
user needs to start it (and to retry it). A kind nobody registered (an app was removed)
still shows, under its key, and cannot be retried."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class Kind:
    key: str
    label: str | Promise
    may_start: Callable[..., bool]
    # The URL name of a view that starts the job on POST with no input (a "Start" button on
    # the job list), for kinds that need none.
    start_url: str = ""
    # Who besides the user who started a job may see it and fetch its result:
    # `may_view(user, job)`. None: superusers (the admin's overview). A personal kind (a
    # data export) passes `lambda user, job: False`: its starter only, not even a superuser.
    may_view: Callable[..., bool] | None = None


_KINDS: dict[str, Kind] = {}


def register(
    key: str,
    label: str | Promise,
    *,
    may_start: Callable[..., bool],
    start_url: str = "",
    may_view: Callable[..., bool] | None = None,
) -> None:
    _KINDS[key] = Kind(key, label, may_start, start_url, may_view)


def kinds_with_own_viewers() -> list[Kind]:
    """Kinds that decide themselves who besides their starter sees a job."""
    return [kind for kind in _KINDS.values() if kind.may_view is not None]


def startable_by(user) -> list[Kind]:
    """The kinds with a start button that `user` may start."""
    return [kind for kind in _KINDS.values() if kind.start_url and may_start(kind.key, user)]


def get(key: str) -> Kind | None:
    return _KINDS.get(key)


def label(key: str) -> str:
    kind = _KINDS.get(key)
    return str(kind.label) if kind else key


def may_start(key: str, user) -> bool:
    kind = _KINDS.get(key)
    return bool(kind and user.is_active and kind.may_start(user))
