"""How an app declares the personal data it keeps, for `privacy` to collect.

Every app that stores data about a person has one module of its own, `<app>/personal_data.py`,
with a module-level `DECLARATION = Declaration(...)`:

- `models`: each of its models that holds personal data (tests/privacy/test_registry.py fails
  when a model with a foreign key to a person is in no declaration);
- `sections`: what "Meine Daten" and its download (Art. 15 GDPR) show of them;
- `retention`: what happens to them after their retention period (`manage.py purge_expired`).

`privacy.registry` collects the declarations of all installed apps; `privacy` builds the page,
the download and the purge from them and reaches into no app's tables by itself. A new table
with personal data therefore needs one edit: its app's declaration.

This package is below every app (xapi included) and imports nothing but Django.
"""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Model, QuerySet

# The cut-offs a retention step can name, the fields of `privacy.retention.Cutoffs`.
PERIODS = ("learning", "reminders", "acknowledgements", "launch_credentials")

BATCH = 1000


@dataclass(frozen=True)
class Section:
    """One member of the export.

    `rows(user)` returns the section's rows as a `values()` QuerySet with named fields (or a
    tuple of them, whose rows follow one another), not evaluated: privacy reads the rows of
    every section in one query (`privacy.rows`), each row as that QuerySet alone would give
    it. `shape(user, rows)` makes the section's JSON-ready value from the list of rows: a
    list of dicts (without a shape, the rows themselves), a dict, or None, with dates and
    times as `date`/`datetime`. A section that needs no query (the account, from the user)
    returns its value itself.

    `titles` maps a field that holds a page's translation key to the field that receives the
    page's title (in the current language); privacy looks them up for all sections in one
    query. Sections of several apps with the same key must be dicts and are merged, in the
    order of INSTALLED_APPS."""

    key: str
    rows: Callable[[Any], Any]
    titles: Mapping[str, str] = field(default_factory=dict)
    shape: Callable[[Any, list[dict]], Any] | None = None


@dataclass(frozen=True)
class Deletion:
    """A retention step: the rows of `expired(cutoff)` are deleted, in batches, and counted
    as `kind`. `period` names the cut-off (one of `PERIODS`)."""

    kind: str
    period: str
    expired: Callable[[datetime], QuerySet]

    @property
    def kinds(self) -> tuple[str, ...]:
        return (self.kind,)


@dataclass(frozen=True)
class Purge:
    """A retention step that does more than delete (the acknowledgement ledger anonymises):
    `run(cutoff, dry_run=...)` changes what is expired (or, with dry_run, only counts it) and
    returns the counts by kind, for each of `kinds`."""

    kinds: tuple[str, ...]
    period: str
    run: Callable[..., dict[str, int]]


@dataclass(frozen=True)
class Declaration:
    """The personal data of one app (see the module's docstring)."""

    models: tuple[type[Model], ...]
    sections: tuple[Section, ...] = ()
    retention: tuple[Deletion | Purge, ...] = ()


def batches(queryset: QuerySet, size: int = BATCH) -> Iterator[list]:
    """Primary keys of `queryset`, a batch at a time. Re-queries from the start after each
    batch, because the caller deletes or changes the rows it was given."""
    while True:
        keys = list(queryset.order_by("pk").values_list("pk", flat=True)[:size])
        if not keys:
            return
        yield keys
