"""Meine Daten (Art. 15 GDPR): an employee sees and downloads everything about them, and
nothing about anyone else."""

import json
import re
from uuid import uuid4

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from compliance.models import LedgerEntry
from privacy.selectors import FORMAT, FORMAT_VERSION, personal_data
from quizzes.models import QuizAttempt, QuizDraw
from selfcheck.services import submit_check
from seminars.models import Attendance
from seminars.models import Registration as SeminarRegistration
from tests.factories import UserFactory, module_page
from tests.privacy.conftest import take_module
from tests.selfcheck.conftest import make_step
from tests.seminars.conftest import make_session, trainer_group
from xapi.agents import agent_ifi
from xapi.models import ActorBinding, Registration

pytestmark = pytest.mark.django_db

MY_DATA = "/de/meine-daten/"

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)")


def download(client) -> dict:
    response = client.get(reverse("privacy:download"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    return json.loads(b"".join(response.streaming_content))


def test_anonymous_visitors_are_sent_to_the_login(client):
    for url in (reverse("privacy:my_data"), reverse("privacy:download")):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


def test_the_page_is_linked_from_the_navigation_and_has_a_german_address(learners):
    anna, _bernd = learners
    assert reverse("privacy:my_data") == MY_DATA
    page = anna.client.get(reverse("courses:my_training")).content.decode()
    assert f'href="{MY_DATA}"' in page


def test_an_employee_sees_their_own_data_and_nothing_of_another(learners):
    anna, bernd = learners
    response = anna.client.get(MY_DATA)
    assert response.status_code == 200
    page = response.content.decode()
    assert anna.user.email in page and str(anna.user.pseudonym) in page
    assert anna.employee.personnel_number in page and "HMdIS-Z" in page
    assert "Wissenstest" in page and "Lektion 1" in page
    assert f"#{LedgerEntry.objects.get(employee=anna.employee).seq}" in page
    for foreign in (bernd.user.email, str(bernd.user.pseudonym), bernd.employee.personnel_number):
        assert foreign not in page
    assert f"#{LedgerEntry.objects.get(employee=bernd.employee).seq}<" not in page


def test_the_page_is_accessible_html(learners):
    page = learners[0].client.get(MY_DATA).content.decode()
    assert page.count("<caption>") >= 6
    assert '<th scope="col">' in page and '<th scope="row">' in page
    assert "style=" not in page and not INLINE_SCRIPT.search(page)
    assert "no-store" in learners[0].client.get(MY_DATA)["Cache-Control"]


def test_the_download_holds_everything_about_the_employee_and_nothing_of_another(learners):
    anna, bernd = learners
    data = download(anna.client)

    assert data["format"] == FORMAT and data["format_version"] == FORMAT_VERSION
    assert data["subject"] == str(anna.user.pseudonym)
    assert data["account"]["email"] == anna.user.email
    assert data["employee"]["personnel_number"] == anna.employee.personnel_number
    assert data["employee"]["dienststelle"]["code"] == "HMdIS-Z"
    assert data["learning_progress"][0]["completed_at"]
    assert len(data["lessons_read"]) == 3
    attempt = QuizAttempt.objects.get(user=anna.user)
    assert data["quiz_attempts"][0]["answers"] == attempt.answers
    assert data["quiz_attempts"][0]["quiz_title"] == "Wissenstest"
    draw = QuizDraw.objects.get(user=anna.user)
    assert data["quiz_draws"] == [
        {
            "quiz_key": str(draw.quiz_key),
            "question_ids": draw.question_ids,
            "created_at": data["quiz_draws"][0]["created_at"],
            "attempt__id": attempt.pk,
        }
    ]
    assert [e["seq"] for e in data["acknowledgements"]] == [
        LedgerEntry.objects.get(employee=anna.employee).seq
    ]
    assert data["obligations"][0]["acknowledged_version"] == 1
    assert len(data["reminders"]) == 1
    assert data["xapi_statements"]
    actors = {json.dumps(s["statement"]["actor"]["account"]) for s in data["xapi_statements"]}
    assert actors == {json.dumps(data["xapi_statements"][0]["statement"]["actor"]["account"])}
    assert data["xapi_statements"][0]["statement"]["actor"]["account"]["name"] == str(
        anna.user.pseudonym
    )
    text = json.dumps(data)
    for foreign in (bernd.user.email, str(bernd.user.pseudonym), bernd.employee.personnel_number):
        assert foreign not in text


def test_the_download_has_a_stable_structure(learners):
    data = download(learners[0].client)
    assert list(data) == [
        "format",
        "format_version",
        "generated_at",
        "subject",
        "account",
        "employee",
        "roles",
        "learning_progress",
        "lessons_read",
        "cmi5_sessions",
        "quiz_attempts",
        "quiz_draws",
        "scenario_answers",
        "selfcheck_runs",
        "impulse_answers",
        "impulse_emails",
        "gamification_preferences",
        "seminar_registrations",
        "seminar_attendance",
        "exercise_answers",
        "obligations",
        "acknowledgements",
        "reminders",
        "authenticators",
        "single_sign_on",
        "report_accesses",
        "background_jobs",
        "xapi_agents",
        "xapi_registrations",
        "xapi_documents",
        "xapi_statements",
    ]


def test_statements_under_a_launch_actor_belong_to_the_learner(learners, module):
    """After a launch from Moodle, statements name the launch's actor (docs/moodle.md)."""
    anna, bernd = learners
    actor = {"objectType": "Agent", "account": {"homePage": "https://moodle.example", "name": "7"}}
    Registration.objects.filter(user=anna.user).update(launch_actor=actor)
    take_module(anna.client, module_page(title="Zweites Modul", home=module.get_parent()))
    data = download(anna.client)
    names = {s["statement"]["actor"]["account"]["name"] for s in data["xapi_statements"]}
    assert names == {str(anna.user.pseudonym)}  # the second module has its own registration
    Registration.objects.filter(user=anna.user).update(launch_actor=actor)
    ActorBinding.objects.create(actor_ifi=agent_ifi(actor), actor=actor, user=anna.user)
    anna.client.get(module.get_children().first().url)  # nothing new: lesson already read
    assert any('"7"' in agent for agent in download(anna.client)["xapi_agents"])
    assert all('"7"' not in agent for agent in download(bernd.client)["xapi_agents"])


def test_an_actor_someone_launched_with_does_not_open_its_owners_statements(learners, module):
    """Issue 11, finding 2: Bernd's registration names Anna's LMS actor (a launch URL with
    her actor); only actors bound to Bernd count, so her statements stay out of his export."""
    anna, bernd = learners
    actor = {"objectType": "Agent", "account": {"homePage": "https://moodle.example", "name": "7"}}
    ActorBinding.objects.create(actor_ifi=agent_ifi(actor), actor=actor, user=anna.user)
    Registration.objects.filter(user=anna.user).update(launch_actor=actor)
    anna.client.get(module.get_children().first().url)
    Registration.objects.filter(user=bernd.user).update(launch_actor=actor)
    data = download(bernd.client)
    assert all('"7"' not in agent for agent in data["xapi_agents"])
    assert all(
        s["statement"]["actor"].get("account", {}).get("name") != "7"
        for s in data["xapi_statements"]
    )


def test_a_user_without_employee_record_gets_the_account_part(client):
    user = UserFactory()
    client.force_login(user)
    data = download(client)
    assert data["employee"] is None and data["acknowledgements"] == []
    assert client.get(MY_DATA).status_code == 200


def test_the_number_of_queries_does_not_grow_with_the_data(learners, module):
    anna, _bernd = learners
    with CaptureQueriesContext(connection) as few:
        personal_data(anna.user)
    for title in ("Zweites Modul", "Drittes Modul"):
        take_module(anna.client, module_page(title=title, home=module.get_parent()))
    with CaptureQueriesContext(connection) as many:
        personal_data(anna.user)
    # the rows of all declared sections (privacy.rows), their page titles, then the xAPI
    # documents, the number of statements and the latest of them
    assert len(many) == len(few) == 5


def test_the_page_and_download_stay_within_a_fixed_number_of_queries(
    learners, django_assert_max_num_queries
):
    anna, _bernd = learners
    # session and user, the five of personal_data, and the navigation's check for a report
    # role (the page) or the statements streamed (the download); no site structure
    with django_assert_max_num_queries(8):
        anna.client.get(MY_DATA)
    with django_assert_max_num_queries(8):
        download(anna.client)


def test_sessions_and_home_office_checks_appear_as_tables_of_their_own(learners, module):
    anna, bernd = learners
    trainer = UserFactory()
    trainer.groups.add(trainer_group())
    session = make_session(module=module, trainer=trainer)
    SeminarRegistration.objects.create(session=session, user=anna.user, status="confirmed")
    Attendance.objects.create(session=session, user=anna.user, recorded_by=trainer)
    step = make_step()
    submit_check(
        user=anna.user,
        steps=[step],
        answers={str(step.translation_key): "done"},
        submission_id=uuid4(),
        language="de",
    )
    page = anna.client.get(MY_DATA).content.decode()
    assert "Ihre Anmeldungen zu Terminen" in page and module.title in page
    assert "Ihre Teilnahme an Terminen" in page
    assert "Ihre Durchgänge des Heimarbeitsplatz-Checks" in page and "1 von 1" in page
    other = bernd.client.get(MY_DATA).content.decode()
    assert "Ihre Anmeldungen zu Terminen" not in other and "Heimarbeitsplatz-Checks" not in other
