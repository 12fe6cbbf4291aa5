"""Two employees who have each read a module, passed its quiz and acknowledged its
obligation, and been reminded once: everything Sensi holds about a learner."""

import base64
import json
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import timezone

from compliance.models import Employee, Obligation, Reminder
from compliance.models.obligations import text_hash
from compliance.services import confirm_acknowledgement
from tests.factories import (
    UserFactory,
    correct_answers,
    dienststelle,
    employee,
    lessons_of,
    obligation,
    quiz_of,
)
from tests.lesson_client import read_lesson
from tests.quiz_client import post_answers
from xapi.models import LRSClient


@dataclass
class Learner:
    user: object
    employee: Employee
    client: Client


def take_module(client: Client, module) -> None:
    for lesson in lessons_of(module):
        read_lesson(client, lesson)
    post_answers(client, quiz_of(module), correct_answers(quiz_of(module)))


def acknowledge(person: Employee, duty: Obligation) -> None:
    version = duty.versions.get()
    confirm_acknowledgement(
        employee=person,
        obligation=duty,
        language="de",
        shown_text_hash=text_hash(version.text_for("de")),
    )


@pytest.fixture
def learners(db, module) -> tuple[Learner, Learner]:
    office = dienststelle()
    people = []
    for first_name in ("Anna", "Bernd"):
        user = UserFactory(first_name=first_name, last_name=f"{first_name}sen")
        people.append(Learner(user, employee(user=user, office=office), Client()))
    duty = obligation(module=module)
    for learner in people:
        learner.client.force_login(learner.user)
        take_module(learner.client, module)
        acknowledge(learner.employee, duty)
        Reminder.objects.create(
            employee=learner.employee,
            obligation=duty,
            sent_on=timezone.localdate(),
            standing=Reminder.Standing.DUE_SOON,
        )
    return tuple(people)


@pytest.fixture
def lrs_get(db):
    """GET an LRS resource as a reading client (Basic auth, xAPI 1.0.3 Communication §2.1)."""
    lrs_client, secret = LRSClient.create(name="reader", can_read=True, can_write=False)
    token = base64.b64encode(f"{lrs_client.key}:{secret}".encode()).decode()
    client = Client()

    def get(path, **params):
        return client.get(
            f"/xapi/{path}",
            params,
            HTTP_AUTHORIZATION=f"Basic {token}",
            HTTP_X_EXPERIENCE_API_VERSION="1.0.3",
        )

    return get


def agent_of(user) -> str:
    from xapi.recording import actor_for

    return json.dumps(actor_for(user))
