"""Finding 4 of issue 11: a lesson counts as read only after real engagement. The learner
reached its end (the post from the control after the content) and had it open for the
minimum time, measured by the server. Everything else is refused and records nothing."""

import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import signing
from django.test import override_settings
from django.utils.dateparse import parse_duration

from courses import app_settings, reading
from courses.models import LessonRead, ModuleProgress
from courses.selectors import modules_for_learner
from tests.factories import UserFactory, lessons_of, module_page
from tests.lesson_client import finish_lesson, lesson_token, read_lesson
from xapi.models import Statement
from xapi.vocabulary import EXPERIENCED

pytestmark = pytest.mark.django_db

MINUTE = 60


def experienced():
    return Statement.objects.filter(verb_id=EXPERIENCED.iri)


def assert_nothing_recorded(user):
    assert not LessonRead.objects.filter(user=user).exists()
    assert not experienced().exists()


def test_opening_a_lesson_does_not_mark_it_read(learner_client, user, module):
    lesson = lessons_of(module)[0]
    assert learner_client.get(lesson.url).status_code == 200
    assert_nothing_recorded(user)
    # Opening is remembered for resuming, and the module counts as started.
    assert ModuleProgress.objects.get(user=user).last_page_key == lesson.translation_key


def test_reaching_the_end_after_the_minimum_time_marks_it_read(learner_client, user, module):
    lesson = lessons_of(module)[0]
    token = lesson_token(learner_client, lesson, seconds_ago=MINUTE)
    response = finish_lesson(learner_client, lesson, token)
    assert response.status_code == 302
    assert response["Location"] == lessons_of(module)[1].url
    read = LessonRead.objects.get(user=user, lesson_key=lesson.translation_key)
    assert MINUTE <= read.engaged_seconds < MINUTE + 5
    assert experienced().count() == 1


def test_experienced_statement_carries_the_measured_duration(learner_client, module):
    lesson = lessons_of(module)[0]
    token = lesson_token(learner_client, lesson, seconds_ago=95)
    finish_lesson(learner_client, lesson, token)
    duration = experienced().get().data["result"]["duration"]
    assert duration.startswith("PT")  # ISO 8601 (xAPI 1.0.3 Data §2.4.5)
    assert timedelta(seconds=95) <= parse_duration(duration) < timedelta(seconds=100)


def test_too_early_is_refused_politely_with_the_seconds_left(learner_client, user, module):
    lesson = lessons_of(module)[0]
    minimum = reading.minimum_seconds(lesson)
    token = lesson_token(learner_client, lesson, seconds_ago=minimum - 12)
    response = finish_lesson(learner_client, lesson, token)
    assert response.status_code == 400
    content = response.content.decode()
    seconds_left = re.search(r"noch (\d+) Sekunden", content)
    assert seconds_left and 11 <= int(seconds_left.group(1)) <= 12, content
    assert f"{minimum} Sekunden" in content
    assert 'href="#lesson-notice"' in content and 'id="lesson-notice"' in content
    # The learner may still move on, and the page keeps the token: time spent still counts.
    assert f'href="{lessons_of(module)[1].url}"' in content
    assert f'value="{token}"' in content
    assert_nothing_recorded(user)


def test_too_early_then_on_time_with_the_same_page_counts(learner_client, user, module):
    lesson = lessons_of(module)[0]
    minimum = reading.minimum_seconds(lesson)
    started = time.time()
    token = lesson_token(learner_client, lesson, at=started)
    with mock.patch("courses.reading.clock", return_value=started):
        assert finish_lesson(learner_client, lesson, token).status_code == 400
    with mock.patch("courses.reading.clock", return_value=started + minimum):
        assert finish_lesson(learner_client, lesson, token).status_code == 302
    assert LessonRead.objects.get(user=user).engaged_seconds == minimum


@pytest.mark.parametrize("token", ["", "nonsense", "missing"])
def test_post_without_a_valid_token_is_refused(learner_client, user, module, token):
    lesson = lessons_of(module)[0]
    data = {} if token == "missing" else {"token": token}
    response = learner_client.post(lesson.url, data)
    assert response.status_code == 400
    assert "Es wurde nichts gespeichert" in response.content.decode()
    assert_nothing_recorded(user)


def test_tampered_token_is_refused(learner_client, user, module):
    lesson = lessons_of(module)[0]
    token = lesson_token(learner_client, lesson)
    payload = signing.loads(token, salt=reading.TOKEN_SALT)
    # Backdating the start in the payload breaks the signature.
    forged_payload = signing.dumps({**payload, "started": payload["started"] - 3600}, salt="x")
    body = forged_payload.split(":")[0]
    forged = body + token[token.index(":") :]
    assert finish_lesson(learner_client, lesson, forged).status_code == 400
    assert_nothing_recorded(user)


def test_token_signed_with_another_key_is_refused(learner_client, user, module):
    lesson = lessons_of(module)[0]
    payload = {"user": user.pk, "lesson": str(lesson.translation_key), "started": 0}
    with override_settings(SECRET_KEY="an attacker's guess"):
        forged = signing.dumps(payload, salt=reading.TOKEN_SALT)
    assert finish_lesson(learner_client, lesson, forged).status_code == 400
    assert_nothing_recorded(user)


def test_another_learners_token_is_refused(client, user, module):
    lesson = lessons_of(module)[0]
    colleague = UserFactory()
    client.force_login(colleague)
    token = lesson_token(client, lesson, seconds_ago=MINUTE)
    client.force_login(user)
    assert finish_lesson(client, lesson, token).status_code == 400
    assert not LessonRead.objects.exists()
    assert not experienced().exists()


def test_another_lessons_token_is_refused(learner_client, user, module):
    first, second, _third = lessons_of(module)
    token = lesson_token(learner_client, first, seconds_ago=MINUTE)
    assert finish_lesson(learner_client, second, token).status_code == 400
    assert_nothing_recorded(user)


@override_settings(SENSI_LESSON_TOKEN_MAX_AGE=60)
def test_expired_token_is_refused(learner_client, user, module):
    lesson = lessons_of(module)[0]
    token = lesson_token(learner_client, lesson)
    with mock.patch("django.core.signing.time.time", return_value=time.time() + 61):
        assert finish_lesson(learner_client, lesson, token).status_code == 400
    assert_nothing_recorded(user)


def test_double_submit_records_once(learner_client, user, module):
    lesson = lessons_of(module)[0]
    token = lesson_token(learner_client, lesson, seconds_ago=MINUTE)
    assert finish_lesson(learner_client, lesson, token).status_code == 302
    second = finish_lesson(learner_client, lesson, token)
    assert second.status_code == 409
    assert "bereits als gelesen" in second.content.decode()
    assert LessonRead.objects.filter(user=user).count() == 1
    assert experienced().count() == 1


def test_replay_after_success_is_refused_and_changes_nothing(learner_client, user, module):
    lesson = lessons_of(module)[0]
    token = lesson_token(learner_client, lesson, seconds_ago=MINUTE)
    finish_lesson(learner_client, lesson, token)
    read = LessonRead.objects.get(user=user)
    with mock.patch("courses.reading.clock", return_value=time.time() + 3600):
        assert finish_lesson(learner_client, lesson, token).status_code == 409
    assert LessonRead.objects.get(user=user).read_at == read.read_at
    assert experienced().count() == 1


def test_a_later_qualified_read_moves_read_at_and_records_again(learner_client, user, module):
    lesson = lessons_of(module)[0]
    read_lesson(learner_client, lesson)
    first = LessonRead.objects.get(user=user)
    LessonRead.objects.filter(pk=first.pk).update(read_at=first.read_at - timedelta(days=30))
    read_lesson(learner_client, lesson)
    again = LessonRead.objects.get(user=user)
    assert again.read_at > first.read_at - timedelta(seconds=1)
    assert experienced().count() == 2


def test_an_older_tab_cannot_count_again_after_a_later_read(learner_client, user, module):
    lesson = lessons_of(module)[0]
    older = lesson_token(learner_client, lesson, seconds_ago=2 * MINUTE)
    newer = lesson_token(learner_client, lesson, seconds_ago=MINUTE)
    assert finish_lesson(learner_client, lesson, newer).status_code == 302
    assert finish_lesson(learner_client, lesson, older).status_code == 409
    assert experienced().count() == 1


def test_progress_counts_only_qualified_reads(learner_client, user, rf, module):
    first, second, _third = lessons_of(module)
    learner_client.get(first.url)
    learner_client.get(second.url)
    read_lesson(learner_client, first)
    # A row from before reads had to be earned (opened only) does not count either.
    LessonRead.objects.create(
        user=user, module_key=module.translation_key, lesson_key=second.translation_key
    )
    [card] = modules_for_learner(user=user, request=rf.get("/"))
    assert (card.steps_done, card.steps_total) == (1, 4)
    page = learner_client.get(module.url).content.decode()
    assert page.count("✓") == 1


def test_an_opened_only_row_from_before_becomes_a_qualified_read(learner_client, user, module):
    lesson = lessons_of(module)[0]
    LessonRead.objects.create(
        user=user, module_key=module.translation_key, lesson_key=lesson.translation_key
    )
    read_lesson(learner_client, lesson)
    assert LessonRead.objects.get(user=user).engaged_seconds is not None
    assert experienced().count() == 1


def test_the_minimum_time_grows_with_the_length_and_has_a_floor_and_a_cap(home):
    floor = app_settings.setting("SENSI_LESSON_MIN_SECONDS")
    cap = app_settings.setting("SENSI_LESSON_MAX_SECONDS")
    assert app_settings.minimum_reading_seconds(0) == floor
    assert app_settings.minimum_reading_seconds(10_000) == cap
    assert floor < app_settings.minimum_reading_seconds(400) < cap
    assert app_settings.minimum_reading_seconds(300) < app_settings.minimum_reading_seconds(400)
    long_text = "<p>" + "Wort " * 400 + "</p>"
    module = module_page(home=home, lessons=1, questions=[])
    lesson = lessons_of(module)[0]
    short = reading.minimum_seconds(lesson)
    lesson.body = [{"type": "text", "value": long_text}]
    lesson.save_revision().publish()
    assert reading.minimum_seconds(lesson) > short


def test_the_end_control_follows_the_content_and_states_the_rule(learner_client, module):
    lesson = lessons_of(module)[1]
    content = learner_client.get(lesson.url).content.decode()
    assert content.index("</article>") < content.index('id="lesson-end"')
    assert content.index('id="lesson-end"') < content.index('name="token"')
    assert 'aria-describedby="lesson-end-hint"' in content
    assert "mindestens" in content and "Sekunden" in content
    assert f'action="{lesson.url}"' in content
