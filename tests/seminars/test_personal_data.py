from datetime import timedelta

import pytest
from django.utils import timezone

from privacy import registry
from seminars import personal_data, services
from seminars.models import Attendance, Registration, Session
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_registrations_and_attendance_are_declared():
    assert {Registration, Attendance, Session} <= registry.declared_models()
    keys = {section.key for section in registry.sections()}
    assert {"seminar_registrations", "seminar_attendance"} <= keys


def test_the_export_holds_the_own_registrations_only(session):
    user = UserFactory()
    services.register(user=user, session=session)
    services.register(user=UserFactory(), session=session)
    [row] = personal_data.registrations(user)
    assert row["status"] == "confirmed"
    assert row["module_key"] == session.module.translation_key


def test_registrations_of_sessions_ended_before_the_cutoff_expire(session):
    services.register(user=UserFactory(), session=session)
    assert not personal_data.expired_registrations(timezone.now()).exists()
    assert personal_data.expired_registrations(session.ends_at + timedelta(days=1)).exists()
