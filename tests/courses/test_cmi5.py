"""A module as a cmi5 assignable unit (courses.cmi5, xapi.cmi5), against a real LMS over HTTP
(tests/cmi5_lms.py). Section numbers are those of the cmi5 runtime specification ("Quartz")."""

import logging
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import override_settings
from django.urls import reverse

from config.log_redaction import redact
from courses.learning_records import module_activity
from courses.models import Cmi5Session, ModuleProgress
from tests.cmi5_lms import PUBLISHER, FakeLMS, session_id_of
from tests.factories import (
    UserFactory,
    correct_answers,
    lessons_of,
    quiz_of,
    wrong_answers,
)
from tests.lesson_client import read_lesson
from tests.quiz_client import post_answers
from xapi.cmi5 import CATEGORY_CMI5, CATEGORY_MOVEON, EXT_MASTERY_SCORE
from xapi.models import ActorBinding

pytestmark = pytest.mark.django_db(transaction=True)

CONFIRM = "Konto der Lernplattform verknüpfen"


@pytest.fixture
def lms():
    server = FakeLMS().start()
    with override_settings(SENSI_CMI5_ALLOWED_ORIGINS=[server.origin]):
        yield server
    server.stop()


def launch(client, lms, module, **options):
    """Open the launch URL and accept it as the signed-in learner (confirming a first
    binding); returns the last response."""
    url = lms.launch_url(module.url, module_activity(module).iri, **options)
    parked = client.get(url)
    assert parked.status_code == 302, parked.content.decode()[:500]
    location = parked["Location"]
    response = client.get(location)
    if (
        response.status_code == 200
        and "Konto der Lernplattform verknüpfen" in response.content.decode()
    ):
        response = client.post(location)
    return response


def finish_module(client, module, *, answers=correct_answers):
    for lesson in lessons_of(module):
        read_lesson(client, lesson)
    quiz = quiz_of(module)
    post_answers(client, quiz, answers(quiz))


def go_back(client):
    session = Cmi5Session.objects.get(state=Cmi5Session.State.INITIALIZED)
    return client.post(reverse("courses:cmi5_exit", args=[session.pk]))


def test_whole_normal_session_sends_the_cmi5_statements_in_order(learner_client, module, lms):
    """§9.3: initialized first, completed and passed once, terminated last; each with the cmi5
    category, moveon where it counts, the registration, the session id and the template."""
    response = launch(learner_client, lms, module)
    assert response.status_code == 302 and response["Location"] == module.url
    assert lms.verbs() == ["initialized"]
    shown = learner_client.get(module.url)
    assert "Zurück zur Lernplattform" in shown.content.decode()
    # The page may post to Sensi and be redirected to the returnURL's origin (CSP form-action).
    assert f"form-action 'self' {lms.origin}" in shown["Content-Security-Policy"]

    finish_module(learner_client, module)
    assert lms.verbs() == ["initialized", "completed", "passed"]
    back = go_back(learner_client)
    assert back.status_code == 302 and back["Location"] == f"{lms.origin}/course/42"
    assert lms.verbs() == ["initialized", "completed", "passed", "terminated"]

    session = Cmi5Session.objects.get()
    assert session.state == "terminated" and session.auth_token == ""
    for statement in lms.statements:
        context = statement["context"]
        categories = [entry["id"] for entry in context["contextActivities"]["category"]]
        assert CATEGORY_CMI5 in categories
        moveon = statement["verb"]["id"].rsplit("/", 1)[-1] in {"completed", "passed"}
        assert (CATEGORY_MOVEON in categories) is moveon
        assert context["registration"] == str(session.registration)
        assert session_id_of(statement) == session.session_id
        assert context["contextActivities"]["grouping"] == [{"id": PUBLISHER}]
        assert statement["object"]["id"] == module_activity(module).iri
        assert statement["actor"]["account"]["name"] == "erika"
        assert statement["result"]["duration"].startswith("PT")
    passed = lms.statements[2]
    assert passed["result"]["success"] is True
    assert passed["result"]["score"]["scaled"] == 1.0
    assert passed["context"]["extensions"][EXT_MASTERY_SCORE] == 0.8
    # Sensi's own learning records still go to its own LRS as before.
    assert ModuleProgress.objects.get().completed_at is not None


def test_fetch_url_is_used_once_and_never_reaches_the_address_bar_or_logs(client, module, lms):
    """§8.2: the fetch URL is called once, before sign-in, and the redirect to the login page
    carries only the one-time launch id."""
    url = lms.launch_url(module.url, module_activity(module).iri)
    fetch = parse_qs(urlsplit(url).query)["fetch"][0]
    parked = client.get(url)
    assert len(lms.fetch_calls) == 1
    assert "fetch" not in parked["Location"] and "launch=" in parked["Location"]
    login = client.get(parked["Location"])
    assert login.status_code == 302 and "fetch" not in login["Location"]
    assert fetch not in redact(f"GET {url} HTTP/1.1")
    assert lms.statements == []

    user = UserFactory()
    client.force_login(user)
    client.post(parked["Location"])
    assert lms.verbs() == ["initialized"]
    assert ActorBinding.objects.get().user == user


def test_reused_fetch_url_shows_a_german_error_and_records_nothing(learner_client, module, lms):
    url = lms.launch_url(module.url, module_activity(module).iri, fetch_key="once")
    assert learner_client.get(url).status_code == 302
    Cmi5Session.objects.all().delete()

    again = learner_client.get(url)
    assert again.status_code == 403
    page = again.content.decode()
    assert "Dieser Start wurde abgelehnt" in page
    assert "Zugang für diesen Start" in page
    assert Cmi5Session.objects.count() == 0
    assert lms.statements == []


def test_fetch_error_answered_with_200_is_refused_too(learner_client, module, lms):
    lms.fetch_errors_ok = True
    url = lms.launch_url(module.url, module_activity(module).iri, fetch_key="x")
    learner_client.get(url)
    assert learner_client.get(url).status_code == 403
    assert Cmi5Session.objects.count() == 1


def test_unknown_fetch_url_is_refused(learner_client, module, lms):
    url = lms.launch_url(module.url, module_activity(module).iri)
    bad = url.replace("%2Ffetch%2F", "%2Ffetch%2Fnot-issued-")
    assert learner_client.get(bad).status_code == 403
    assert Cmi5Session.objects.count() == 0


def test_lms_outside_the_allowed_origins_is_never_contacted(learner_client, module, lms):
    url = lms.launch_url(module.url, module_activity(module).iri)
    with override_settings(SENSI_CMI5_ALLOWED_ORIGINS=["https://lms.example.org"]):
        response = learner_client.get(url)
    assert response.status_code == 403
    assert lms.fetch_calls == []
    assert Cmi5Session.objects.count() == 0


def test_unreachable_lms_is_a_clear_error(learner_client, module, lms):
    url = lms.launch_url(module.url, module_activity(module).iri)
    lms.stop()
    response = learner_client.get(url)
    assert response.status_code == 502
    assert "Lernplattform" in response.content.decode()
    assert Cmi5Session.objects.count() == 0


def test_return_url_must_be_absolute_http(learner_client, module, lms):
    url = lms.launch_url(module.url, module_activity(module).iri, return_url="javascript:alert(1)")
    response = learner_client.get(url)
    assert response.status_code == 400
    assert "returnURL" in response.content.decode()
    assert Cmi5Session.objects.count() == 0


@pytest.mark.parametrize("mode", ["Browse", "Review"])
def test_browse_and_review_send_no_completion_or_result(learner_client, module, lms, mode):
    """§10.2.2: only initialized and terminated; the page says what is not reported."""
    launch(learner_client, lms, module, launch_mode=mode)
    page = learner_client.get(module.url).content.decode()
    assert {"Browse": "Durchsehen", "Review": "Rückblick"}[mode] in page
    finish_module(learner_client, module)
    go_back(learner_client)
    assert lms.verbs() == ["initialized", "terminated"]


def test_mastery_score_from_the_lms_decides_passed(learner_client, module, lms):
    """§10.2.3: with masteryScore 0, even an attempt below Sensi's pass mark passes for the LMS;
    Sensi's own completion still needs its pass mark."""
    launch(learner_client, lms, module, mastery_score=0.0)
    quiz = quiz_of(module)
    post_answers(learner_client, quiz, wrong_answers(quiz))
    assert lms.verbs() == ["initialized", "passed"]
    assert lms.statements[1]["result"]["success"] is True
    assert lms.statements[1]["context"]["extensions"][EXT_MASTERY_SCORE] == 0.0
    assert ModuleProgress.objects.get().completed_at is None


def test_failed_is_sent_once_at_the_end_of_a_session_without_a_pass(learner_client, module, lms):
    """§9.3: zero or one of passed/failed per session: two failed attempts give one failed, at
    the end, and the session can still pass before then."""
    launch(learner_client, lms, module)
    quiz = quiz_of(module)
    post_answers(learner_client, quiz, wrong_answers(quiz))
    post_answers(learner_client, quiz, wrong_answers(quiz))
    assert lms.verbs() == ["initialized"]
    go_back(learner_client)
    assert lms.verbs() == ["initialized", "failed", "terminated"]
    failed = lms.statements[1]
    assert failed["result"]["success"] is False
    assert CATEGORY_MOVEON in [c["id"] for c in failed["context"]["contextActivities"]["category"]]


def test_second_launch_abandons_the_first_and_sends_completion_once_per_registration(
    learner_client, module, lms
):
    """A later launch closes the earlier open session (the LMS sends abandoned, §9.3.6);
    completed and passed go once per registration (§9.3.3–4), even over several sessions."""
    launch(learner_client, lms, module, registration="7e0b7c52-36b5-4d3f-9c8e-2b8d2c3f6a11")
    first = Cmi5Session.objects.get()
    second = launch(
        learner_client, lms, module, registration="7e0b7c52-36b5-4d3f-9c8e-2b8d2c3f6a11"
    )
    assert second.status_code == 302
    first.refresh_from_db()
    assert first.state == "abandoned" and first.auth_token == ""
    finish_module(learner_client, module)
    current = Cmi5Session.objects.get(state="initialized")
    assert lms.verbs(current.session_id) == ["initialized", "completed", "passed"]
    assert lms.verbs(first.session_id) == ["initialized"]
    go_back(learner_client)

    launch(learner_client, lms, module, registration="7e0b7c52-36b5-4d3f-9c8e-2b8d2c3f6a11")
    third = Cmi5Session.objects.get(state="initialized")
    go_back(learner_client)
    assert lms.verbs(third.session_id) == ["initialized", "terminated"]


def test_a_new_registration_hears_of_an_earlier_completion_at_once(learner_client, module, lms):
    finish_module(learner_client, module)
    launch(learner_client, lms, module)
    assert lms.verbs() == ["initialized", "completed", "passed"]


def test_session_the_lms_abandoned_is_closed_without_harm(learner_client, module, lms, caplog):
    """The LMS abandoned the session and refuses its statements: Sensi closes it, and the
    learner's own progress is kept."""
    launch(learner_client, lms, module)
    session = Cmi5Session.objects.get()
    lms.abandoned.add(session.session_id)
    with caplog.at_level(logging.WARNING, logger="courses.cmi5"):
        finish_module(learner_client, module)
    session.refresh_from_db()
    assert session.state == "abandoned" and session.auth_token == ""
    assert ModuleProgress.objects.get().completed_at is not None
    assert lms.verbs() == ["initialized"]
    assert "Zurück zur Lernplattform" not in learner_client.get(module.url).content.decode()


def test_lms_down_after_launch_is_retried_at_the_next_step(learner_client, module, lms):
    launch(learner_client, lms, module)
    lessons = lessons_of(module)
    for lesson in lessons:
        read_lesson(learner_client, lesson)
    quiz = quiz_of(module)
    with override_settings(SENSI_CMI5_TIMEOUT_SECONDS=0.5):
        port = lms.server.server_port
        Cmi5Session.objects.update(endpoint=f"http://127.0.0.1:{port + 1}/lrs/")
        post_answers(learner_client, quiz, correct_answers(quiz))
    assert lms.verbs() == ["initialized"]
    Cmi5Session.objects.update(endpoint=f"{lms.origin}/lrs/")
    go_back(learner_client)
    assert lms.verbs() == ["initialized", "completed", "passed", "terminated"]


def test_actor_bound_to_someone_else_is_refused_and_nothing_sent(client, module, lms):
    owner, other = UserFactory(), UserFactory()
    client.force_login(owner)
    launch(client, lms, module)
    go_back(client)
    client.force_login(other)
    response = launch(client, lms, module)
    assert response.status_code == 403
    assert len(lms.sessions()) == 1
    refused = Cmi5Session.objects.exclude(user=owner).get()
    assert refused.state == "abandoned" and refused.auth_token == "" and refused.user is None


def test_exit_is_post_only_and_only_for_the_sessions_learner(client, module, lms):
    owner = UserFactory()
    client.force_login(owner)
    launch(client, lms, module)
    session = Cmi5Session.objects.get()
    url = reverse("courses:cmi5_exit", args=[session.pk])
    assert client.get(url).status_code == 405
    client.force_login(UserFactory())
    assert client.post(url).status_code == 404
    assert lms.verbs() == ["initialized"]
