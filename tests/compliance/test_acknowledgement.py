"""The employee's binding acknowledgement: conditions, ledger, status, statement, PDF."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from compliance.ledger.verify import verify_ledger
from compliance.models import LedgerEntry, ObligationStatus
from compliance.models.obligations import text_hash
from compliance.selectors import obligations_for
from compliance.services import (
    AcknowledgementRefused,
    confirm_acknowledgement,
    issue_new_version,
    record_correction,
)
from compliance.standing import Standing, standing
from tests.factories import (
    UserFactory,
    correct_answers,
    employee,
    lessons_of,
    obligation,
    quiz_of,
)
from tests.lesson_client import read_lesson
from tests.quiz_client import post_answers
from xapi.models import Statement
from xapi.vocabulary import ACKNOWLEDGED

pytestmark = pytest.mark.django_db

TEXT_DE = "Ich habe die Hinweise zur Kenntnis genommen."


@pytest.fixture
def person(user):
    return employee(user=user)


@pytest.fixture
def duty(person, module):
    return obligation(module=module)


def duty_office(duty):
    return duty.statuses.first().employee.dienststelle


def complete_module(client, module):
    for lesson in lessons_of(module):
        read_lesson(client, lesson)
    quiz = quiz_of(module)
    post_answers(client, quiz, correct_answers(quiz))


def confirm_via_form(client, duty, text=TEXT_DE, confirmed="yes"):
    return client.post(
        reverse("compliance:confirm", args=[duty.pk]),
        {"confirmed": confirmed, "text_hash": text_hash(text)},
    )


def test_every_employee_of_the_audience_gets_a_status_when_the_obligation_is_created(person, duty):
    status = ObligationStatus.objects.get(employee=person, obligation=duty)
    assert status.current_until is None
    assert status.due_on == duty.due_date
    assert standing(status, timezone.localdate()) == Standing.OPEN


def test_confirming_before_completing_the_module_is_refused(learner_client, person, duty):
    response = confirm_via_form(learner_client, duty)
    assert response.status_code == 400
    assert not LedgerEntry.objects.exists()


def test_employee_completes_and_confirms_and_the_ledger_records_it(
    learner_client, person, duty, module
):
    complete_module(learner_client, module)
    response = confirm_via_form(learner_client, duty)
    assert response.status_code == 302
    entry = LedgerEntry.objects.get()
    assert entry.employee == person and entry.kind == "confirmation"
    assert entry.text_hash == text_hash(TEXT_DE) and entry.language == "de"
    status = ObligationStatus.objects.get(employee=person, obligation=duty)
    assert standing(status, timezone.localdate()) == Standing.DONE
    assert verify_ledger().ok
    statement = Statement.objects.get(verb_id=ACKNOWLEDGED.iri).data
    extensions = statement["context"]["extensions"]
    assert text_hash(TEXT_DE) in extensions.values()
    assert duty.module.version_label in extensions.values()


def test_a_double_confirmation_counts_once(learner_client, person, duty, module):
    complete_module(learner_client, module)
    confirm_via_form(learner_client, duty)
    confirm_via_form(learner_client, duty)
    assert LedgerEntry.objects.count() == 1
    assert Statement.objects.filter(verb_id=ACKNOWLEDGED.iri).count() == 1


def test_confirming_an_obligation_one_does_not_have_is_not_found(client, duty):
    stranger = employee(office=duty_office(duty), number="X1")
    ObligationStatus.objects.filter(employee=stranger).delete()
    client.force_login(stranger.user)
    assert confirm_via_form(client, duty).status_code == 404
    assert not LedgerEntry.objects.exists()


def test_unticked_box_is_refused_with_a_message(learner_client, person, duty, module):
    complete_module(learner_client, module)
    response = confirm_via_form(learner_client, duty, confirmed="")
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert not LedgerEntry.objects.exists()


def test_a_text_changed_while_reading_is_refused(learner_client, person, duty, module):
    complete_module(learner_client, module)
    response = confirm_via_form(learner_client, duty, text="an older text")
    assert response.status_code == 400
    assert not LedgerEntry.objects.exists()


def test_a_material_change_asks_for_a_new_acknowledgement_within_the_grace_period(
    learner_client, person, duty, module
):
    complete_module(learner_client, module)
    confirm_via_form(learner_client, duty)
    version = issue_new_version(obligation=duty, change_note_de="Neue Regeln für WLAN")
    status = ObligationStatus.objects.get(employee=person, obligation=duty)
    today = timezone.localdate()
    assert standing(status, today, version.number) == Standing.RENEWAL_DUE
    assert standing(status, version.due_date + datetime.timedelta(days=1)) == Standing.OVERDUE
    [item] = obligations_for(person)
    assert item.needs_confirmation and item.version.change_note == "Neue Regeln für WLAN"
    confirm_via_form(learner_client, duty)
    assert LedgerEntry.objects.count() == 2
    status.refresh_from_db()
    assert status.acknowledged_version == 2


def test_publishing_a_module_with_a_material_change_issues_a_new_version(person, duty, module):
    module.version_label = "2.0"
    module.change_is_material = True
    module.change_note = "Neu: Passkeys"
    module.save_revision().publish()
    assert duty.versions.count() == 2
    module.save_revision().publish()  # the same version label again: nobody is asked twice
    assert duty.versions.count() == 2


def test_minor_changes_issue_no_new_version(person, duty, module):
    module.title = "Tippfehler behoben"
    module.save_revision().publish()
    assert duty.versions.count() == 1


def test_a_correction_is_a_new_entry_with_reason_and_recording_person(person, duty):
    admin = UserFactory(is_superuser=True)
    version = duty.versions.get()
    entry = record_correction(
        employee=person,
        version=version,
        confirmed_at=timezone.now() - datetime.timedelta(days=3),
        language="de",
        reason="Papierformular vom 24.11.",
        recorded_by=admin,
    )
    assert entry.kind == "correction" and entry.recorded_by == admin
    assert verify_ledger().ok
    with pytest.raises(AcknowledgementRefused):
        record_correction(
            employee=person,
            version=version,
            confirmed_at=timezone.now(),
            language="de",
            reason="  ",
            recorded_by=admin,
        )


def test_the_confirmation_pdf_is_only_for_its_owner(learner_client, client, person, duty, module):
    complete_module(learner_client, module)
    confirm_via_form(learner_client, duty)
    entry = LedgerEntry.objects.get()
    url = reverse("compliance:confirmation_pdf", args=[entry.seq])
    response = learner_client.get(url)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


def test_obligations_show_on_my_training(learner_client, person, duty):
    content = learner_client.get(reverse("courses:my_training")).content.decode()
    assert duty.title in content


def test_an_inactive_employee_cannot_confirm(person, duty):
    person.active = False
    person.save()
    with pytest.raises(AcknowledgementRefused):
        confirm_acknowledgement(
            employee=person, obligation=duty, language="de", shown_text_hash=text_hash(TEXT_DE)
        )
