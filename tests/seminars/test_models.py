from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import override_settings

from seminars.models import TRAINER_GROUP, Session

from .conftest import make_session

pytestmark = pytest.mark.django_db


def test_trainer_group_has_only_the_attendance_permission():
    group = Group.objects.get(name=TRAINER_GROUP)
    assert [p.codename for p in group.permissions.all()] == ["take_attendance"]


def test_session_must_end_after_it_starts(module, trainer, session):
    session.ends_at = session.starts_at - timedelta(minutes=1)
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert "ends_at" in error.value.message_dict


def test_deadline_after_start_is_refused(session):
    session.registration_deadline = session.starts_at + timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert "registration_deadline" in error.value.message_dict


def test_on_site_session_needs_a_place(session):
    session.place = " "
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    assert "place" in error.value.message_dict


def test_online_session_needs_a_room_link_without_bbb(module, trainer):
    with pytest.raises(ValidationError) as error:
        make_session(module=module, trainer=trainer, kind=Session.Kind.ONLINE, place="")
    assert "room_url" in error.value.message_dict


@override_settings(SENSI_BBB_API_URL="https://bbb.example/bigbluebutton/api/", SENSI_BBB_SECRET="s")
def test_online_session_without_link_is_fine_with_bbb(module, trainer):
    session = make_session(module=module, trainer=trainer, kind=Session.Kind.ONLINE, place="")
    assert session.is_online


def test_str_shows_berlin_time(session):
    # Stored in UTC, shown in Europe/Berlin.
    session.starts_at = session.starts_at.replace(month=1, day=15, hour=9, minute=0, year=2027)
    assert str(session).endswith("15.01.2027 10:00")
