"""Two people registering at the same moment for the last seat (PostgreSQL: row locks)."""

import threading

import pytest
from django.db import connection, connections

from seminars import services
from seminars.models import Registration
from tests.factories import UserFactory, module_page

from .conftest import make_session

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs real concurrent transactions"
)


@pytest.mark.django_db(transaction=True)
def test_two_registrations_racing_for_the_last_seat_get_one_seat_and_one_waiting_place(trainer):
    session = make_session(module=module_page(lessons=1, questions=[]), trainer=trainer, capacity=1)
    people = [UserFactory(), UserFactory()]
    barrier = threading.Barrier(2)
    errors = []

    def run(user):
        try:
            barrier.wait()
            services.register(user=user, session=session)
        except Exception as error:  # noqa: BLE001  (reported below)
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(user,)) for user in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    statuses = sorted(Registration.objects.values_list("status", flat=True))
    assert statuses == ["confirmed", "waiting"]
