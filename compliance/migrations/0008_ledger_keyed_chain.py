"""A keyed ledger chain (format 3): entry hashes become HMAC-SHA256 under a key from the
environment, each entry names its key (`key_id`), see `compliance.models.ledger`.

An existing chain of unkeyed entries (formats 1 and 2) is closed with one keyed "boundary"
entry: it carries no person and no obligation, and its HMAC covers the hash of the last
unkeyed entry, so rewriting any entry before it breaks the chain at a place an attacker
without the key cannot repair. From it on every entry is keyed (`verify_ledger` refuses an
unkeyed entry after a keyed one, and a chain without any keyed entry). Migrating a
non-empty ledger therefore needs SENSI_LEDGER_KEYS (docs/operations.md).

The triggers are dropped first because SQLite rebuilds the table to make
`obligation_version` nullable; version 3 keeps `key_id` unchanged on anonymisation.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone

from compliance.ledger.triggers import execute
from compliance.models.ledger import KEYED_FORMAT, seal_values


def triggers(version, create):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        execute(schema_editor.execute, vendor, create=create, version=version)

    return run


def close_unkeyed_chain(apps, schema_editor):
    LedgerEntry = apps.get_model("compliance", "LedgerEntry")
    LedgerHead = apps.get_model("compliance", "LedgerHead")
    last = LedgerEntry.objects.order_by("-seq").first()
    if last is None or last.hash_format == KEYED_FORMAT:
        return
    now = timezone.now()
    sealed = seal_values(
        {
            "seq": last.seq + 1,
            "kind": "boundary",
            "employee_id": None,
            "obligation_version_id": None,
            "language": "",
            "text_hash": "",
            "confirmed_at": now,
            "recorded_at": now,
            "recorded_by_id": None,
            "reason": "",
            "previous_hash": last.entry_hash,
        }
    )
    LedgerEntry.objects.create(**sealed)
    LedgerHead.objects.update_or_create(
        pk=1, defaults={"last_seq": sealed["seq"], "last_hash": sealed["entry_hash"]}
    )


def reopen_unkeyed_chain(apps, schema_editor):
    LedgerEntry = apps.get_model("compliance", "LedgerEntry")
    LedgerHead = apps.get_model("compliance", "LedgerHead")
    if LedgerEntry.objects.exclude(kind="boundary").filter(hash_format=KEYED_FORMAT).exists():
        raise RuntimeError("keyed ledger entries exist: the keyed chain cannot be undone")
    LedgerEntry.objects.filter(kind="boundary").delete()
    last = LedgerEntry.objects.order_by("-seq").first()
    if last:
        LedgerHead.objects.filter(pk=1).update(last_seq=last.seq, last_hash=last.entry_hash)


class Migration(migrations.Migration):
    dependencies = [
        ("compliance", "0007_obligation_version_change_notes"),
    ]

    operations = [
        migrations.RunPython(triggers(2, create=False), triggers(2, create=True)),
        migrations.AddField(
            model_name="ledgerentry",
            name="key_id",
            field=models.CharField(blank=True, max_length=16, verbose_name="key"),
        ),
        migrations.AlterField(
            model_name="ledgerentry",
            name="hash_format",
            field=models.PositiveSmallIntegerField(default=3),
        ),
        migrations.AlterField(
            model_name="ledgerentry",
            name="kind",
            field=models.CharField(
                choices=[
                    ("confirmation", "Confirmation by the employee"),
                    ("correction", "Correction by an administrator"),
                    ("boundary", "Start of the keyed chain"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
        migrations.AlterField(
            model_name="ledgerentry",
            name="obligation_version",
            field=models.ForeignKey(
                help_text="Empty only for the entry where the keyed chain starts.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="ledger_entries",
                to="compliance.obligationversion",
            ),
        ),
        migrations.RunPython(close_unkeyed_chain, reopen_unkeyed_chain),
        migrations.RunPython(triggers(3, create=True), triggers(3, create=False)),
    ]
