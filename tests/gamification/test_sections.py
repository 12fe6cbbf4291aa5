"""gamification.sections: the section on "Meine Schulungen", shown only to the learner and
only as far as the deployment and the learner have switched it on."""

import datetime

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from gamification.models import PersonalProgressOptOut
from tests.factories import dienststelle, employee, module_page, ressort

from .conftest import answer_on, at, challenge, complete, switch_on, team

pytestmark = pytest.mark.django_db
MINIMUM = 5
PROGRESS_TABLES = ("impulses_impulseanswer", "courses_moduleprogress")


def my_training(client):
    response = client.get(reverse("courses:my_training"))
    assert response.status_code == 200
    return response.content.decode()


def test_nothing_is_shown_or_computed_while_the_deployment_has_it_off(learner_client, user):
    answer_on(user, timezone.now())
    challenge()
    with CaptureQueriesContext(connection) as queries:
        html = my_training(learner_client)
    assert 'id="gamification"' not in html
    assert not [q for q in queries if "gamification_teamchallenge" in q["sql"]]


def test_the_learner_sees_streak_badges_and_ring(learner_client, user, home, switched_on):
    modules = [module_page(home=home, lessons=1, questions=[]) for _ in range(2)]
    complete(user, modules[0])
    today = timezone.localdate()
    answer_on(user, at(today))
    answer_on(user, at(today - datetime.timedelta(weeks=1)))
    html = my_training(learner_client)
    assert 'id="gamification"' in html
    assert "1 von 2 Modulen abgeschlossen (50\u00a0%)" in html
    assert "2 Wochen in Folge" in html
    assert "Informationssicherheit" in html and "noch nicht erhalten" in html
    # The ring's figure is text too, and the graphic is hidden from screen readers.
    assert 'aria-hidden="true"' in html


def test_each_switch_hides_its_element(learner_client, user, home):
    module_page(home=home, lessons=1, questions=[])
    switch_on(streaks=False, badges=False)
    html = my_training(learner_client)
    assert "Modul" in html and "in Folge" not in html and "Abzeichen je Thema" not in html


def test_opting_out_hides_the_progress_and_stops_computing_it(
    learner_client, user, home, switched_on
):
    complete(user, module_page(home=home, lessons=1, questions=[]))
    answer_on(user, timezone.now())
    PersonalProgressOptOut.objects.create(user=user)
    with CaptureQueriesContext(connection) as queries:
        html = my_training(learner_client)
    section = html[html.index('id="gamification"') :]
    assert "in Folge" not in section and "abgeschlossen (" not in section
    assert "wieder anzeigen" in section
    # The streak reads the learner's answers by week; the impulse section's one query for
    # this week's impulse (joined to impulses_impulsepage) is not gamification's.
    gamification_sql = [
        q["sql"]
        for q in queries
        if "answered_at" in q["sql"] and "impulses_impulsepage" not in q["sql"]
    ]
    assert not gamification_sql


def test_opting_out_leaves_nothing_to_show_when_only_personal_progress_is_on(
    learner_client, user, home
):
    switch_on(team_challenges=False)
    PersonalProgressOptOut.objects.create(user=user)
    html = my_training(learner_client)
    assert "wieder anzeigen" in html  # the way back stays


@override_settings(SENSI_COMPLIANCE_MIN_GROUP_SIZE=MINIMUM)
def test_the_challenge_shows_shares_without_names_and_withholds_small_teams(client, switched_on):
    big = dienststelle("GROSS-Z", of=ressort("GROSS", "Großes Ministerium"))
    small = dienststelle("KLEIN-Z", of=ressort("KLEIN", "Kleines Ministerium"))
    people = team(big, MINIMUM) + team(small, MINIMUM - 1)
    running = challenge()
    for person in people[:3]:
        person.user.first_name, person.user.last_name = "Hannelore", "Beispielfrau"
        person.user.save()
        answer_on(person.user, at(running.starts_on))
    me = people[0].user
    client.force_login(me)
    html = my_training(client)
    assert "Sicherheitswoche" in html
    assert "60&nbsp;%" in html
    assert "zu klein für eine Auswertung" in html
    assert "(Ihr Team)" in html
    for person in people[1:]:
        for identifying in (
            person.user.email,
            str(person.user.pseudonym),
            person.personnel_number,
        ):
            assert identifying not in html
    assert "Beispielfrau" not in html.split('id="gamification"')[1]


def test_a_finished_or_future_challenge_is_not_shown(learner_client, switched_on):
    today = timezone.localdate()
    challenge(
        title="Vorbei",
        starts_on=today - datetime.timedelta(days=9),
        ends_on=today - datetime.timedelta(days=1),
    )
    challenge(
        title="Kommt noch",
        starts_on=today + datetime.timedelta(days=1),
        ends_on=today + datetime.timedelta(days=3),
    )
    switch_on(streaks=False, badges=False, progress_ring=False)
    html = my_training(learner_client)
    assert "Vorbei" not in html and "Kommt noch" not in html


@override_settings(SENSI_COMPLIANCE_MIN_GROUP_SIZE=MINIMUM)
def test_the_section_needs_few_queries(rf, home, switched_on, django_assert_max_num_queries):
    from gamification.sections import gamification_section

    me = employee(office=dienststelle("A-Z", of=ressort("A", "Ministerium A")))
    for code in ("B", "C", "D"):
        team(dienststelle(f"{code}-Z", of=ressort(code, f"Ministerium {code}")), 6)
    for _ in range(3):
        complete(me.user, module_page(home=home, lessons=1, questions=[]))
    for week in range(8):
        answer_on(me.user, timezone.now() - datetime.timedelta(weeks=week))
    challenge()
    challenge(title="Modulwoche", activity="module", level="dienststelle")
    request = rf.get("/")
    request.user = me.user
    # switches, opt-out, streak, topics, challenges, own team, one per challenge
    with django_assert_max_num_queries(8):
        html = gamification_section(request)
    assert "Modulwoche" in html and "8 Wochen in Folge" in html


def test_an_anonymous_visitor_gets_no_section(rf, switched_on):
    from django.contrib.auth.models import AnonymousUser

    from gamification.sections import gamification_section

    request = rf.get("/")
    request.user = AnonymousUser()
    assert gamification_section(request) is None


def test_showing_the_section_records_no_learning_statement(learner_client, user, switched_on):
    from xapi.models import Statement

    answer_on(user, timezone.now())
    before = Statement.objects.count()
    assert 'id="gamification"' in my_training(learner_client)
    assert Statement.objects.count() == before
