"""The editors' dashboard: panels per role, German, in a fixed number of queries
(editorial.dashboard)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accessibility.models import AccessibilityFeedback
from courses.models import ModulePage
from demo.seed import seed_editorial_groups
from tests.factories import (
    UserFactory,
    lessons_of,
    module_page,
    obligation,
    sign_in_with_mfa,
)

pytestmark = pytest.mark.django_db

HEADINGS = {
    "approval": "Wartet auf Ihre Freigabe",
    "drafts": "Meine Entwürfe",
    "review": "Module mit fälliger inhaltlicher Prüfung",
    "obligations": "Laufende Pflichtschulungen",
    "feedback": "Eingegangene Rückmeldungen zur Barrierefreiheit",
}


@pytest.fixture
def groups(home):
    seed_editorial_groups({"de": home})
    return Group.objects.get(name="Redaktion"), Group.objects.get(name="Freigabe")


def member(group):
    person = UserFactory(first_name="Rainer", last_name="Redlich")
    person.groups.add(group)
    return person


def dashboard(client, user) -> str:
    sign_in_with_mfa(client, user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def submit_changes(module, editor, count: int):
    workflow = module.get_workflow()
    for lesson in lessons_of(module)[:count]:
        lesson.title = f"{lesson.title} (geändert)"
        lesson.save_revision(user=editor)
        workflow.start(lesson, editor)


def test_the_redaktion_sees_its_drafts_reviews_obligations_and_feedback(client, groups, module):
    redaktion, _freigabe = groups
    editor = member(redaktion)
    lesson = lessons_of(module)[0]
    lesson.title = "Entwurf der Redaktion"
    lesson.save_revision(user=editor)
    ModulePage.objects.filter(pk=module.pk).update(
        review_by=timezone.localdate() - timedelta(days=2)
    )
    obligation(module=module, title="Pflicht Phishing", due_in_days=20)
    AccessibilityFeedback.objects.create(
        message="Der Kontrast ist zu schwach.", language="de", email="geheim@example.org"
    )

    content = dashboard(client, editor)
    for key in ("drafts", "review", "obligations", "feedback"):
        assert HEADINGS[key] in content
    assert HEADINGS["approval"] not in content
    assert "Entwurf der Redaktion" in content
    assert "(überfällig)" in content
    assert "Pflicht Phishing" in content
    assert (timezone.localdate() + timedelta(days=20)).strftime("%d.%m.%Y") in content
    assert "Der Kontrast ist zu schwach." in content
    assert "geheim@example.org" not in content  # the sender stays behind the feedback list


def test_the_freigabe_group_sees_what_waits_for_its_approval(client, groups, module):
    redaktion, freigabe = groups
    editor, approver = member(redaktion), member(freigabe)
    submit_changes(module, editor, 1)
    content = dashboard(client, approver)
    assert HEADINGS["approval"] in content
    assert "Lektion 1 (geändert)" in content
    assert "Rainer Redlich" in content


def test_someone_without_page_rights_sees_no_editorial_panel(client, home):
    person = UserFactory()
    person.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    content = dashboard(client, person)
    assert not any(heading in content for heading in HEADINGS.values())


def add_work(home, number, editor, approver):
    module = module_page(home=home, title=f"Modul {number}", lessons=3)
    submit_changes(module, editor, 1)
    lessons_of(module)[2].save_revision(user=approver)
    ModulePage.objects.filter(pk=module.pk).update(review_by=timezone.localdate())
    obligation(module=module)
    AccessibilityFeedback.objects.create(message=f"Barriere {number}", language="de")


def test_the_dashboard_needs_a_fixed_number_of_queries(client, groups, home):
    redaktion, freigabe = groups
    editor, approver = member(redaktion), member(freigabe)
    approver.groups.add(redaktion)
    add_work(home, 0, editor, approver)
    sign_in_with_mfa(client, approver)
    url = reverse("wagtailadmin_home")
    client.get(url)  # warm caches (content types, site root paths)

    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for number in (1, 2, 3):
        add_work(home, number, editor, approver)
    with CaptureQueriesContext(connection) as four:
        content = client.get(url).content.decode()

    assert len(four) == len(one) <= 40, [q["sql"][:120] for q in four]
    assert "Modul 3" in content and HEADINGS["approval"] in content
