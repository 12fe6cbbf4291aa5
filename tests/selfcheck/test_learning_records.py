"""selfcheck.learning_records: completing the check records one `completed` statement that
carries no answers (xAPI 1.0.3 Data §2.4.5 result: completion and score only)."""

import json
import uuid

import pytest

from selfcheck.learning_records import selfcheck_activity
from selfcheck.models import SelfCheckRun
from selfcheck.services import InvalidAnswers, submit_check
from tests.factories import UserFactory
from xapi.models import Statement
from xapi.vocabulary import COMPLETED

pytestmark = pytest.mark.django_db


def submit(user, steps, *answers, submission_id=None):
    return submit_check(
        user=user,
        steps=steps,
        answers={str(s.translation_key): a for s, a in zip(steps, answers, strict=False)},
        submission_id=submission_id or uuid.uuid4(),
        language="de",
    )


def test_completing_the_check_records_completed_with_the_count_done_only(steps):
    user = UserFactory()
    submit(user, steps, "done", "unknown", "not_possible")
    statement = Statement.objects.get()
    assert statement.verb_id == COMPLETED.iri
    assert statement.object_activity_id == selfcheck_activity().iri
    result = statement.data["result"]
    assert result["completion"] is True
    assert result["score"]["raw"] == 1 and result["score"]["max"] == 3
    assert set(result) == {"completion", "score"}  # no response, no extensions


def test_the_statement_has_no_answer_data(steps):
    submit(UserFactory(), steps, "done", "unknown", "not_possible")
    text = json.dumps(Statement.objects.get().data)
    for step in steps:
        assert str(step.translation_key) not in text
        assert step.question not in text
    for answer in ("unknown", "not_possible", "nicht möglich", "weiß nicht"):
        assert answer not in text
    data = Statement.objects.get().data
    assert "extensions" not in data.get("context", {})
    assert "interactionType" not in data["object"].get("definition", {})


def test_a_double_submit_records_one_statement(steps):
    user, submission = UserFactory(), uuid.uuid4()
    submit(user, steps, "done", "done", "done", submission_id=submission)
    submit(user, steps, "done", "done", "done", submission_id=submission)
    assert Statement.objects.count() == 1


def test_refused_answers_record_no_statement(steps):
    with pytest.raises(InvalidAnswers):
        submit(UserFactory(), steps, "done", "done", "sometimes")
    assert not Statement.objects.exists()
    assert not SelfCheckRun.objects.exists()


def test_run_and_statement_are_stored_together_or_not_at_all(steps, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("LRS store failed")

    monkeypatch.setattr("selfcheck.learning_records.record", fail)
    with pytest.raises(RuntimeError):
        submit(UserFactory(), steps, "done", "done", "done")
    assert not SelfCheckRun.objects.exists()
