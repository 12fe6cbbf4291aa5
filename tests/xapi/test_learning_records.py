"""Learning events become statements in the same transaction as the event itself."""

import pytest
from django.test import override_settings

from courses.models import LessonRead
from quizzes.models import QuizAttempt
from tests.factories import correct_answers, lessons_of, quiz_of, wrong_answers
from tests.lesson_client import finish_lesson, lesson_token, read_lesson
from tests.quiz_client import post_answers
from xapi.activities import page_iri
from xapi.models import Registration, Statement
from xapi.vocabulary import ANSWERED, ATTEMPTED, COMPLETED, EXPERIENCED, FAILED, PASSED

pytestmark = pytest.mark.django_db


def verbs(**filters):
    return list(
        Statement.objects.filter(**filters).order_by("seq").values_list("verb_id", flat=True)
    )


def test_opening_records_attempted_and_reading_records_experienced(learner_client, user, module):
    lesson = lessons_of(module)[0]
    learner_client.get(lesson.url)
    learner_client.get(lesson.url)
    assert verbs() == [ATTEMPTED.iri]
    read_lesson(learner_client, lesson)
    assert verbs() == [ATTEMPTED.iri, EXPERIENCED.iri]
    experienced = Statement.objects.get(verb_id=EXPERIENCED.iri).data
    assert experienced["object"]["id"] == page_iri(lesson)
    assert (
        experienced["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/lesson"
    )
    assert experienced["context"]["contextActivities"]["parent"][0]["id"] == page_iri(module)
    assert experienced["context"]["language"] == "de-DE"
    assert experienced["context"]["platform"] == "Sensi"
    registration = Registration.objects.get(user=user)
    assert experienced["context"]["registration"] == str(registration.registration)
    assert experienced["result"]["duration"].startswith("PT")  # Data §2.4.5, ISO 8601


def test_actor_is_the_pseudonym_never_name_or_email(learner_client, user, module):
    learner_client.get(lessons_of(module)[0].url)
    statement = Statement.objects.first().data
    assert statement["actor"]["account"]["name"] == str(user.pseudonym)
    text = str(statement)
    assert user.email not in text and user.last_name not in text


@override_settings(SENSI_XAPI_ACTOR="email")
def test_operator_may_choose_email_actors(learner_client, user, module):
    learner_client.get(lessons_of(module)[0].url)
    assert Statement.objects.first().data["actor"] == {
        "objectType": "Agent",
        "mbox": f"mailto:{user.email}",
    }


def test_a_quiz_attempt_records_each_answer_and_the_score(learner_client, module):
    quiz = quiz_of(module)
    post_answers(learner_client, quiz, wrong_answers(quiz))
    answered = Statement.objects.filter(verb_id=ANSWERED.iri)
    assert answered.count() == 3
    first = answered.order_by("seq").first().data
    assert first["result"]["success"] is False
    assert first["result"]["response"]
    assert first["object"]["definition"]["interactionType"] in {"choice", "true-false"}
    assert first["object"]["definition"]["correctResponsesPattern"]
    failed = Statement.objects.get(verb_id=FAILED.iri).data
    assert failed["result"]["score"] == {"raw": 0, "min": 0, "max": 3, "scaled": 0.0}
    assert failed["object"]["id"] == page_iri(quiz)


def test_completing_a_module_records_passed_and_completed(learner_client, module):
    for lesson in lessons_of(module):
        read_lesson(learner_client, lesson)
    quiz = quiz_of(module)
    post_answers(learner_client, quiz, correct_answers(quiz))
    passed = Statement.objects.get(verb_id=PASSED.iri).data
    assert passed["result"]["score"]["scaled"] == 1.0 and passed["result"]["success"] is True
    completed = Statement.objects.get(verb_id=COMPLETED.iri).data
    assert completed["object"]["id"] == page_iri(module)


def test_event_and_statement_are_stored_together_or_not_at_all(learner_client, module, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("LRS write failed")

    lesson = lessons_of(module)[0]
    token = lesson_token(learner_client, lesson, seconds_ago=600)
    monkeypatch.setattr("xapi.recording.store_statements", broken)
    with pytest.raises(RuntimeError):
        finish_lesson(learner_client, lesson, token)
    assert not LessonRead.objects.exists()
    quiz = quiz_of(module)
    with pytest.raises(RuntimeError):
        post_answers(learner_client, quiz, correct_answers(quiz))
    assert not QuizAttempt.objects.exists()
