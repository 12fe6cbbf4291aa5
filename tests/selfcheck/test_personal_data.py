"""selfcheck.personal_data: the runs and answers are in the employee's download and go after
the learning retention period."""

import datetime
import uuid

import pytest
from django.utils import timezone

from privacy.retention import purge_expired
from privacy.selectors import personal_data
from selfcheck.models import SelfCheckAnswer, SelfCheckRun
from selfcheck.services import submit_check
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def take(user, steps, *answers):
    return submit_check(
        user=user,
        steps=steps,
        answers={str(s.translation_key): a for s, a in zip(steps, answers, strict=True)},
        submission_id=uuid.uuid4(),
        language="de",
    )


def test_the_download_holds_the_employees_answers_only(steps):
    user, other = UserFactory(), UserFactory()
    take(user, steps, "done", "unknown", "not_possible")
    take(other, steps, "done", "done", "done")
    rows = personal_data(user).sections()["selfcheck_runs"]
    assert [row["answer"] for row in rows] == ["done", "unknown", "not_possible"]
    assert rows[0]["question"] == steps[0].question
    assert rows[0]["run__done"] == 1 and rows[0]["run__latest"] is True


def test_runs_older_than_the_learning_period_are_deleted_with_their_answers(steps):
    user = UserFactory()
    old = take(user, steps, "done", "done", "done")
    SelfCheckRun.objects.filter(pk=old.pk).update(
        completed_at=timezone.now() - datetime.timedelta(days=10_000)
    )
    take(user, steps, "done", "done", "unknown")
    result = purge_expired()
    assert result.counts["selfcheck_runs"] == 1
    assert SelfCheckRun.objects.filter(user=user).count() == 1
    assert SelfCheckAnswer.objects.count() == 3
