"""The database enforces the ledger's rules against the application's own role:

- `LedgerRetention` holds the acknowledgement retention period for the triggers (set here
  and after every `migrate` from SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS);
- triggers version 4: anonymisation only past that period, and the head moves only forward
  to the last entry (`compliance.ledger.triggers`);
- on PostgreSQL, the application's role (SENSI_DB_APP_ROLE, when it exists) gets only
  SELECT/INSERT on entries and checks and what it needs on the head
  (`compliance.ledger.db_roles`). Run `migrate` as the tables' owner (docs/operations.md).
"""

from django.db import migrations, models

from compliance import app_settings
from compliance.ledger.db_roles import grant_app_role
from compliance.ledger.triggers import execute


def triggers(version, create):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        execute(schema_editor.execute, vendor, create=create, version=version)

    return run


def set_retention(apps, schema_editor):
    LedgerRetention = apps.get_model("compliance", "LedgerRetention")
    LedgerRetention.objects.update_or_create(
        pk=1, defaults={"days": app_settings.SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS}
    )


def grant(apps, schema_editor):
    grant_app_role(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("compliance", "0008_ledger_keyed_chain"),
    ]

    operations = [
        migrations.CreateModel(
            name="LedgerRetention",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("days", models.PositiveIntegerField(verbose_name="days")),
            ],
            options={
                "verbose_name": "ledger retention period",
                "verbose_name_plural": "ledger retention periods",
            },
        ),
        migrations.RunPython(set_retention, migrations.RunPython.noop),
        migrations.RunPython(triggers(3, create=False), triggers(3, create=True)),
        migrations.RunPython(triggers(4, create=True), triggers(4, create=False)),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
