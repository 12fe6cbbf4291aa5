"""Exercise blocks: evaluated on the server, stored with their xAPI statement, tampering
refused with nothing stored (content.exercises)."""

import pytest
from django.urls import reverse

from content.exercises import shuffled_steps
from content.models import ExerciseAnswer
from courses.blocks import LessonStreamBlock
from tests.factories import lessons_of, module_page
from xapi.models import Statement

pytestmark = pytest.mark.django_db

SIGNS_ID = "e0000000-0000-4000-8000-00000000051a"
SORT_ID = "e0000000-0000-4000-8000-00000000050b"
ORDER_ID = "e0000000-0000-4000-8000-0000000000dd"

GREETING, URGENT, SIGNOFF = (
    "b0000000-0000-4000-8000-000000000001",
    "b0000000-0000-4000-8000-000000000002",
    "b0000000-0000-4000-8000-000000000003",
)
ITEM_SAFE, ITEM_UNSAFE, ITEM_DEPENDS = (
    "a0000000-0000-4000-8000-000000000001",
    "a0000000-0000-4000-8000-000000000002",
    "a0000000-0000-4000-8000-000000000003",
)
STEP_1, STEP_2, STEP_3, STEP_4 = (
    "c0000000-0000-4000-8000-000000000001",
    "c0000000-0000-4000-8000-000000000002",
    "c0000000-0000-4000-8000-000000000003",
    "c0000000-0000-4000-8000-000000000004",
)
SIGNS = ["sender", URGENT, "link", "attachment"]  # the right answer to spot the signs


def item(item_id, value):
    return {"type": "item", "id": item_id, "value": value}


def signs_value():
    return {
        "title": "Die Mail von der „IT-Abteilung“",
        "instructions": "",
        "sender": {
            "name": "IT-Service",
            "address": "it-service@landesverwaltung-support.info",
            "suspicious": True,
            "explanation": "SIGN-SENDER: fremde Domain.",
        },
        "subject": {"text": "Ihr Postfach ist voll", "suspicious": False, "explanation": ""},
        "body": [
            item(
                GREETING,
                {
                    "text": "Sehr geehrte Nutzerin,",
                    "suspicious": False,
                    "explanation": "GREETING-OK",
                },
            ),
            item(
                URGENT,
                {
                    "text": "Bestätigen Sie binnen 2 Stunden, sonst wird Ihr Konto gesperrt.",
                    "suspicious": True,
                    "explanation": "SIGN-URGENT: Zeitdruck.",
                },
            ),
            item(SIGNOFF, {"text": "Ihr IT-Team", "suspicious": False, "explanation": ""}),
        ],
        "link": {
            "text": "Postfach jetzt bestätigen",
            "target": "https://login-landesverwaltung.example.net/owa",
            "suspicious": True,
            "explanation": "SIGN-LINK: das Ziel ist nicht das Intranet.",
        },
        "attachment": {
            "name": "Anleitung.pdf.exe",
            "suspicious": True,
            "explanation": "SIGN-ATTACHMENT: doppelte Endung.",
        },
    }


def sort_value():
    return {
        "title": "Sicher oder nicht?",
        "instructions": "Ordnen Sie jede Situation zu.",
        "category_1": "sicher",
        "category_2": "unsicher",
        "category_3": "kommt darauf an",
        "items": [
            item(
                ITEM_SAFE,
                {"text": "Bildschirm sperren", "category": "1", "explanation": "SORT-SAFE"},
            ),
            item(
                ITEM_UNSAFE,
                {"text": "Passwort am Monitor", "category": "2", "explanation": "SORT-UNSAFE"},
            ),
            item(
                ITEM_DEPENDS,
                {"text": "Privater USB-Stick", "category": "3", "explanation": "SORT-DEPENDS"},
            ),
        ],
    }


def order_value():
    return {
        "title": "Nach einer Datenpanne",
        "instructions": "Bringen Sie die Schritte in die richtige Reihenfolge.",
        "steps": [
            item(STEP_1, {"text": "Vorfall eindämmen", "explanation": "ORDER-1"}),
            item(STEP_2, {"text": "Vorgesetzte informieren", "explanation": "ORDER-2"}),
            item(STEP_3, {"text": "Datenschutzbeauftragte einbinden", "explanation": "ORDER-3"}),
            item(STEP_4, {"text": "Meldung binnen 72 Stunden", "explanation": "ORDER-4"}),
        ],
    }


def exercise_body():
    return [
        {"type": "heading", "value": {"text": "Üben", "level": "h2"}},
        {"type": "spot_the_signs", "id": SIGNS_ID, "value": signs_value()},
        {"type": "sort_it", "id": SORT_ID, "value": sort_value()},
        {"type": "put_in_order", "id": ORDER_ID, "value": order_value()},
    ]


def exercise_lesson(home):
    module = module_page(home=home, lessons=1, questions=[])
    lesson = lessons_of(module)[0]
    lesson.body = exercise_body()
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


@pytest.fixture
def lesson(home):
    return exercise_lesson(home)


def url(lesson, block_id, page_id=None):
    return reverse(
        "content:exercise_answer", kwargs={"page_id": page_id or lesson.pk, "block_id": block_id}
    )


def answered_statements():
    return [s.data for s in Statement.objects.filter(verb_id__endswith="/answered")]


RIGHT_SORT = {f"item-{ITEM_SAFE}": "1", f"item-{ITEM_UNSAFE}": "2", f"item-{ITEM_DEPENDS}": "3"}
RIGHT_ORDER = {
    f"position-{STEP_1}": "1",
    f"position-{STEP_2}": "2",
    f"position-{STEP_3}": "3",
    f"position-{STEP_4}": "4",
}


def test_the_page_shows_the_forms_and_no_right_answer(learner_client, lesson):
    html = learner_client.get(lesson.url).content.decode()
    assert html.count('type="checkbox"') == 7  # sender, subject, 3 segments, link, attachment
    assert html.count('type="radio"') == 9
    assert html.count("<select") == 4
    for secret in ("SIGN-", "GREETING-OK", "SORT-", "ORDER-"):
        assert secret not in html
    assert "https://login-landesverwaltung.example.net/owa" in html  # the link's real target
    assert 'href="https://login-landesverwaltung' not in html  # and never a live link


# Spot the signs


def test_spot_the_signs_feedback_per_sign_found_missed_and_false_alarm(
    learner_client, user, lesson
):
    response = learner_client.post(
        url(lesson, SIGNS_ID), {"part": ["sender", "subject", "link"]}, follow=True
    )
    html = response.content.decode()
    answer = ExerciseAnswer.objects.get()
    assert (answer.user, answer.block_id, answer.success) == (user, SIGNS_ID, False)
    assert answer.response == ["sender", "subject", "link"]
    assert response.redirect_chain[-1][0].endswith(f"#exercise-{SIGNS_ID}-result")
    assert f'id="exercise-{SIGNS_ID}-result" tabindex="-1"' in html
    assert "Gefunden:" in html and "SIGN-SENDER" in html and "SIGN-LINK" in html
    assert "Übersehen:" in html and "SIGN-URGENT" in html and "SIGN-ATTACHMENT" in html
    assert "Kein Anzeichen:" in html  # the subject, marked wrongly
    assert "Sie haben 4 von 7 Teilen richtig beurteilt." in html


def test_spot_the_signs_statement_is_a_multiple_choice_interaction(learner_client, lesson):
    learner_client.post(url(lesson, SIGNS_ID), {"part": SIGNS})
    (statement,) = answered_statements()
    definition = statement["object"]["definition"]
    assert statement["object"]["id"].endswith(f"/exercises/{SIGNS_ID}")
    assert definition["interactionType"] == "choice"
    assert definition["correctResponsesPattern"] == ["[,]".join(SIGNS)]
    assert [c["id"] for c in definition["choices"]] == [
        "sender",
        "subject",
        GREETING,
        URGENT,
        SIGNOFF,
        "link",
        "attachment",
    ]
    assert statement["result"]["response"] == "[,]".join(SIGNS)
    assert statement["result"]["success"] is True
    assert statement["result"]["score"]["raw"] == 7 and statement["result"]["score"]["max"] == 7
    assert ExerciseAnswer.objects.get().success is True


def test_spot_the_signs_with_nothing_marked_is_an_answer(learner_client, lesson):
    learner_client.post(url(lesson, SIGNS_ID), {})
    answer = ExerciseAnswer.objects.get()
    assert answer.response == [] and answer.success is False
    assert answered_statements()[0]["result"]["response"] == ""


# Sort it


def test_sort_it_feedback_per_item_and_matching_statement(learner_client, lesson):
    data = {**RIGHT_SORT, f"item-{ITEM_DEPENDS}": "1"}
    html = learner_client.post(url(lesson, SORT_ID), data, follow=True).content.decode()
    assert "Sie haben 2 von 3 Einträgen richtig zugeordnet." in html
    assert "Ihre Kategorie: sicher. Richtig: kommt darauf an." in html
    assert "SORT-DEPENDS" in html and "SORT-SAFE" in html
    (statement,) = answered_statements()
    definition = statement["object"]["definition"]
    assert definition["interactionType"] == "matching"
    assert [s["id"] for s in definition["source"]] == [ITEM_SAFE, ITEM_UNSAFE, ITEM_DEPENDS]
    assert [t["id"] for t in definition["target"]] == ["1", "2", "3"]
    assert definition["target"][2]["description"] == {"de-DE": "kommt darauf an"}
    assert definition["correctResponsesPattern"] == [
        f"{ITEM_SAFE}[.]1[,]{ITEM_UNSAFE}[.]2[,]{ITEM_DEPENDS}[.]3"
    ]
    assert statement["result"]["response"] == (
        f"{ITEM_SAFE}[.]1[,]{ITEM_UNSAFE}[.]2[,]{ITEM_DEPENDS}[.]1"
    )
    assert statement["result"]["success"] is False


def test_sort_it_with_an_item_left_out_is_sent_back_with_a_message(learner_client, lesson):
    data = {f"item-{ITEM_SAFE}": "1", f"item-{ITEM_UNSAFE}": "2"}
    response = learner_client.post(url(lesson, SORT_ID), data)
    assert response.status_code == 302
    assert response["Location"].endswith(f"#exercise-{SORT_ID}-error")
    html = learner_client.get(lesson.url).content.decode()
    assert f'id="exercise-{SORT_ID}-error"' in html and 'role="alert"' in html
    assert "Wählen Sie für jeden Eintrag eine Kategorie." in html
    assert not ExerciseAnswer.objects.exists() and not answered_statements()
    # The message is shown once.
    assert "Wählen Sie für jeden Eintrag" not in learner_client.get(lesson.url).content.decode()


# Put in order


def test_put_in_order_shows_the_steps_shuffled_never_in_the_right_order(lesson):
    block = next(child for child in lesson.body if child.block_type == "put_in_order")
    shown = [step_id for step_id, _value in shuffled_steps(ORDER_ID, block.value)]
    assert sorted(shown) == sorted([STEP_1, STEP_2, STEP_3, STEP_4])
    assert shown != [STEP_1, STEP_2, STEP_3, STEP_4]
    assert shown == [step_id for step_id, _v in shuffled_steps(ORDER_ID, block.value)]


def test_put_in_order_feedback_and_sequencing_statement(learner_client, lesson):
    data = {**RIGHT_ORDER, f"position-{STEP_1}": "2", f"position-{STEP_2}": "1"}
    html = learner_client.post(url(lesson, ORDER_ID), data, follow=True).content.decode()
    assert "Sie haben 2 von 4 Schritten an die richtige Stelle gesetzt." in html
    assert "Ihre Position: 1. Richtig: Position 2." in html
    assert "Die richtige Reihenfolge:" in html
    answer = ExerciseAnswer.objects.get()
    assert answer.response == [STEP_2, STEP_1, STEP_3, STEP_4]
    (statement,) = answered_statements()
    definition = statement["object"]["definition"]
    assert definition["interactionType"] == "sequencing"
    assert [c["id"] for c in definition["choices"]] == [STEP_1, STEP_2, STEP_3, STEP_4]
    assert definition["correctResponsesPattern"] == ["[,]".join([STEP_1, STEP_2, STEP_3, STEP_4])]
    assert statement["result"]["response"] == "[,]".join([STEP_2, STEP_1, STEP_3, STEP_4])
    assert statement["result"]["success"] is False


def test_put_in_order_right_answer_succeeds(learner_client, lesson):
    learner_client.post(url(lesson, ORDER_ID), RIGHT_ORDER)
    assert ExerciseAnswer.objects.get().success is True
    assert answered_statements()[0]["result"]["success"] is True


def test_put_in_order_with_two_steps_on_one_position_is_sent_back(learner_client, lesson):
    data = {**RIGHT_ORDER, f"position-{STEP_4}": "1"}
    response = learner_client.post(url(lesson, ORDER_ID), data)
    assert response["Location"].endswith(f"#exercise-{ORDER_ID}-error")
    html = learner_client.get(lesson.url).content.decode()
    assert "zwei Schritte haben dieselbe" in html
    assert not ExerciseAnswer.objects.exists() and not answered_statements()


# Both or neither, each submit counted, tampering refused


def test_each_submit_is_one_answer_and_the_newest_shows(learner_client, lesson):
    learner_client.post(url(lesson, SIGNS_ID), {"part": ["subject"]})
    learner_client.post(url(lesson, SIGNS_ID), {"part": SIGNS})
    assert ExerciseAnswer.objects.count() == 2
    assert len(answered_statements()) == 2
    html = learner_client.get(lesson.url).content.decode()
    assert "Alles richtig." in html and "Übersehen:" not in html


def test_the_form_preselects_the_newest_answer(learner_client, lesson):
    learner_client.post(url(lesson, SIGNS_ID), {"part": ["sender", URGENT]})
    learner_client.post(url(lesson, SORT_ID), RIGHT_SORT)
    learner_client.post(url(lesson, ORDER_ID), RIGHT_ORDER)
    html = learner_client.get(lesson.url).content.decode()
    assert f'id="exercise-{SIGNS_ID}-sender" checked' in html
    assert f'id="exercise-{SIGNS_ID}-{URGENT}" checked' in html
    assert f'id="exercise-{SIGNS_ID}-link" checked' not in html
    assert f'id="exercise-{SORT_ID}-{ITEM_DEPENDS}-3" value="3" required checked' in html
    assert html.count(" checked>") == 5
    assert html.count(" selected>") == 4
    assert '<option value="4" selected>Position 4</option>' in html


@pytest.mark.parametrize(
    ("block_id", "data"),
    [
        (SIGNS_ID, {"part": ["sender", "not-a-part"]}),
        (SORT_ID, {**RIGHT_SORT, f"item-{ITEM_SAFE}": "4"}),
        (SORT_ID, {**RIGHT_SORT, "item-00000000-0000-4000-8000-000000000000": "1"}),
        (ORDER_ID, {**RIGHT_ORDER, f"position-{STEP_1}": "9"}),
        (ORDER_ID, {**RIGHT_ORDER, f"position-{STEP_1}": "x"}),
        (ORDER_ID, {**RIGHT_ORDER, "position-unknown": "1"}),
        ("00000000-0000-4000-8000-000000000000", {"part": ["sender"]}),
    ],
)
def test_tampered_answers_are_refused_and_store_nothing(learner_client, lesson, block_id, data):
    response = learner_client.post(url(lesson, block_id), data)
    assert response.status_code == 400
    assert "gehört zu keiner Übung" in response.content.decode()
    assert not ExerciseAnswer.objects.exists()
    assert not answered_statements()


def test_a_scenario_block_id_is_not_an_exercise(learner_client, lesson):
    response = learner_client.post(url(lesson, SIGNS_ID, page_id=999999), {"part": ["sender"]})
    assert response.status_code == 400
    assert not ExerciseAnswer.objects.exists()


def test_an_unpublished_page_is_refused(learner_client, lesson):
    lesson.unpublish()
    assert learner_client.post(url(lesson, SIGNS_ID), {"part": SIGNS}).status_code == 400
    assert not ExerciseAnswer.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login(client, lesson):
    response = client.post(url(lesson, SIGNS_ID), {"part": SIGNS})
    assert response.status_code == 302 and "login" in response["Location"]
    assert not ExerciseAnswer.objects.exists()


def test_get_is_not_allowed(learner_client, lesson):
    assert learner_client.get(url(lesson, SIGNS_ID)).status_code == 405


def test_blocks_without_ids_render_without_a_form():
    """In the editor's preview the blocks have no id yet: the content shows, no form."""
    body = [{k: v for k, v in child.items() if k != "id"} for child in exercise_body()]
    html = LessonStreamBlock().render(LessonStreamBlock().to_python(body))
    assert "<form" not in html
    assert "Ihr Postfach ist voll" in html and "Privater USB-Stick" in html
    assert "SIGN-" not in html and "SORT-" not in html
