"""The rows of many `values()` QuerySets in one query, for "Meine Daten": each QuerySet is one
branch of a UNION ALL that selects its number, the position of the row in the QuerySet's own
order (ROW_NUMBER() over its ORDER BY), and the row as one JSON object, whatever columns and
tables the QuerySet has. Each row comes back as the dict the QuerySet alone would give: the
values are read back with their model fields (dates and times, UUIDs, booleans, JSON), in
the order of the QuerySet's fields (tests/privacy/test_rows.py compares both ways).

Fields whose JSON form would lose something (decimals, floats, binary data, durations) are
refused rather than read approximately.
"""

import json
from collections.abc import Sequence

from django.conf import settings
from django.db import connections
from django.db.models import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    F,
    Func,
    IntegerField,
    JSONField,
    QuerySet,
    TextField,
    UUIDField,
    Value,
    Window,
)
from django.db.models.functions import JSONObject, RowNumber
from django.utils import timezone

# Aliases of the three columns of every branch.
BRANCH, POSITION, ROW = "privacy_branch", "privacy_position", "privacy_row"
READABLE = (BooleanField, CharField, DateField, IntegerField, JSONField, TextField, UUIDField)


class RowObject(JSONObject):
    """The row as a JSON object, as text on every database. SQLite keeps JSON columns as
    text; `JSON()` nests them as JSON instead of as a string (PostgreSQL's jsonb nests)."""

    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra_context):
        copy = self.copy()
        copy.set_source_expressions(
            [
                Func(expression, function="JSON", output_field=JSONField())
                if index % 2 and isinstance(expression.output_field, JSONField)
                else expression
                for index, expression in enumerate(copy.get_source_expressions())
            ]
        )
        return super(RowObject, copy).as_sql(compiler, connection, **extra_context)

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = super().as_postgresql(compiler, connection, **extra_context)
        return f"({sql})::text", params


def _names(queryset: QuerySet) -> list[str]:
    """The keys of the QuerySet's row dicts, in the order values() gives them."""
    query = queryset.query  # as django.db.models.query.ValuesIterable names them
    if query.selected:
        names = list(query.selected)
    else:
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
    if not names:
        raise TypeError(f"{queryset.model.__name__}: read rows with values() and named fields.")
    return names


def _ordering(queryset: QuerySet) -> list:
    query = queryset.query
    order = query.order_by or (queryset.model._meta.ordering if query.default_ordering else ())
    expressions = []
    for item in [*order, "pk"]:  # the primary key settles ties the same way every time
        if not isinstance(item, str):
            expressions.append(item)
        elif item.startswith("-"):
            expressions.append(F(item[1:]).desc())
        else:
            expressions.append(F(item).asc())
    return expressions


def _branch(index: int, queryset: QuerySet) -> tuple[QuerySet, list]:
    """The QuerySet as one branch of the union, and its (name, field) pairs."""
    names = _names(queryset)
    branch = queryset.annotate(
        **{
            BRANCH: Value(index),
            POSITION: Window(RowNumber(), order_by=_ordering(queryset)),
            ROW: RowObject(**{name: F(name) for name in names}),
        }
    )
    expressions = branch.query.annotations[ROW].get_source_expressions()[1::2]
    fields = []
    for name, expression in zip(names, expressions, strict=True):
        field = expression.output_field
        while field.is_relation:  # a foreign key column (`recorded_by_id`) holds the target's key
            field = field.target_field
        if not isinstance(field, READABLE) or getattr(field, "decoder", None):
            kind = type(field).__name__
            raise TypeError(f"{queryset.model.__name__}.{name}: {kind} is not read.")
        fields.append((name, field))
    return branch.order_by().values_list(BRANCH, POSITION, ROW), fields


def _value(field, value, connection):
    """The value as the field's own query would give it, from its JSON form."""
    if value is None or isinstance(field, JSONField):
        return value
    value = field.to_python(value)
    if isinstance(field, DateTimeField) and settings.USE_TZ and timezone.is_naive(value):
        value = timezone.make_aware(value, connection.timezone)  # SQLite keeps UTC without offset
    return value


def read_together(querysets: Sequence[QuerySet]) -> list[list[dict]]:
    """The rows of each values() QuerySet, in its order, all read in one query."""
    if not querysets:
        return []
    branches, fields = zip(*(_branch(i, qs) for i, qs in enumerate(querysets)), strict=True)
    union = branches[0].union(*branches[1:], all=True)
    connection = connections[union.db]
    found = sorted(union)
    rows: list[list[dict]] = [[] for _ in querysets]
    for branch, _position, text in found:
        row = json.loads(text)
        rows[branch].append(
            {name: _value(field, row[name], connection) for name, field in fields[branch]}
        )
    return rows
