"""selfcheck.views: the employee's check, result and history; tampered posts store nothing."""

import uuid

import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from selfcheck.models import SelfCheckAnswer, SelfCheckRun
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def check_url():
    return reverse("selfcheck:check")


def form(steps, *answers, submission_id=None):
    data = {"submission_id": str(submission_id or uuid.uuid4())}
    for step, answer in zip(steps, answers, strict=False):
        data[f"step-{step.translation_key}"] = answer
    return data


def test_the_check_asks_each_step_as_a_fieldset_with_three_radio_buttons(learner_client, steps):
    html = learner_client.get(check_url()).content.decode()
    assert html.count("<fieldset") == 3
    assert html.count("<legend>") == 3
    assert html.count('type="radio"') == 9
    assert _("Step %(number)s of %(total)s") % {"number": 1, "total": 3} in html
    assert steps[0].question in html
    # The instruction and the router variants are right at the step.
    assert "FRITZ!Box: System > Update" in html
    assert html.index("AVM FRITZ!Box") < html.index("Telekom Speedport")


def test_the_check_needs_sign_in(client, steps):
    response = client.get(check_url())
    assert response.status_code == 302
    assert "login" in response.url


def test_answering_stores_a_run_and_shows_the_result(learner_client, user, steps):
    response = learner_client.post(check_url(), form(steps, "done", "unknown", "not_possible"))
    assert response.status_code == 302
    run = SelfCheckRun.objects.get(user=user)
    assert (run.done, run.total, run.latest) == (1, 3, True)
    assert run.answers.count() == 3
    page = learner_client.get(response.url).content.decode()
    assert _("%(done)s of %(total)s steps done") % {"done": 1, "total": 3} in page
    # "weiß nicht" leads to the instruction.
    assert escape(_("Steps you did not know how to do")) in page
    assert steps[1].question in page
    assert "Öffnen Sie die Oberfläche Ihres Routers." in page


def test_a_repeat_keeps_the_history_and_only_the_latest_run_counts(learner_client, user, steps):
    learner_client.post(check_url(), form(steps, "unknown", "unknown", "unknown"))
    learner_client.post(check_url(), form(steps, "done", "done", "unknown"))
    runs = list(SelfCheckRun.objects.filter(user=user))
    assert len(runs) == 2
    assert [r.latest for r in runs] == [True, False]
    assert runs[0].done == 2
    page = learner_client.get(reverse("selfcheck:result")).content.decode()
    assert escape(_("Your earlier checks")) in page
    assert _("%(done)s of %(total)s") % {"done": 0, "total": 3} in page


def test_the_form_preselects_the_latest_answers(learner_client, steps):
    learner_client.post(check_url(), form(steps, "done", "not_possible", "unknown"))
    html = learner_client.get(check_url()).content.decode()
    key = steps[1].translation_key
    assert f'id="step-{key}-not_possible" value="not_possible" checked' in html


def test_a_double_submit_stores_one_run(learner_client, user, steps):
    data = form(steps, "done", "done", "done")
    first = learner_client.post(check_url(), data)
    second = learner_client.post(check_url(), data)
    assert first.status_code == second.status_code == 302
    assert SelfCheckRun.objects.filter(user=user).count() == 1
    assert SelfCheckAnswer.objects.count() == 3


@pytest.mark.parametrize(
    "tamper",
    [
        lambda data, steps: data.update({f"step-{uuid.uuid4()}": "done"}),
        lambda data, steps: data.update({f"step-{steps[0].translation_key}": "maybe"}),
        lambda data, steps: data.update({"submission_id": "not-a-uuid"}),
    ],
    ids=["unknown_step", "unknown_answer", "bad_submission_id"],
)
def test_a_tampered_post_is_refused_clearly_and_nothing_stored(learner_client, steps, tamper):
    data = form(steps, "done", "done", "done")
    tamper(data, steps)
    response = learner_client.post(check_url(), data)
    assert response.status_code == 400
    assert escape(_("Nothing was saved.")) in response.content.decode()
    assert not SelfCheckRun.objects.exists()
    assert not SelfCheckAnswer.objects.exists()


def test_another_persons_form_id_is_refused(client, steps):
    owner = UserFactory()
    client.force_login(owner)
    data = form(steps, "done", "done", "done")
    client.post(check_url(), data)
    client.force_login(UserFactory())
    response = client.post(check_url(), data)
    assert response.status_code == 400
    assert SelfCheckRun.objects.count() == 1


def test_an_unanswered_step_is_marked_and_nothing_stored(learner_client, steps):
    response = learner_client.post(check_url(), form(steps, "done", "done"))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html
    assert f'aria-describedby="step-{steps[2].translation_key}-error"' in html
    # What was answered stays chosen.
    assert f'id="step-{steps[0].translation_key}-done" value="done" checked' in html
    assert not SelfCheckRun.objects.exists()


def test_the_result_without_a_run_leads_to_the_check(learner_client, steps):
    response = learner_client.get(reverse("selfcheck:result"))
    assert response.status_code == 302
    assert response.url == check_url()


def test_nobody_else_sees_an_employees_answers(client, steps):
    owner = UserFactory()
    client.force_login(owner)
    client.post(check_url(), form(steps, "done", "unknown", "unknown"))
    client.force_login(UserFactory())
    response = client.get(reverse("selfcheck:result"))
    assert response.status_code == 302  # no run of their own: to the check


def test_english_steps_are_shown_where_translated(learner_client, steps):
    from wagtail.models import Locale

    english = Locale.objects.get_or_create(language_code="en")[0]
    copy = steps[0].copy_for_translation(english)
    copy.question = "Is your router's firmware up to date?"
    copy.save()
    html = learner_client.get("/en/home-office-check/").content.decode()
    assert "Is your router&#x27;s firmware up to date?" in html
    assert steps[1].question in html  # not translated: German


def test_the_check_page_queries_are_bounded(learner_client, steps, django_assert_max_num_queries):
    learner_client.get(check_url())
    with django_assert_max_num_queries(8):
        learner_client.get(check_url())


def test_my_training_links_to_the_check_with_the_latest_result(learner_client, steps):
    page = learner_client.get(reverse("courses:my_training")).content.decode()
    assert reverse("selfcheck:check") in page
    learner_client.post(check_url(), form(steps, "done", "done", "unknown"))
    page = learner_client.get(reverse("courses:my_training")).content.decode()
    assert "2" in page and escape(_("See your last result")) in page
