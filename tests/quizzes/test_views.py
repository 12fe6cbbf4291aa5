import re

import pytest
from django.utils.translation import gettext

from courses.models import ModuleProgress
from quizzes.forms import ANSWER_PREFIX
from quizzes.models import QuizAttempt
from tests.factories import (
    UserFactory,
    choice_question,
    correct_answers,
    lessons_of,
    module_page,
    quiz_of,
    true_false_question,
    wrong_answers,
)
from tests.lesson_client import read_lesson
from tests.quiz_client import form_token, post_answers

pytestmark = pytest.mark.django_db


def test_quiz_requires_login(client, module):
    response = client.get(quiz_of(module).url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_passing_attempt_is_scored_on_the_server_and_shows_feedback(learner_client, user, module):
    quiz = quiz_of(module)
    response = post_answers(learner_client, quiz, correct_answers(quiz), follow=True)
    attempt = QuizAttempt.objects.get(user=user)
    assert attempt.passed and attempt.points == attempt.max_points == 3
    content = response.content.decode()
    assert "Bestanden" in content or "Passed" in content
    assert "Weil es so ist." in content  # explanation per question
    assert "Rückmeldung 0" in content  # feedback of the chosen option


def test_failed_attempt_can_be_retried_and_every_attempt_is_kept(learner_client, user, module):
    quiz = quiz_of(module)
    post_answers(learner_client, quiz, wrong_answers(quiz))
    post_answers(learner_client, quiz, correct_answers(quiz))
    attempts = QuizAttempt.objects.filter(user=user).order_by("submitted_at")
    assert [a.passed for a in attempts] == [False, True]


def test_double_submit_of_the_same_form_counts_once(learner_client, user, module):
    quiz = quiz_of(module)
    token = form_token(learner_client, quiz)
    first = post_answers(learner_client, quiz, correct_answers(quiz), token=token)
    second = post_answers(learner_client, quiz, wrong_answers(quiz), token=token, follow=True)
    assert QuizAttempt.objects.filter(user=user).count() == 1
    assert second.redirect_chain[0][0] == first["Location"]
    assert "bereits" in second.content.decode() or "already" in second.content.decode()


def test_tampered_option_id_is_rejected_and_nothing_stored(learner_client, user, module):
    quiz = quiz_of(module)
    answers = correct_answers(quiz)
    first_question = next(iter(answers))
    answers[first_question] = ["not-an-option"]
    response = post_answers(learner_client, quiz, answers)
    assert response.status_code == 400
    assert not QuizAttempt.objects.exists()
    assert not ModuleProgress.objects.filter(completed_at__isnull=False).exists()


def test_unknown_question_is_rejected_and_nothing_stored(learner_client, module):
    quiz = quiz_of(module)
    answers = {**correct_answers(quiz), "00000000-0000-0000-0000-000000000000": ["x"]}
    assert post_answers(learner_client, quiz, answers).status_code == 400
    assert not QuizAttempt.objects.exists()


def test_incomplete_submission_names_the_missing_question_and_keeps_answers(learner_client, module):
    quiz = quiz_of(module)
    answers = correct_answers(quiz)
    missing_id, kept_id = list(answers)[:2]
    del answers[missing_id]
    response = post_answers(learner_client, quiz, answers)
    content = response.content.decode()
    assert response.status_code == 400
    assert f'href="#question-{missing_id}"' in content
    assert f'aria-describedby="error-{missing_id}"' in content
    kept_option = answers[kept_id][0]
    assert re.search(rf'value="{kept_option}" checked', content)
    assert not QuizAttempt.objects.exists()


@pytest.mark.parametrize("token", ["", "forged", "a:b:c"])
def test_forged_or_missing_token_is_rejected(learner_client, module, token):
    quiz = quiz_of(module)
    response = post_answers(learner_client, quiz, correct_answers(quiz), token=token)
    assert response.status_code == 400
    assert not QuizAttempt.objects.exists()


def test_token_of_another_user_is_rejected(client, module):
    quiz = quiz_of(module)
    other = UserFactory()
    client.force_login(other)
    token = form_token(client, quiz)
    client.force_login(UserFactory())
    assert post_answers(client, quiz, correct_answers(quiz), token=token).status_code == 400
    assert not QuizAttempt.objects.exists()


def test_result_of_another_learner_is_not_found(client, module):
    quiz = quiz_of(module)
    owner = UserFactory()
    client.force_login(owner)
    result_url = post_answers(client, quiz, correct_answers(quiz))["Location"]
    client.force_login(UserFactory())
    assert client.get(result_url).status_code == 404


def test_options_are_shuffled_per_attempt_and_kept_on_reload(learner_client, home):
    quiz = quiz_of(module_page(home=home, questions=[choice_question(n=8)]))
    question_id = quiz.question_list()[0].id
    option_pattern = re.compile(rf'name="{ANSWER_PREFIX}{question_id}" value="([^"]+)"')

    def order():
        return tuple(option_pattern.findall(learner_client.get(quiz.url).content.decode()))

    orders = set()
    for _ in range(6):
        first = order()
        assert order() == first  # a reload shows the same attempt
        orders.add(first)
        post_answers(learner_client, quiz, wrong_answers(quiz))
    assert len(orders) > 1
    assert all(len(order) == 8 for order in orders)


def test_passing_the_quiz_completes_the_module_only_after_all_lessons(learner_client, user, module):
    quiz = quiz_of(module)
    post_answers(learner_client, quiz, correct_answers(quiz))
    progress = ModuleProgress.objects.get(user=user)
    assert progress.completed_at is None
    for lesson in lessons_of(module):
        read_lesson(learner_client, lesson)
    progress.refresh_from_db()
    assert progress.completed_at is not None


def test_an_expired_form_keeps_the_answers_and_stores_nothing(learner_client, user, module):
    quiz = quiz_of(module)
    answers = correct_answers(quiz)
    response = post_answers(learner_client, quiz, answers, token="expired-or-forged")

    assert response.status_code == 400
    html = response.content.decode()
    for question_id, option_ids in answers.items():
        for option_id in option_ids:
            assert re.search(rf'id="option-{question_id}-{option_id}"[^>]* checked', html)
    assert QuizAttempt.objects.filter(user=user).count() == 0


def test_true_false_feedback_keeps_the_answer_the_verdict_and_the_truth_apart(learner_client, home):
    module = module_page(
        home=home,
        title="Wahr oder falsch",
        questions=[true_false_question("Der Service-Desk fragt nach Passwörtern.", correct=False)],
    )
    quiz = quiz_of(module)
    question = quiz.question_list()[0]
    response = post_answers(learner_client, quiz, {question.id: ["false"]}, follow=True)
    html = " ".join(response.content.decode().split())
    assert "– <em>" not in html  # never "Falsch – Richtig."
    assert gettext("Your answer: “%(answer)s”") % {"answer": gettext("False")} in html
    assert "<p><em>Rückmeldung falsch</em></p>" in html
    assert gettext("The statement is false.") in html


def test_result_page_shows_what_other_apps_say_through_the_hook(learner_client, module):
    from django.utils.safestring import mark_safe
    from wagtail import hooks

    from quizzes.selectors import RESULT_NOTICES_HOOK

    def notice(*, request, quiz, attempt):
        return mark_safe(f"<p id='hooked'>{attempt.passed}</p>")

    with hooks.register_temporarily(RESULT_NOTICES_HOOK, notice):
        quiz = quiz_of(module)
        response = post_answers(learner_client, quiz, correct_answers(quiz), follow=True)
    assert "<p id='hooked'>True</p>" in response.content.decode()
