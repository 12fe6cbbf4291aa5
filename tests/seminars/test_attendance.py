"""Trainers' participant lists and attendance: least privilege, xAPI `attended` in the same
transaction, and attendance satisfying an obligation in the ledger (compliance)."""

from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from compliance.ledger.verify import verify_ledger
from compliance.models import LedgerEntry, ObligationStatus
from compliance.selectors import obligations_for
from compliance.standing import Standing, standing
from seminars import services
from seminars.models import TRAINER_GROUP, Attendance
from tests.factories import UserFactory, employee, obligation, sign_in_with_mfa
from xapi.models import Statement

from .conftest import make_session

pytestmark = pytest.mark.django_db

ATTENDED = "http://adlnet.gov/expapi/verbs/attended"


@pytest.fixture
def started(module, trainer):
    """A session that began an hour ago, registered while it was open."""
    session = make_session(module=module, trainer=trainer, capacity=5)
    return session


def register(session, user):
    services.register(user=user, session=session)


def begin(session):
    session.starts_at = timezone.now() - timedelta(hours=1)
    session.ends_at = timezone.now() + timedelta(hours=1)
    session.registration_deadline = session.starts_at - timedelta(days=1)
    session.save()


def test_trainer_sees_own_sessions_and_participant_names_only(client, trainer, started):
    participant = UserFactory(first_name="Paula", last_name="Presente")
    register(started, participant)
    other_trainer = UserFactory()
    other_trainer.groups.add(Group.objects.get(name=TRAINER_GROUP))
    others = make_session(module=started.module, trainer=other_trainer)
    sign_in_with_mfa(client, trainer)
    listing = client.get(reverse("seminars:trainer")).content.decode()
    assert reverse("seminars:attendance", args=[started.pk]) in listing
    assert reverse("seminars:attendance", args=[others.pk]) not in listing
    page = client.get(reverse("seminars:attendance", args=[started.pk])).content.decode()
    assert "Presente, Paula" in page
    assert participant.email not in page
    assert client.get(reverse("seminars:attendance", args=[others.pk])).status_code == 404


def test_learner_without_the_trainer_permission_is_refused(learner_client, started):
    assert learner_client.get(reverse("seminars:trainer")).status_code == 403
    response = learner_client.get(reverse("seminars:attendance", args=[started.pk]))
    assert response.status_code == 403


def test_participant_list_query_count_is_constant(
    client, trainer, started, django_assert_max_num_queries
):
    for _ in range(5):
        register(started, UserFactory())
    sign_in_with_mfa(client, trainer)
    with django_assert_max_num_queries(14):
        assert client.get(reverse("seminars:attendance", args=[started.pk])).status_code == 200


def test_attendance_records_rows_and_attended_statements(client, trainer, started):
    present, absent = UserFactory(), UserFactory()
    register(started, present)
    register(started, absent)
    begin(started)
    sign_in_with_mfa(client, trainer)
    response = client.post(
        reverse("seminars:attendance", args=[started.pk]), {"present": [present.pk]}
    )
    assert response.status_code == 302
    assert list(Attendance.objects.values_list("user_id", flat=True)) == [present.pk]
    [statement] = Statement.objects.filter(verb_id=ATTENDED)
    assert statement.data["object"]["definition"]["type"].endswith("/activities/meeting")
    # Saving again (double submit) records nothing twice.
    client.post(reverse("seminars:attendance", args=[started.pk]), {"present": [present.pk]})
    assert Attendance.objects.count() == 1
    assert Statement.objects.filter(verb_id=ATTENDED).count() == 1


def test_attendance_before_the_start_is_refused(client, trainer, started):
    participant = UserFactory()
    register(started, participant)
    sign_in_with_mfa(client, trainer)
    response = client.post(
        reverse("seminars:attendance", args=[started.pk]), {"present": [participant.pk]}
    )
    assert response.status_code == 400
    assert not Attendance.objects.exists()


def test_someone_not_registered_cannot_be_marked_and_nothing_is_recorded(client, trainer, started):
    participant = UserFactory()
    register(started, participant)
    begin(started)
    sign_in_with_mfa(client, trainer)
    response = client.post(
        reverse("seminars:attendance", args=[started.pk]),
        {"present": [participant.pk, UserFactory().pk]},
    )
    assert response.status_code == 400
    assert not Attendance.objects.exists()
    assert not Statement.objects.filter(verb_id=ATTENDED).exists()


def test_tampered_id_is_a_bad_request(client, trainer, started):
    begin(started)
    sign_in_with_mfa(client, trainer)
    response = client.post(reverse("seminars:attendance", args=[started.pk]), {"present": ["x"]})
    assert response.status_code == 400


def test_statement_failure_rolls_back_the_attendance(trainer, started):
    participant = UserFactory()
    register(started, participant)
    begin(started)
    with (
        mock.patch("seminars.learning_records.record", side_effect=RuntimeError("LRS")),
        pytest.raises(RuntimeError),
    ):
        services.record_attendance(session=started, trainer=trainer, present=[participant.pk])
    assert not Attendance.objects.exists()


def test_attendance_satisfies_the_obligation_with_an_attendance_ledger_entry(
    client, trainer, started, module
):
    person = employee()
    duty = obligation(module=module)
    register(started, person.user)
    begin(started)
    services.record_attendance(session=started, trainer=trainer, present=[person.user.pk])
    [entry] = LedgerEntry.objects.filter(employee=person)
    assert entry.kind == LedgerEntry.Kind.ATTENDANCE
    assert entry.recorded_by == trainer
    status = ObligationStatus.objects.get(employee=person, obligation=duty)
    assert status.acknowledged_via == LedgerEntry.Kind.ATTENDANCE
    assert standing(status, timezone.localdate(), 1) == Standing.DONE
    assert verify_ledger().ok
    [item] = obligations_for(person)
    assert not item.needs_confirmation
    client.force_login(person.user)
    page = client.get(reverse("courses:my_training")).content.decode()
    assert "standing-via" in page


def test_attendance_leaves_an_obligation_that_already_counts_alone(trainer, started, module):
    from compliance.services import record_correction

    person = employee()
    duty = obligation(module=module)
    record_correction(
        employee=person,
        version=duty.versions.get(),
        confirmed_at=timezone.now(),
        language="de",
        reason="Papier",
        recorded_by=UserFactory(),
    )
    register(started, person.user)
    begin(started)
    services.record_attendance(session=started, trainer=trainer, present=[person.user.pk])
    assert list(LedgerEntry.objects.values_list("kind", flat=True)) == ["correction"]


def test_a_trainer_must_pass_the_second_factor_before_participant_lists(client, trainer, started):
    """Attendance discharges obligations in the ledger; a password alone must not do it."""
    client.force_login(trainer)
    for url in (reverse("seminars:trainer"), reverse("seminars:attendance", args=[started.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("mfa_activate_totp"))
