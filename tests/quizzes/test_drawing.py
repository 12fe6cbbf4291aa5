import random
import re
from collections import Counter

import pytest
from django.core.exceptions import ValidationError

from quizzes.drawing import draw
from quizzes.forms import read_token
from quizzes.models import QuizAttempt, QuizDraw
from quizzes.questions import SINGLE_CHOICE, Option, Question
from tests.factories import (
    choice_question,
    correct_answers,
    module_page,
    quiz_of,
    true_false_question,
    variants_question,
    wrong_answers,
)
from tests.quiz_client import drawn_question_ids, post_answers, quiz_form
from xapi.models import Statement

pytestmark = pytest.mark.django_db

ANSWERED = "http://adlnet.gov/expapi/verbs/answered"


def pool_quiz(home, **fields):
    """Four slots: two plain questions and two with two variants each."""
    questions = [
        choice_question("Frage A"),
        variants_question(choice_question("Frage B1"), choice_question("Frage B2")),
        true_false_question("Frage C"),
        variants_question(true_false_question("Frage D1"), true_false_question("Frage D2")),
    ]
    return quiz_of(module_page(home=home, questions=questions, **fields))


def slot_of(quiz):
    return {question.id: question.slot for question in quiz.question_list()}


def test_an_attempt_draws_the_set_number_of_slots_and_one_variant_of_each(learner_client, home):
    quiz = pool_quiz(home, questions_per_attempt=3)
    drawn = drawn_question_ids(learner_client, quiz)
    slots = slot_of(quiz)
    assert len(drawn) == 3
    assert len({slots[qid] for qid in drawn}) == 3
    assert QuizDraw.objects.get().question_ids == drawn


def test_reloading_the_form_keeps_the_draw(learner_client, user, home):
    quiz = pool_quiz(home, questions_per_attempt=2)
    first_token, first_drawn = quiz_form(learner_client, quiz)
    second_token, second_drawn = quiz_form(learner_client, quiz)
    assert second_drawn == first_drawn
    assert QuizDraw.objects.count() == 1
    # The signed tokens may differ in their timestamp, never in the draw they name.
    quiz_forms = [read_token(token, user=user, quiz=quiz) for token in (first_token, second_token)]
    assert quiz_forms == [QuizDraw.objects.get().token] * 2


def test_an_attempt_is_scored_on_the_drawn_questions_only(learner_client, user, home):
    quiz = pool_quiz(home, questions_per_attempt=2)
    post_answers(learner_client, quiz, correct_answers(quiz))
    attempt = QuizAttempt.objects.get(user=user)
    assert attempt.passed and attempt.max_points == 2
    assert attempt.draw.question_ids == [result["question"] for result in attempt.results]
    answered = Statement.objects.filter(verb_id=ANSWERED).count()
    assert answered == 2


def test_a_pool_question_that_was_not_drawn_is_rejected_and_nothing_stored(learner_client, home):
    quiz = pool_quiz(home, questions_per_attempt=2)
    token, drawn = quiz_form(learner_client, quiz)
    answers = correct_answers(quiz)  # the whole pool
    response = post_answers(learner_client, quiz, answers, token=token)
    assert response.status_code == 400
    assert not QuizAttempt.objects.exists()
    assert not Statement.objects.exists()


def test_a_double_submit_of_one_draw_stores_one_attempt(learner_client, user, home):
    quiz = pool_quiz(home, questions_per_attempt=2)
    token, drawn = quiz_form(learner_client, quiz)
    answers = {qid: ids for qid, ids in correct_answers(quiz).items() if qid in drawn}
    post_answers(learner_client, quiz, answers, token=token)
    post_answers(learner_client, quiz, answers, token=token)
    assert QuizAttempt.objects.filter(user=user).count() == 1
    assert QuizDraw.objects.get().attempt.passed


def test_a_question_removed_by_an_editor_meanwhile_gives_409_and_stores_nothing(
    learner_client, home
):
    quiz = pool_quiz(home)
    token, drawn = quiz_form(learner_client, quiz)
    answers = {qid: ids for qid, ids in correct_answers(quiz).items() if qid in drawn}
    first_slot = quiz.questions[0].id
    quiz.questions = [child for child in quiz.questions.raw_data if child["id"] != first_slot]
    quiz.save_revision().publish()
    quiz.refresh_from_db()

    response = post_answers(learner_client, quiz, answers, token=token)

    assert response.status_code == 409
    assert "geändert" in response.content.decode() or "changed" in response.content.decode()
    assert not QuizAttempt.objects.exists()
    assert not Statement.objects.exists()
    # The page offers a new draw of the current questions.
    assert first_slot not in drawn_question_ids(learner_client, quiz)


def test_a_failed_attempt_shows_what_was_wrong_but_not_the_solutions(learner_client, home):
    quiz = quiz_of(module_page(home=home))
    response = post_answers(learner_client, quiz, wrong_answers(quiz), follow=True)
    html = response.content.decode()
    attempt = QuizAttempt.objects.get()
    assert not attempt.passed and not attempt.solutions_shown
    assert html.count("review__item--wrong") == 3
    assert "Weil es so ist." not in html  # no explanation
    assert not re.search(r"Rückmeldung (\d|richtig|falsch)", html)  # no option feedback
    correct_texts = [o.text for q in quiz.question_list() for o in q.options if o.correct]
    review = html[html.index('class="review"') :]
    assert not any(f"<li>{text}</li>" in review for text in correct_texts)


def test_the_editor_cannot_ask_more_questions_than_the_pool_has(home):
    quiz = pool_quiz(home)
    quiz.questions_per_attempt = 5
    with pytest.raises(ValidationError) as error:
        quiz.full_clean()
    assert "questions_per_attempt" in error.value.message_dict


def test_the_editor_preview_shows_every_variant(admin_client, home):
    quiz = pool_quiz(home, questions_per_attempt=2)
    response = admin_client.get(f"/admin/pages/{quiz.pk}/view_draft/")
    html = response.content.decode()
    assert all(f"Frage {name}" in html for name in ("A", "B1", "B2", "C", "D1", "D2"))


def _question(qid, slot):
    return Question(qid, SINGLE_CHOICE, qid, "", (Option("a", "A", True, ""),), slot)


POOL = [
    _question("a", "a"),
    _question("b1", "b"),
    _question("b2", "b"),
    _question("c", "c"),
]


def test_drawing_prefers_variants_whose_solutions_were_not_shown():
    for seed in range(20):
        drawn = draw(POOL, count=None, seen=Counter(), revealed={"b1"}, rng=random.Random(seed))
        assert [q.id for q in drawn] == ["a", "b2", "c"]


def test_drawing_prefers_slots_not_seen_and_keeps_the_quiz_order():
    seen = Counter({"a": 1, "b1": 1, "b2": 1})
    for seed in range(20):
        drawn = draw(POOL, count=2, seen=seen, revealed=set(), rng=random.Random(seed))
        assert drawn[-1].id == "c" and len(drawn) == 2


def test_drawing_is_random_among_equally_fresh_variants():
    drawn = {
        draw(POOL, count=None, seen=Counter(), revealed=set(), rng=random.Random(seed))[1].id
        for seed in range(20)
    }
    assert drawn == {"b1", "b2"}


def test_an_attempt_after_solutions_were_shown_draws_the_other_variant(learner_client, user, home):
    quiz = pool_quiz(home, attempts_per_period=1)
    post_answers(learner_client, quiz, wrong_answers(quiz))
    first = QuizAttempt.objects.get()
    assert first.solutions_shown
    QuizAttempt.objects.update(submitted_at=first.submitted_at.replace(year=2020))

    drawn = drawn_question_ids(learner_client, quiz)

    slots = slot_of(quiz)
    for earlier in first.draw.question_ids:
        same_slot = [qid for qid in drawn if slots[qid] == slots[earlier]][0]
        has_variants = sum(1 for s in slots.values() if s == slots[earlier]) > 1
        assert (same_slot != earlier) == has_variants


def test_form_names_the_drawn_questions_only(learner_client, home):
    quiz = pool_quiz(home, questions_per_attempt=2)
    html = learner_client.get(quiz.url).content.decode()
    assert len(re.findall(r'<fieldset class="question', html)) == 2
    assert "2 Fragen" in html or "2 questions" in html
