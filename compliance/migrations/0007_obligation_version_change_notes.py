"""Change notes per language: the old note becomes the German one, an English one is added.

The one note the application wrote itself (an administrator changed the text) was stored in
the administrator's language; it gets both languages here. Editors' notes were written for
the German module, so they stay German.
"""

from django.db import migrations, models

TEXT_EDIT_NOTES = {
    "de": "Der Text, der zur Kenntnis genommen werden soll, wurde geändert.",
    "en": "The text to be acknowledged was changed.",
}


def notes_per_language(apps, schema_editor):
    ObligationVersion = apps.get_model("compliance", "ObligationVersion")
    ObligationVersion.objects.filter(change_note_de__in=TEXT_EDIT_NOTES.values()).update(
        change_note_de=TEXT_EDIT_NOTES["de"], change_note_en=TEXT_EDIT_NOTES["en"]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("compliance", "0006_ledger_personal_digest"),
    ]

    operations = [
        migrations.RenameField(
            model_name="obligationversion", old_name="change_note", new_name="change_note_de"
        ),
        migrations.AlterField(
            model_name="obligationversion",
            name="change_note_de",
            field=models.TextField(verbose_name="what changed (German)"),
        ),
        migrations.AddField(
            model_name="obligationversion",
            name="change_note_en",
            field=models.TextField(
                blank=True,
                help_text="Empty: the German note is shown.",
                verbose_name="what changed (English)",
            ),
        ),
        migrations.RunPython(notes_per_language, migrations.RunPython.noop),
    ]
