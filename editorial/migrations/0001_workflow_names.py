"""The demo's approval workflow and its task get names that read well inside Wagtail's
buttons and e-mails ("Zur Freigabe einreichen (Vier-Augen-Prinzip)", "im Freigabeschritt
„Zweite Person“"). Only rows that still carry the demo's former names are renamed."""

from django.db import migrations

RENAMES = {
    "workflow": ("Redaktionelle Freigabe", "Vier-Augen-Prinzip"),
    "task": ("Freigabe durch zweite Person", "Zweite Person"),
}


def rename(apps, schema_editor, *, forward=True):
    for model_name, (old, new) in RENAMES.items():
        source, target = (old, new) if forward else (new, old)
        apps.get_model("wagtailcore", model_name).objects.filter(name=source).update(name=target)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(rename, rename_back)]
