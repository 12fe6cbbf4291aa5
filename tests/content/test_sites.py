"""Links in the workflow e-mails use SENSI_BASE_URL (content.sites)."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import override_settings
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowTask,
)

from content.sites import host_and_port, sync_default_site, sync_default_site_after_migrate
from tests.factories import UserFactory, lessons_of

pytestmark = pytest.mark.django_db

BASE_URL = "https://sensi.example.hessen.de"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://sensi.example.hessen.de", ("sensi.example.hessen.de", 443)),
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
        ("http://sensi.local", ("sensi.local", 80)),
    ],
)
def test_host_and_port_of_the_base_url(url, expected):
    assert host_and_port(url) == expected


@override_settings(SENSI_BASE_URL=BASE_URL)
def test_migrate_points_the_default_site_at_the_base_url(home):
    sync_default_site_after_migrate()
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == BASE_URL
    assert not sync_default_site()  # nothing left to change


def _links(message) -> list[str]:
    texts = [message.body, *(content for content, _type in message.alternatives)]
    return [url for text in texts for url in re.findall(r"https?://[^\s\"<>]+", text)]


@override_settings(SENSI_BASE_URL=BASE_URL, WAGTAILADMIN_BASE_URL=BASE_URL)
def test_every_link_in_the_workflow_mails_uses_the_base_url(module):
    sync_default_site()
    approvers = Group.objects.create(name="Freigabe")
    editor, approver = UserFactory(), UserFactory()
    approver.groups.add(approvers)
    GroupPagePermission.objects.create(
        group=approvers, page=Page.get_first_root_node(), permission_type="publish"
    )
    task = GroupApprovalTask.objects.create(name="Freigabe")
    task.groups.set([approvers])
    workflow = Workflow.objects.create(name="Freigabe")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    lesson = lessons_of(module)[0]
    lesson.title = "Geändert"
    lesson.save_revision(user=editor)
    state = workflow.start(lesson, editor)  # mail to the approver
    state.current_task_state.task.specific.on_action(state.current_task_state, approver, "approve")

    assert {tuple(message.to) for message in mail.outbox} >= {(approver.email,), (editor.email,)}
    links = [link for message in mail.outbox for link in _links(message)]
    assert any("/admin/pages/" in link for link in links)
    assert any(link.startswith(f"{BASE_URL}/") and "/admin/" not in link for link in links)
    assert all(link.startswith(f"{BASE_URL}/") for link in links), links
