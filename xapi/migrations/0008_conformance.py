"""Statements stored before contextActivities were kept as lists get their single Activities
wrapped in a list (xAPI 1.0.3 Data §2.4.6.2.s4.b3–b4), so that every format returns arrays."""

from django.db import migrations
from django.db.models import Q


def _as_lists(statement: dict) -> bool:
    changed = False
    for part in (statement, statement.get("object") or {}):
        context_activities = (part.get("context") or {}).get("contextActivities")
        if not isinstance(context_activities, dict):
            continue
        for kind, value in context_activities.items():
            if isinstance(value, dict):
                context_activities[kind] = [value]
                changed = True
    return changed


def context_activities_as_lists(apps, schema_editor):
    Statement = apps.get_model("xapi", "Statement")
    candidates = Statement.objects.filter(
        Q(data__context__contextActivities__isnull=False)
        | Q(data__object__context__contextActivities__isnull=False)
    ).only("seq", "data")
    batch = []
    for statement in candidates.iterator(chunk_size=1000):
        if _as_lists(statement.data):
            batch.append(statement)
        if len(batch) >= 1000:
            Statement.objects.bulk_update(batch, ["data"])
            batch = []
    Statement.objects.bulk_update(batch, ["data"])


class Migration(migrations.Migration):
    dependencies = [("xapi", "0006_statement_index_arrays")]

    operations = [
        migrations.RunPython(context_activities_as_lists, migrations.RunPython.noop, elidable=True)
    ]
