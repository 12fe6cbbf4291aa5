"""The employee's side of obligations on other apps' pages: the quiz result page says
whether an acknowledgement is still due, and the obligations table links to the module."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext as _

from tests.factories import correct_answers, employee, lessons_of, obligation, quiz_of
from tests.lesson_client import read_lesson
from tests.quiz_client import post_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(user):
    return employee(user=user)


def pass_module(client, module):
    for lesson in lessons_of(module):
        read_lesson(client, lesson)
    quiz = quiz_of(module)
    return client.get(post_answers(client, quiz, correct_answers(quiz))["Location"])


def test_result_page_links_to_the_acknowledgement_still_due(learner_client, person, module):
    duty = obligation(module=module)
    html = pass_module(learner_client, module).content.decode()
    assert 'id="acknowledgement-heading"' in html
    assert reverse("compliance:confirm", args=[duty.pk]) in html


def test_result_page_says_when_nothing_is_due(learner_client, person, module):
    duty = obligation(module=module)
    pass_module(learner_client, module)
    confirm_url = reverse("compliance:confirm", args=[duty.pk])
    text_hash = learner_client.get(confirm_url).context["text_hash"]
    learner_client.post(confirm_url, {"confirmed": "yes", "text_hash": text_hash})
    quiz = quiz_of(module)
    html = learner_client.get(
        post_answers(learner_client, quiz, correct_answers(quiz))["Location"]
    ).content.decode()
    assert 'id="acknowledgement-heading"' in html
    assert (
        _(
            "Your acknowledgement of this mandatory training is recorded and current. "
            "Nothing more is due."
        )
        in html
    )
    assert reverse("compliance:confirm", args=[duty.pk]) not in html


def test_result_page_of_a_module_without_obligation_says_nothing(learner_client, person, module):
    html = pass_module(learner_client, module).content.decode()
    assert "acknowledgement-heading" not in html


def test_obligations_table_links_to_the_module(learner_client, person, module):
    obligation(module=module)
    html = learner_client.get(reverse("courses:my_training")).content.decode()
    table = html[html.index('class="obligations"') :]
    assert f'href="{module.url}"' in table
