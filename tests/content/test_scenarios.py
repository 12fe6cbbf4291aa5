"""Scenario blocks: choose first, then see the feedback for that choice only."""

import pytest
from django.urls import reverse

from content.models import ScenarioAnswer
from tests.factories import lessons_of, module_page
from xapi.models import Statement

pytestmark = pytest.mark.django_db

BLOCK_ID = "5c3e1f0a-0000-4000-8000-00000000b10c"
GOOD, BAD, OTHER = (
    "11111111-0000-4000-8000-000000000001",
    "11111111-0000-4000-8000-000000000002",
    "11111111-0000-4000-8000-000000000003",
)


def choice(choice_id, text, feedback, recommended=False):
    return {
        "type": "item",
        "id": choice_id,
        "value": {"text": text, "feedback": feedback, "recommended": recommended},
    }


@pytest.fixture
def lesson(home):
    module = module_page(home=home, lessons=1, questions=[])
    lesson = lessons_of(module)[0]
    lesson.body = [
        {"type": "heading", "value": {"text": "Üben", "level": "h2"}},
        {
            "type": "scenario",
            "id": BLOCK_ID,
            "value": {
                "title": "Die Mail vom Chef",
                "situation": "<p>Eine dringende Mail.</p>",
                "question": "Was tun Sie?",
                "choices": [
                    choice(GOOD, "Telefonisch nachfragen", "FEEDBACK-GUT", recommended=True),
                    choice(BAD, "Sofort überweisen", "FEEDBACK-SCHLECHT"),
                    choice(OTHER, "Ignorieren", "FEEDBACK-IGNORIEREN"),
                ],
            },
        },
    ]
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


def url(page_id=None, block_id=BLOCK_ID, *, lesson):
    return reverse(
        "content:scenario_answer",
        kwargs={"page_id": page_id or lesson.pk, "block_id": block_id},
    )


def test_the_page_shows_a_form_and_no_feedback(learner_client, lesson):
    html = learner_client.get(lesson.url).content.decode()
    assert "<fieldset>" in html and "<legend" in html
    assert html.count('type="radio"') == 3
    assert 'type="submit"' in html
    assert "FEEDBACK-" not in html


def test_an_answer_is_stored_with_its_statement(learner_client, user, lesson):
    response = learner_client.post(url(lesson=lesson), {"option": BAD})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#scenario-{BLOCK_ID}")
    answer = ScenarioAnswer.objects.get()
    assert (answer.user, answer.page_key, answer.block_id, answer.option_id) == (
        user,
        lesson.translation_key,
        BLOCK_ID,
        BAD,
    )
    statements = [s.data for s in Statement.objects.all()]
    answered = [s for s in statements if s["verb"]["id"].endswith("/answered")]
    assert len(answered) == 1
    statement = answered[0]
    definition = statement["object"]["definition"]
    assert definition["interactionType"] == "choice"
    assert {c["id"] for c in definition["choices"]} == {GOOD, BAD, OTHER}
    assert definition["correctResponsesPattern"] == [GOOD]
    assert statement["object"]["id"].endswith(f"/scenarios/{BLOCK_ID}")
    assert statement["result"] == {"response": BAD, "success": False}
    parents = statement["context"]["contextActivities"]["parent"]
    assert parents[0]["id"].endswith(str(lesson.translation_key))
    grouping = statement["context"]["contextActivities"]["grouping"]
    assert grouping[0]["id"].endswith(str(lesson.get_parent().translation_key))


def test_after_the_redirect_only_the_chosen_feedback_shows(learner_client, lesson):
    response = learner_client.post(url(lesson=lesson), {"option": GOOD}, follow=True)
    html = response.content.decode()
    assert "FEEDBACK-GUT" in html
    assert "FEEDBACK-SCHLECHT" not in html and "FEEDBACK-IGNORIEREN" not in html
    assert 'type="radio"' in html  # the learner may choose again
    learner_client.post(url(lesson=lesson), {"option": OTHER})
    html = learner_client.get(lesson.url).content.decode()
    assert "FEEDBACK-IGNORIEREN" in html and "FEEDBACK-GUT" not in html
    assert ScenarioAnswer.objects.count() == 2  # each submit is one answer


@pytest.mark.parametrize(
    "change",
    [
        {"option": "not-an-option"},
        {"option": ""},
        {"block_id": "00000000-0000-4000-8000-000000000000"},
        {"page_id": 999999},
    ],
)
def test_tampered_answers_are_refused_and_store_nothing(learner_client, lesson, change):
    target = url(
        page_id=change.get("page_id"), block_id=change.get("block_id", BLOCK_ID), lesson=lesson
    )
    response = learner_client.post(target, {"option": change.get("option", GOOD)})
    assert response.status_code == 400
    assert not ScenarioAnswer.objects.exists()
    assert not Statement.objects.filter(verb_id__endswith="/answered").exists()


def test_an_unpublished_page_is_refused(learner_client, lesson):
    lesson.unpublish()
    response = learner_client.post(url(lesson=lesson), {"option": GOOD})
    assert response.status_code == 400
    assert not ScenarioAnswer.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login(client, lesson):
    response = client.post(url(lesson=lesson), {"option": GOOD})
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not ScenarioAnswer.objects.exists()


def test_get_is_not_allowed(learner_client, lesson):
    assert learner_client.get(url(lesson=lesson)).status_code == 405
