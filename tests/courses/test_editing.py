"""What editors see: previews of drafts, the approval workflow, the language switch."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupApprovalTask, GroupPagePermission, Page, Workflow, WorkflowTask

from courses.models import LessonRead
from tests.factories import UserFactory, lessons_of, quiz_of

pytestmark = pytest.mark.django_db


def test_preview_of_a_draft_lesson_renders_and_records_no_progress(module):
    lesson = lessons_of(module)[0]
    lesson.title = "Entwurf"
    lesson.save_revision()
    response = lesson.get_latest_revision_as_object().make_preview_request()
    assert response.status_code == 200
    assert "Entwurf" in response.content.decode()
    assert not LessonRead.objects.exists()


def test_quiz_preview_shows_questions_without_a_way_to_submit(module):
    response = quiz_of(module).make_preview_request()
    content = response.content.decode()
    assert response.status_code == 200
    assert "Frage A" in content
    assert 'type="submit"' not in content.split('class="quiz"')[1]
    assert " disabled" in content


def test_a_second_person_must_approve_before_a_change_is_published(module):
    approvers = Group.objects.create(name="Freigabe")
    editor, approver = UserFactory(), UserFactory()
    approver.groups.add(approvers)
    GroupPagePermission.objects.create(
        group=approvers, page=Page.get_first_root_node(), permission_type="publish"
    )
    task = GroupApprovalTask.objects.create(name="Freigabe durch zweite Person")
    task.groups.set([approvers])
    workflow = Workflow.objects.create(name="Redaktionelle Freigabe")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    lesson = lessons_of(module)[0]
    lesson.title = "Geändert"
    lesson.save_revision(user=editor)
    state = workflow.start(lesson, editor)
    lesson.refresh_from_db()
    assert lesson.title != "Geändert" and lesson.workflow_in_progress
    assert task.get_actions(lesson, editor) == []  # the author cannot approve
    assert task.get_actions(lesson, approver)

    state.current_task_state.task.specific.on_action(state.current_task_state, approver, "approve")
    lesson.refresh_from_db()
    assert lesson.title == "Geändert"


def test_language_switch_links_to_the_same_view_in_english(learner_client, home):
    content = learner_client.get(reverse("courses:my_training")).content.decode()
    assert 'href="/en/my-training/"' in content
    assert 'href="/de/meine-schulungen/"' in content
