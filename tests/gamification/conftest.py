import datetime
import uuid

import pytest
from django.utils import timezone

from compliance.models import Employee
from courses.models import ModuleProgress
from gamification.models import GamificationSettings, TeamChallenge
from impulses.models import ImpulseAnswer
from tests.factories import UserFactory, dienststelle, employee, ressort


def at(day: datetime.date, hour: int = 12) -> datetime.datetime:
    """A moment on `day` in Europe/Berlin."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def answer_on(user, moment: datetime.datetime) -> ImpulseAnswer:
    """An impulse answer given at `moment` (answered_at is set on insert, so moved after)."""
    answer = ImpulseAnswer.objects.create(
        user=user, impulse_key=uuid.uuid4(), option_id="a", correct=True
    )
    ImpulseAnswer.objects.filter(pk=answer.pk).update(answered_at=moment)
    return answer


def complete(user, module, moment: datetime.datetime | None = None) -> ModuleProgress:
    return ModuleProgress.objects.create(
        user=user, module_key=module.translation_key, completed_at=moment or timezone.now()
    )


def switch_on(**switches) -> GamificationSettings:
    config = GamificationSettings.load()
    for name in ("streaks", "badges", "progress_ring", "team_challenges"):
        setattr(config, name, switches.get(name, True))
    config.save()
    return config


def team(office, size: int) -> list[Employee]:
    return [employee(office=office) for _ in range(size)]


def challenge(**fields) -> TeamChallenge:
    today = timezone.localdate()
    defaults = {
        "title": "Sicherheitswoche",
        "description": "Eine Woche lang gemeinsam für mehr Sicherheit.",
        "starts_on": today - datetime.timedelta(days=2),
        "ends_on": today + datetime.timedelta(days=4),
        "level": TeamChallenge.Level.RESSORT,
        "activity": TeamChallenge.Activity.IMPULSE,
    }
    return TeamChallenge.objects.create(**{**defaults, **fields})


@pytest.fixture
def switched_on(db):
    return switch_on()


@pytest.fixture
def learner(db):
    return UserFactory()


__all__ = ["UserFactory", "dienststelle", "ressort"]
