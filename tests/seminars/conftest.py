from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
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


@pytest.fixture
def trainer(db):
    user = UserFactory(first_name="Tom", last_name="Trainer")
    user.groups.add(Group.objects.get(name=TRAINER_GROUP))
    return user


@pytest.fixture
def session(module, trainer):
    return make_session(module=module, trainer=trainer)
