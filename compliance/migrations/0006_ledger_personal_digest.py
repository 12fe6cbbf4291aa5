"""Ledger hash format 2: personal fields through a salted digest, so that they can be
anonymised after the retention period (see `compliance.models.ledger`).

Existing entries become format 1 and keep their hashes: the chain verifies as before. The
triggers are replaced by version 2, which allows the one anonymising UPDATE; they are
dropped first because SQLite rebuilds the table to make `employee` nullable.
"""

import django.db.models.deletion
from django.db import migrations, models

from compliance.ledger.triggers import execute


def triggers(version, create):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        execute(schema_editor.execute, vendor, create=create, version=version)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("compliance", "0005_ledger_checks"),
    ]

    operations = [
        migrations.RunPython(triggers(1, create=False), triggers(1, create=True)),
        migrations.AddField(
            model_name="ledgerentry",
            name="anonymised_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="anonymised at"),
        ),
        # Existing entries are format 1 ...
        migrations.AddField(
            model_name="ledgerentry",
            name="hash_format",
            field=models.PositiveSmallIntegerField(default=1),
        ),
        # ... new ones format 2.
        migrations.AlterField(
            model_name="ledgerentry",
            name="hash_format",
            field=models.PositiveSmallIntegerField(default=2),
        ),
        migrations.AddField(
            model_name="ledgerentry",
            name="personal_digest",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name="ledgerentry",
            name="personal_salt",
            field=models.CharField(blank=True, max_length=32),
        ),
        migrations.AlterField(
            model_name="ledgerentry",
            name="employee",
            field=models.ForeignKey(
                help_text="Empty once the entry was anonymised after the retention period.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="ledger_entries",
                to="compliance.employee",
            ),
        ),
        migrations.RunPython(triggers(2, create=True), triggers(2, create=False)),
    ]
