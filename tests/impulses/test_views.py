"""Answering this week's impulse on "Meine Schulungen" (impulses.views, impulses.dashboard)."""

import pytest
from django.test import override_settings
from django.urls import reverse

from impulses.models import DigestSubscription, ImpulseAnswer
from tests.factories import dienststelle, employee, ressort
from xapi.models import Statement

from .conftest import impulse_page, options_of

pytestmark = pytest.mark.django_db
MY_TRAINING = reverse("courses:my_training")


def answer_url(page):
    return reverse("impulses:answer", args=[page.pk])


def test_my_training_shows_this_weeks_impulse_with_a_form(learner_client, home):
    impulse_page(home, title="Alter Impuls", weeks_ago=1)
    impulse_page(home, title="Impuls dieser Woche")
    impulse_page(home, title="Impuls nächster Woche", weeks_ago=-1)
    response = learner_client.get(MY_TRAINING)
    assert "Impuls dieser Woche" in response.text
    assert "Alter Impuls" not in response.text
    assert "Impuls nächster Woche" not in response.text
    assert 'name="option"' in response.text


def test_no_section_without_an_impulse(learner_client, home):
    assert 'id="impulse"' not in learner_client.get(MY_TRAINING).text


def test_an_answer_is_scored_stored_and_its_feedback_shown(learner_client, user, impulse):
    wrong = options_of(impulse)[1]
    response = learner_client.post(
        answer_url(impulse), {"option": wrong.id, "source": "dashboard"}, follow=True
    )
    answer = ImpulseAnswer.objects.get(user=user)
    assert answer.option_id == wrong.id
    assert answer.correct is False
    assert answer.impulse_key == impulse.translation_key
    assert "Rückmeldung 1" in response.text
    assert "Antwort 0" in response.text  # the correct answer is named
    assert 'name="option"' not in response.text


def test_answering_records_answered_with_a_choice_interaction_and_experienced(
    learner_client, user, impulse
):
    correct = options_of(impulse)[0]
    learner_client.post(answer_url(impulse), {"option": correct.id})
    statements = {s.verb_id.rsplit("/", 1)[1]: s.data for s in Statement.objects.all()}
    assert set(statements) == {"answered", "experienced"}
    answered = statements["answered"]
    definition = answered["object"]["definition"]
    assert definition["interactionType"] == "choice"
    assert definition["correctResponsesPattern"] == [correct.id]
    assert [choice["id"] for choice in definition["choices"]] == [o.id for o in options_of(impulse)]
    assert answered["result"]["response"] == correct.id
    assert answered["result"]["success"] is True
    assert answered["actor"]["account"]["name"] == str(user.pseudonym)
    experienced = statements["experienced"]
    assert experienced["object"]["id"].endswith(str(impulse.translation_key))
    parent = answered["context"]["contextActivities"]["parent"][0]
    assert parent["id"] == experienced["object"]["id"]


def test_a_double_submit_records_once_and_keeps_the_first_answer(learner_client, user, impulse):
    first, second = options_of(impulse)[:2]
    learner_client.post(answer_url(impulse), {"option": first.id})
    response = learner_client.post(answer_url(impulse), {"option": second.id}, follow=True)
    assert response.status_code == 200
    assert ImpulseAnswer.objects.get(user=user).option_id == first.id
    assert Statement.objects.count() == 2


@pytest.mark.parametrize("option", ["not-an-option", ""])
def test_a_tampered_or_missing_option_is_refused_and_nothing_recorded(
    learner_client, impulse, option
):
    response = learner_client.post(answer_url(impulse), {"option": option})
    assert response.status_code == 400
    assert 'role="alert"' in response.text
    assert not ImpulseAnswer.objects.exists()
    assert not Statement.objects.exists()


def test_an_impulse_outside_the_learners_audience_is_refused(learner_client, home):
    page = impulse_page(home, everyone=False)
    response = learner_client.post(answer_url(page), {"option": options_of(page)[0].id})
    assert response.status_code == 400
    assert not ImpulseAnswer.objects.exists()


def test_a_future_impulse_cannot_be_answered(learner_client, home):
    page = impulse_page(home, weeks_ago=-1)
    response = learner_client.post(answer_url(page), {"option": options_of(page)[0].id})
    assert response.status_code == 400


def test_get_is_not_allowed(learner_client, impulse):
    assert learner_client.get(answer_url(impulse)).status_code == 405


def test_anonymous_visitors_are_sent_to_the_login(client, impulse):
    response = client.post(answer_url(impulse), {"option": options_of(impulse)[0].id})
    assert response.status_code == 302
    assert not ImpulseAnswer.objects.exists()


def test_an_impulse_for_a_parent_dienststelle_reaches_its_sub_offices(client, home, user):
    parent = dienststelle("HMdIS-Z")
    child = dienststelle("HMdIS-Z1", parent=parent)
    employee(user=user, office=child)
    page = impulse_page(home, title="Nur für die Zentralabteilung", everyone=False)
    page.dienststellen.set([parent])
    page.save_revision().publish()
    client.force_login(user)
    assert "Nur für die Zentralabteilung" in client.get(MY_TRAINING).text
    other = employee(office=dienststelle("HMWK-A", of=ressort("HMWK", "Wissenschaft")))
    client.force_login(other.user)
    assert "Nur für die Zentralabteilung" not in client.get(MY_TRAINING).text


def test_an_impulse_for_a_ressort_reaches_its_employees_and_beats_an_older_one(client, home, user):
    office = dienststelle("HMdIS-Z")
    employee(user=user, office=office)
    impulse_page(home, title="Für alle", weeks_ago=1)
    page = impulse_page(home, title="Für das Ressort", everyone=False)
    page.ressorts.set([office.ressort])
    page.save_revision().publish()
    client.force_login(user)
    text = client.get(MY_TRAINING).text
    assert "Für das Ressort" in text
    assert "Für alle" not in text


def test_a_learner_opts_in_and_out_of_the_weekly_email(learner_client, user, impulse):
    digest = reverse("impulses:digest")
    learner_client.post(digest, {"subscribe": "yes"})
    learner_client.post(digest, {"subscribe": "yes"})
    assert DigestSubscription.objects.filter(user=user).count() == 1
    assert 'value="no"' in learner_client.get(MY_TRAINING).text
    learner_client.post(digest, {"subscribe": "no"})
    assert not DigestSubscription.objects.filter(user=user).exists()


def test_my_training_queries_stay_bounded(learner_client, impulse, django_assert_max_num_queries):
    learner_client.get(MY_TRAINING)
    with django_assert_max_num_queries(30):
        learner_client.get(MY_TRAINING)


# --- the public outlets: screensaver and widget -------------------------------------------


def test_the_screensaver_shows_public_impulses_without_login_and_nothing_personal(
    client, home, user
):
    impulse_page(home, title="Öffentlich")
    impulse_page(home, title="Nur für ein Ressort", everyone=False)
    client.force_login(user)
    response = client.get(reverse("impulses:screensaver"))
    assert response.status_code == 200
    assert "Öffentlich" in response.text
    assert "Nur für ein Ressort" not in response.text
    assert user.email not in response.text
    assert "Abmelden" not in response.text and "Sign out" not in response.text
    assert 'data-seconds="30"' in response.text
    client.logout()
    assert client.get(reverse("impulses:screensaver")).status_code == 200


def test_the_screensaver_makes_no_request_to_other_origins(client, home):
    impulse_page(home)
    text = client.get(reverse("impulses:screensaver")).text
    assert "http://" not in text
    assert "https://" not in text
    assert 'src="//' not in text and 'href="//' not in text


@override_settings(SENSI_IMPULSE_SCREENSAVER_SECONDS=12)
def test_the_screensaver_interval_is_a_setting(client, home):
    impulse_page(home)
    assert 'data-seconds="12"' in client.get(reverse("impulses:screensaver")).text


def test_the_widget_refuses_framing_without_configured_origins(client, home):
    impulse_page(home, title="Aktueller Impuls")
    response = client.get(reverse("impulses:widget"))
    assert "Aktueller Impuls" in response.text
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@override_settings(
    SENSI_IMPULSE_FRAME_ANCESTORS=["https://map.example.org", "https://intra.example"]
)
def test_the_widget_may_be_framed_by_the_configured_origins_only(client, home):
    impulse_page(home)
    response = client.get(reverse("impulses:widget"))
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors https://map.example.org https://intra.example" in policy
    assert "X-Frame-Options" not in response
    other = client.get(reverse("courses:my_training"))
    assert other["X-Frame-Options"] == "DENY"
    screensaver = client.get(reverse("impulses:screensaver"))
    assert "frame-ancestors 'none'" in screensaver["Content-Security-Policy"]
