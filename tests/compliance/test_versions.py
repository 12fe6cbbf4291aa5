"""Obligation versions: who decides on a new version (the German module, never a
translation), what happens to deadlines, the change marks and the change notes, and what
the editor is told before publishing (issue 17, defects 1 to 4)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from compliance.models import ObligationStatus, ObligationVersion
from compliance.selectors import version_outlook
from compliance.services import issue_new_version, obligation_edited
from courses.models import ModulePage
from courses.publish_outlook import outlook
from tests.factories import dienststelle, employee, home_page, obligation

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    office = dienststelle()
    return [employee(office=office, number=f"P{n}") for n in range(3)]


@pytest.fixture
def duty(people, module):
    return obligation(module=module)


def english_translation(module: ModulePage, **fields) -> ModulePage:
    locale = home_page("en").locale
    with translation.override("en"):
        english = module.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(english, name, value)
    english.save_revision().publish()
    english.refresh_from_db()
    return english


def publish_material_change(module: ModulePage, label="2.0", note="Neu: Passkeys") -> None:
    module.version_label = label
    module.change_is_material = True
    module.change_note = note
    module.save_revision().publish()


# --- defect 1: translations never issue a version --------------------------------------------


def test_publishing_a_translation_never_issues_a_version(duty, module):
    english = english_translation(
        module, version_label="2.0-en", change_is_material=True, change_note="New: passkeys"
    )
    english.save_revision().publish()  # the same translation again, unchanged
    assert duty.versions.count() == 1


def test_a_material_change_of_the_source_carries_the_english_note_of_its_translation(duty, module):
    english_translation(module, change_note="New: passkeys")
    publish_material_change(module)
    version = duty.versions.get(number=2)
    assert (version.change_note_de, version.change_note_en) == ("Neu: Passkeys", "New: passkeys")
    assert version.module_version_label == "2.0"


def test_an_english_note_published_after_the_version_fills_its_english_note(duty, module):
    english = english_translation(module)
    publish_material_change(module)
    english.change_note = "New: passkeys"
    english.change_is_material = True
    english.save_revision().publish()
    assert duty.versions.count() == 2
    assert duty.versions.get(number=2).change_note_en == "New: passkeys"
    english.refresh_from_db()
    assert not english.change_is_material and english.change_note == ""


# --- defect 2: deadlines ---------------------------------------------------------------------


def test_a_new_version_neither_pulls_forward_nor_extends_a_deadline_never_met(people, duty):
    today = timezone.localdate()
    grace_end = today + datetime.timedelta(days=duty.grace_days)
    later, earlier, acknowledged = (
        ObligationStatus.objects.get(employee=person, obligation=duty) for person in people
    )
    later.due_on = grace_end + datetime.timedelta(days=15)
    earlier.due_on = grace_end - datetime.timedelta(days=15)
    acknowledged.acknowledged_version = 1
    acknowledged.current_until = acknowledged.due_on = datetime.date.max
    for status in (later, earlier, acknowledged):
        status.save()

    issue_new_version(obligation=duty, change_note_de="Neue Regeln")

    for status in (later, earlier, acknowledged):
        status.refresh_from_db()
    assert later.due_on == grace_end + datetime.timedelta(days=15)
    assert earlier.due_on == grace_end - datetime.timedelta(days=15)
    assert acknowledged.due_on == acknowledged.current_until == grace_end


def test_a_deadline_earlier_than_the_grace_period_stands_for_who_acknowledged(people, duty):
    today = timezone.localdate()
    status = ObligationStatus.objects.get(employee=people[0], obligation=duty)
    status.acknowledged_version = 1
    status.current_until = status.due_on = today + datetime.timedelta(days=5)
    status.save()
    issue_new_version(obligation=duty, change_note_de="Neue Regeln")
    status.refresh_from_db()
    assert status.due_on == today + datetime.timedelta(days=5)


# --- defect 3: change marks, and what the editor is told --------------------------------------


def test_the_change_marks_are_cleared_once_a_version_is_issued(duty, module):
    publish_material_change(module)
    module.refresh_from_db()
    assert not module.change_is_material and module.change_note == ""
    draft = module.get_latest_revision_as_object()
    assert not draft.change_is_material and draft.change_note == ""
    assert not module.has_unpublished_changes

    draft.version_label = "2.1"  # a minor correction later on
    draft.save_revision().publish()
    assert duty.versions.count() == 2


def test_the_marks_stay_while_no_version_was_issued(duty, module):
    module.change_is_material = True
    module.save_revision().publish()  # ticked, but the version label is still 1.0
    module.refresh_from_db()
    assert module.change_is_material and duty.versions.count() == 1


def test_the_outlook_counts_the_people_of_each_obligation_in_one_query(
    people, duty, module, django_assert_num_queries
):
    obligation(module=module, title="Zweite Pflicht")
    people[2].active = False
    people[2].save()
    module.version_label, module.change_is_material = "2.0", True
    with django_assert_num_queries(2):  # the default locale, then the obligations
        outlooks = version_outlook(module)
    assert [(o.obligation.title, o.people, o.issues_version) for o in outlooks] == [
        ("Pflicht: Phishing erkennen", 2, True),
        ("Zweite Pflicht", 2, True),
    ]


def test_the_outlook_says_no_version_without_a_new_label_or_for_a_translation(duty, module):
    module.change_is_material = True
    [same_label] = version_outlook(module)
    assert not same_label.issues_version
    english = english_translation(module, version_label="2.0-en", change_is_material=True)
    [for_translation] = version_outlook(english)
    assert not for_translation.issues_version and for_translation.people == 3


def test_the_editor_sees_before_publishing_that_a_version_will_be_issued(
    admin_client, people, duty, module
):
    module.version_label, module.change_is_material = "2.0", True
    module.save_revision()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
    content = response.content.decode()
    assert "data-publish-outlook" in content
    assert "version 2" in content.lower() and "3 " in content
    [consequence] = outlook(module.get_latest_revision_as_object())
    assert consequence.level == "warning"


# --- defect 4: change notes per language -----------------------------------------------------


def test_an_admin_text_edit_stores_the_note_in_both_languages_whatever_the_admins_language(
    duty,
):
    with translation.override("en"):
        obligation_edited(obligation=duty, text_changed=True)
    version = duty.versions.get(number=2)
    assert (
        version.change_note_de == "Der Text, der zur Kenntnis genommen werden soll, wurde geändert."
    )
    assert version.change_note_en == "The text to be acknowledged was changed."


def test_without_an_english_note_english_readers_get_the_german_one(duty):
    version = issue_new_version(obligation=duty, change_note_de="Neue Regeln")
    assert version.change_note_for("en") == version.change_note_for("de") == "Neue Regeln"
    with translation.override("en"):
        assert version.change_note == "Neue Regeln"


def test_a_version_needs_a_german_change_note(duty):
    with pytest.raises(ValueError):
        issue_new_version(obligation=duty, change_note_de="  ", change_note_en="New rules")
    assert ObligationVersion.objects.filter(obligation=duty).count() == 1


def test_a_material_change_without_a_note_gets_a_standard_note_in_both_languages(duty, module):
    publish_material_change(module, note="")
    version = duty.versions.get(number=2)
    assert version.change_note_de and version.change_note_en
    assert version.change_note_de != version.change_note_en
