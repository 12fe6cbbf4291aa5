"""The demo curriculum's wording: what the quiz page already says is not repeated in the
text, and instructions are phrased positively."""

import json

import pytest

from demo.curriculum_data import ENGLISH, GERMAN


@pytest.mark.parametrize("module", GERMAN + ENGLISH, ids=lambda module: module["title"])
def test_quiz_text_leaves_the_pass_mark_and_the_hint_to_the_page(module):
    quiz = module["quiz"]
    assert "Prozent" not in quiz["intro"] and "percent" not in quiz["intro"]
    for question in quiz["questions"]:
        text = json.dumps(question.get("question", ""), ensure_ascii=False)
        assert "Mehrere Antworten" not in text and "Several answers" not in text


@pytest.mark.parametrize("module", GERMAN + ENGLISH, ids=lambda module: module["title"])
def test_no_double_negative_instructions(module):
    text = json.dumps(module, ensure_ascii=False)
    assert "nicht mehr benötigt" not in text
    assert "no longer needs" not in text
