from django.db import migrations

from compliance.ledger.triggers import execute


def create(apps, schema_editor):
    execute(schema_editor.execute, schema_editor.connection.vendor, create=True, version=1)


def drop(apps, schema_editor):
    execute(schema_editor.execute, schema_editor.connection.vendor, create=False, version=1)


class Migration(migrations.Migration):
    dependencies = [("compliance", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
