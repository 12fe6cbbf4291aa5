import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import GroupApprovalTask, Locale, Workflow, WorkflowPage, WorkflowTask

from impulses.models import TIP_MAX_CHARACTERS, ImpulsePage, tip_length
from tests.factories import ressort

from .conftest import impulse_page, index_page, this_monday

pytestmark = pytest.mark.django_db


def test_a_tip_longer_than_two_minutes_allow_does_not_save_with_a_german_message(home):
    page = impulse_page(home)
    page.tip = "<p>" + "Wort " * (TIP_MAX_CHARACTERS // 5 + 10) + "</p>"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    message = error.value.message_dict["tip"][0]
    assert f"{TIP_MAX_CHARACTERS}" in message
    assert "zu lang" in message and "zwei Minuten" in message  # German, as editors see it


def test_the_tip_length_counts_text_not_markup():
    assert tip_length("<p><b>Kurz</b> &amp; knapp</p>") == len("Kurz & knapp")


def test_the_week_is_moved_to_its_monday(home):
    page = impulse_page(home)
    page.week_of = this_monday() + datetime.timedelta(days=3)
    page.full_clean()
    assert page.week_of == this_monday()


def test_impulses_without_a_week_follow_one_week_after_the_latest(home):
    first = impulse_page(home, weeks_ago=-2)
    index = index_page(home)
    second = ImpulsePage(
        title="Zweiter",
        slug="zweiter",
        locale=home.locale,
        topic="passwords",
        tip="<p>Kurz.</p>",
        question=first.question.raw_data,
    )
    index.add_child(instance=second)
    assert second.week_of == first.week_of + datetime.timedelta(weeks=1)


def test_only_published_impulses_for_everyone_whose_week_began_are_public(home):
    assert impulse_page(home).is_public
    assert not impulse_page(home, weeks_ago=-1).is_public
    assert not impulse_page(home, everyone=False).is_public
    assert not impulse_page(home, live=False).is_public


def test_a_public_impulse_is_open_without_signing_in(client, home):
    page = impulse_page(home)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Verdächtige Mail melden" in response.text
    assert 'name="option"' not in response.text  # no form without signing in


def test_an_impulse_for_a_ressort_asks_anonymous_visitors_to_sign_in(client, home):
    page = impulse_page(home, everyone=False)
    response = client.get(page.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_an_impulse_for_another_audience_is_not_found(learner_client, home):
    page = impulse_page(home, everyone=False)
    assert learner_client.get(page.url).status_code == 404


def test_impulses_go_through_the_approval_workflow_of_their_home(home):
    workflow = Workflow.objects.create(name="Redaktionelle Freigabe")
    task = GroupApprovalTask.objects.create(name="Freigabe")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page=home, workflow=workflow)
    assert impulse_page(home).get_workflow() == workflow


def test_impulses_are_translatable_and_keep_their_option_ids(home):
    page = impulse_page(home)
    en = Locale.objects.get_or_create(language_code="en")[0]
    home.copy_for_translation(en).save_revision().publish()
    index_page(home).copy_for_translation(en).save_revision().publish()
    translation = page.copy_for_translation(en)
    assert translation.translation_key == page.translation_key
    assert [o.id for o in translation.question_view().options] == [
        o.id for o in page.question_view().options
    ]


def test_editors_can_open_the_form_for_a_new_impulse(admin_client, home):
    ressort()  # the Ressorts are checkboxes: without one there is no field to see
    index = index_page(home)
    response = admin_client.get(f"/admin/pages/add/impulses/impulsepage/{index.pk}/")
    assert response.status_code == 200
    for field in ("topic", "tip", "week_of", "everyone", "ressorts", "dienststellen"):
        assert f'name="{field}' in response.text, field
    assert "media" in response.text and "question" in response.text


def test_the_index_lists_public_impulses_and_links_the_feeds(client, home):
    impulse_page(home, title="Öffentlich")
    impulse_page(home, title="Intern", everyone=False)
    text = client.get(index_page(home).url).text
    assert "Öffentlich" in text and "Intern" not in text
    assert "/impulses/feed/atom/" in text and "/impulses/screensaver/" in text
