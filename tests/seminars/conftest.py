from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from seminars.models import TRAINER_GROUP, Session
from tests.factories import UserFactory


def make_session(*, module, trainer, **fields) -> Session:
    start = timezone.now() + timedelta(days=7)
    values = {
        "kind": Session.Kind.ON_SITE,
        "starts_at": start,
        "ends_at": start + timedelta(hours=2),
        "place": "Raum 1.23, Luisenplatz 10, Wiesbaden",
        "capacity": 2,
        "registration_deadline": start - timedelta(days=1),
        **fields,
    }
    session = Session(module=module, trainer=trainer, **values)
    session.full_clean()
    session.save()
    return session


def trainer_group() -> Group:
    """The group the migration creates; transactional tests flush it, so it is made again
    (with its permission, which Django recreates after a flush)."""
    group, _created = Group.objects.get_or_create(name=TRAINER_GROUP)
    group.permissions.add(Permission.objects.get(codename="take_attendance"))
    return group


@pytest.fixture
def trainer(db):
    user = UserFactory(first_name="Tom", last_name="Trainer")
    user.groups.add(trainer_group())
    return user


@pytest.fixture
def session(module, trainer):
    return make_session(module=module, trainer=trainer)
