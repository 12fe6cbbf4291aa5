"""Wagtail's workflow wording in German says "Freigabe" (editorial.wagtail_wording)."""

import gettext
import importlib
from pathlib import Path

import pytest
import wagtail
from django.apps import apps
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from editorial.wagtail_wording import WAGTAIL_WORKFLOW_MSGIDS
from tests.factories import lessons_of

WAGTAIL = Path(wagtail.__file__).parent
MIXED_TERMS = ("Moderation", "moderation", "genehmig", "Genehmig")


def wagtail_catalogue() -> dict:
    messages = {}
    for directory in (WAGTAIL / "locale", WAGTAIL / "admin" / "locale"):
        with open(directory / "de" / "LC_MESSAGES" / "django.mo", "rb") as file:
            messages.update(gettext.GNUTranslations(file)._catalog)
    return messages


def test_every_overridden_msgid_still_exists_in_wagtail():
    catalogue = wagtail_catalogue()
    assert [msgid for msgid in WAGTAIL_WORKFLOW_MSGIDS if msgid not in catalogue] == []


def test_sensis_catalogue_wins_and_says_freigabe():
    catalogue = wagtail_catalogue()
    with translation.override("de"):
        for msgid in WAGTAIL_WORKFLOW_MSGIDS:
            german = translation.gettext(msgid)
            assert german != catalogue[msgid] or "Freigabe" in german, msgid
            assert not any(term in german for term in MIXED_TERMS), german


@pytest.mark.django_db
def test_the_editor_submits_zur_freigabe(admin_client, module, home):
    task = GroupApprovalTask.objects.create(name="Zweite Person")
    workflow = Workflow.objects.create(name="Vier-Augen-Prinzip")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page=home, workflow=workflow)
    lesson = lessons_of(module)[0]
    content = admin_client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content
    content = content.decode()
    assert "Zur Freigabe einreichen (Vier-Augen-Prinzip)" in content
    assert "Moderation" not in content


@pytest.mark.django_db
def test_the_demo_workflow_is_renamed_by_the_data_migration():
    migration = importlib.import_module("editorial.migrations.0001_workflow_names")
    Workflow.objects.create(name="Redaktionelle Freigabe")
    GroupApprovalTask.objects.create(name="Freigabe durch zweite Person")
    migration.rename(apps, None)
    assert Workflow.objects.filter(name="Vier-Augen-Prinzip").exists()
    assert GroupApprovalTask.objects.filter(name="Zweite Person").exists()
    migration.rename_back(apps, None)
    assert Workflow.objects.filter(name="Redaktionelle Freigabe").exists()
