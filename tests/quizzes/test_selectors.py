import datetime

import pytest
from django.utils import timezone

from courses.models import LessonRead
from courses.selectors import lessons_not_read_since
from quizzes.forms import issue_token
from quizzes.models import QuizAttempt, QuizDraw
from quizzes.selectors import attempt_allowance
from tests.factories import correct_answers, lessons_of, module_page, quiz_of, wrong_answers
from tests.lesson_client import read_lesson
from tests.quiz_client import form_token, post_answers

pytestmark = pytest.mark.django_db


def age_attempts(hours):
    for attempt in QuizAttempt.objects.all():
        QuizAttempt.objects.filter(pk=attempt.pk).update(
            submitted_at=attempt.submitted_at - datetime.timedelta(hours=hours)
        )


def test_without_a_policy_attempts_are_unlimited(learner_client, user, module):
    quiz = quiz_of(module)
    for _ in range(4):
        post_answers(learner_client, quiz, wrong_answers(quiz))
    assert QuizAttempt.objects.filter(user=user).count() == 4
    assert not QuizAttempt.objects.filter(solutions_shown=True).exists()


def test_the_limit_per_period_refuses_a_further_attempt_and_stores_nothing(
    learner_client, user, home
):
    quiz = quiz_of(module_page(home=home, attempts_per_period=2, attempt_period_hours=24))
    post_answers(learner_client, quiz, wrong_answers(quiz))
    form_page = learner_client.get(quiz.url).content.decode()
    assert "letzter Versuch" in form_page or "last attempt" in form_page
    post_answers(learner_client, quiz, wrong_answers(quiz))

    page = learner_client.get(quiz.url)
    html = page.content.decode()
    assert 'name="token"' not in html
    assert "nächster Versuch" in html or "next attempt" in html
    response = learner_client.post(quiz.url, {"token": "anything"})
    assert response.status_code in (400, 403)
    assert QuizAttempt.objects.filter(user=user).count() == 2


def test_two_tabs_share_one_draw_so_the_limit_cannot_be_doubled(learner_client, user, home):
    quiz = quiz_of(module_page(home=home, attempts_per_period=1))
    first_tab, second_tab = form_token(learner_client, quiz), form_token(learner_client, quiz)
    assert QuizDraw.objects.count() == 1  # both tokens name the same draw
    post_answers(learner_client, quiz, wrong_answers(quiz), token=first_tab)
    post_answers(learner_client, quiz, correct_answers(quiz), token=second_tab)
    assert list(QuizAttempt.objects.values_list("passed", flat=True)) == [False]


def test_the_last_allowed_attempt_shows_the_solutions(learner_client, user, home):
    quiz = quiz_of(module_page(home=home, attempts_per_period=2))
    first = post_answers(learner_client, quiz, wrong_answers(quiz), follow=True)
    assert "Weil es so ist." not in first.content.decode()
    last = post_answers(learner_client, quiz, wrong_answers(quiz), follow=True)
    html = last.content.decode()
    assert "Weil es so ist." in html
    assert "Richtige Antwort" in html or "Correct answer" in html
    assert [a.solutions_shown for a in QuizAttempt.objects.order_by("submitted_at")] == [
        False,
        True,
    ]


def test_attempts_are_possible_again_in_the_next_period(learner_client, user, home):
    quiz = quiz_of(module_page(home=home, attempts_per_period=1, attempt_period_hours=8))
    post_answers(learner_client, quiz, wrong_answers(quiz))
    allowance = attempt_allowance(user=user, quiz=quiz)
    assert not allowance.allowed
    assert allowance.next_attempt_at > timezone.now() + datetime.timedelta(hours=7)
    age_attempts(9)
    assert attempt_allowance(user=user, quiz=quiz).allowed
    post_answers(learner_client, quiz, correct_answers(quiz))
    assert QuizAttempt.objects.filter(user=user, passed=True).count() == 1


def test_after_n_failures_the_lessons_must_be_read_again(learner_client, user, home):
    module = module_page(home=home, reread_after_failures=2)
    quiz = quiz_of(module)
    lessons = lessons_of(module)
    for lesson in lessons:
        read_lesson(learner_client, lesson)
    post_answers(learner_client, quiz, wrong_answers(quiz))
    assert attempt_allowance(user=user, quiz=quiz).allowed
    post_answers(learner_client, quiz, wrong_answers(quiz))

    html = learner_client.get(quiz.url).content.decode()
    assert 'name="token"' not in html
    assert all(lesson.title in html for lesson in lessons)
    assert not attempt_allowance(user=user, quiz=quiz).allowed

    # A later qualified read moves read_at forward (tests/courses/test_reading.py).
    later = timezone.now() + datetime.timedelta(minutes=1)
    LessonRead.objects.filter(user=user, lesson_key=lessons[0].translation_key).update(
        read_at=later
    )
    remaining = attempt_allowance(user=user, quiz=quiz).lessons_to_reread
    assert [lesson.pk for lesson in remaining] == [lesson.pk for lesson in lessons[1:]]
    LessonRead.objects.filter(user=user).update(read_at=later)
    assert attempt_allowance(user=user, quiz=quiz).allowed
    response = post_answers(learner_client, quiz, wrong_answers(quiz))
    assert response.status_code == 302
    assert QuizAttempt.objects.filter(user=user).count() == 3


def test_a_draw_made_before_the_rule_applied_is_refused_with_403(learner_client, user, home):
    quiz = quiz_of(module_page(home=home, reread_after_failures=1))
    post_answers(learner_client, quiz, wrong_answers(quiz))
    # A second draw from before the failure (e.g. a form that was open elsewhere).
    early_draw = QuizDraw.objects.create(
        user=user,
        quiz_key=quiz.translation_key,
        question_ids=[question.id for question in quiz.question_list()],
    )
    token = issue_token(user=user, quiz=quiz, nonce=early_draw.token)

    response = post_answers(learner_client, quiz, correct_answers(quiz), token=token)

    assert response.status_code == 403
    assert QuizAttempt.objects.filter(user=user).count() == 1
    assert not QuizAttempt.objects.filter(draw=early_draw).exists()


def test_passing_resets_the_failure_count(learner_client, user, home):
    module = module_page(home=home, reread_after_failures=2)
    quiz = quiz_of(module)
    post_answers(learner_client, quiz, wrong_answers(quiz))
    post_answers(learner_client, quiz, correct_answers(quiz))
    post_answers(learner_client, quiz, wrong_answers(quiz))
    assert attempt_allowance(user=user, quiz=quiz).allowed


def test_lessons_not_read_since_lists_unread_and_earlier_reads(user, module):
    lessons = lessons_of(module)
    since = timezone.now()
    LessonRead.objects.create(
        user=user,
        module_key=module.translation_key,
        lesson_key=lessons[0].translation_key,
        engaged_seconds=60,
    )
    LessonRead.objects.filter(user=user).update(read_at=since - datetime.timedelta(hours=1))
    LessonRead.objects.create(
        user=user,
        module_key=module.translation_key,
        lesson_key=lessons[1].translation_key,
        engaged_seconds=60,
    )
    LessonRead.objects.filter(lesson_key=lessons[1].translation_key).update(
        read_at=since + datetime.timedelta(minutes=5)
    )
    result = lessons_not_read_since(user=user, module=module, since=since)
    assert [lesson.pk for lesson in result] == [lessons[0].pk, lessons[2].pk]
