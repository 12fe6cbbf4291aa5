import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from content.blocks import (
    FigureBlock,
    PutInOrderBlock,
    ScenarioBlock,
    SortItBlock,
    SpotTheSignsBlock,
    VideoBlock,
)
from courses.blocks import LessonStreamBlock
from quizzes.blocks import MultipleChoiceQuestionBlock, SingleChoiceQuestionBlock

pytestmark = pytest.mark.django_db


def document(name: str) -> Document:
    doc = Document(title=name)
    doc.file.save(name, ContentFile(b"data"), save=True)
    return doc


def clean(block, raw):
    return block.clean(block.to_python(raw))


def test_video_without_captions_or_transcript_does_not_save():
    video = document("clip.mp4")
    with pytest.raises(ValidationError) as error:
        clean(
            VideoBlock(), {"title": "Clip", "video": video.pk, "captions": None, "transcript": ""}
        )
    assert "transcript" in error.value.block_errors


def test_video_with_captions_or_a_transcript_saves():
    video, captions = document("clip.mp4"), document("clip.vtt")
    clean(
        VideoBlock(), {"title": "C", "video": video.pk, "captions": captions.pk, "transcript": ""}
    )
    clean(
        VideoBlock(), {"title": "C", "video": video.pk, "captions": None, "transcript": "<p>T</p>"}
    )


def test_video_captions_must_be_webvtt():
    video, captions = document("clip.mp4"), document("notes.pdf")
    with pytest.raises(ValidationError) as error:
        clean(
            VideoBlock(),
            {"title": "C", "video": video.pk, "captions": captions.pk, "transcript": ""},
        )
    assert "captions" in error.value.block_errors


def test_image_without_alt_text_does_not_save():
    with pytest.raises(ValidationError) as error:
        clean(FigureBlock(), {"image": None, "alt_text": "", "caption": ""})
    assert "alt_text" in error.value.block_errors


def test_scenario_needs_exactly_one_recommended_choice():
    choice = {"text": "A", "feedback": "F", "recommended": True}
    raw = {"title": "T", "situation": "<p>S</p>", "question": "Q", "choices": [choice, choice]}
    with pytest.raises(ValidationError):
        clean(ScenarioBlock(), raw)


def signs_raw(**changes):
    from tests.content.test_exercises import signs_value

    raw = signs_value()
    raw["body"] = [segment["value"] for segment in raw["body"]]
    raw.update(changes)
    return raw


def test_spot_the_signs_saves_with_a_sign_explained():
    clean(SpotTheSignsBlock(), signs_raw())


def test_spot_the_signs_needs_at_least_one_suspicious_sign():
    raw = signs_raw()
    for part in (raw["sender"], raw["subject"], *raw["body"], raw["link"], raw["attachment"]):
        part["suspicious"] = False
    with pytest.raises(ValidationError) as error:
        clean(SpotTheSignsBlock(), raw)
    assert "mindestens einen Teil" in str(error.value.non_block_errors)


def test_spot_the_signs_ignores_the_flag_of_a_link_left_empty():
    """A suspicious flag on an empty link or attachment is no sign: nothing to mark."""
    raw = signs_raw()
    for part in (raw["sender"], raw["subject"], *raw["body"]):
        part["suspicious"] = False
    raw["link"]["text"] = raw["attachment"]["name"] = ""
    with pytest.raises(ValidationError):
        clean(SpotTheSignsBlock(), raw)


def test_spot_the_signs_needs_an_explanation_for_each_sign():
    raw = signs_raw()
    raw["sender"]["explanation"] = ""
    with pytest.raises(ValidationError) as error:
        clean(SpotTheSignsBlock(), raw)
    assert "Erläutern Sie" in str(error.value.non_block_errors)


def test_spot_the_signs_link_needs_its_real_target():
    raw = signs_raw()
    raw["link"]["target"] = ""
    with pytest.raises(ValidationError) as error:
        clean(SpotTheSignsBlock(), raw)
    assert "link" in error.value.block_errors


def sort_raw(**changes):
    from tests.content.test_exercises import sort_value

    raw = sort_value()
    raw["items"] = [entry["value"] for entry in raw["items"]]
    raw.update(changes)
    return raw


def test_sort_it_saves_with_two_or_three_categories():
    clean(SortItBlock(), sort_raw())
    two = sort_raw(category_3="")
    two["items"] = [entry for entry in two["items"] if entry["category"] != "3"]
    clean(SortItBlock(), two)


def test_sort_it_needs_two_named_categories():
    with pytest.raises(ValidationError) as error:
        clean(SortItBlock(), sort_raw(category_2=""))
    assert "category_2" in error.value.block_errors


def test_sort_it_items_belong_to_a_named_category():
    with pytest.raises(ValidationError) as error:
        clean(SortItBlock(), sort_raw(category_3=""))
    assert "Kategorie 3" in str(error.value.non_block_errors)


def test_put_in_order_needs_at_least_three_steps():
    from tests.content.test_exercises import order_value

    steps = [entry["value"] for entry in order_value()["steps"]]
    raw = {"title": "T", "instructions": "I", "steps": steps}
    clean(PutInOrderBlock(), raw)
    with pytest.raises(ValidationError) as error:
        clean(PutInOrderBlock(), {**raw, "steps": steps[:2]})
    assert "steps" in error.value.block_errors


def test_single_choice_needs_exactly_one_correct_option():
    option = {"text": "A", "correct": True, "feedback": ""}
    raw = {"question": "Q", "explanation": "E", "options": [option, option]}
    with pytest.raises(ValidationError) as error:
        clean(SingleChoiceQuestionBlock(), raw)
    assert "options" in error.value.block_errors
    clean(MultipleChoiceQuestionBlock(), raw)


def test_multiple_choice_needs_a_correct_option():
    option = {"text": "A", "correct": False, "feedback": ""}
    with pytest.raises(ValidationError):
        clean(
            MultipleChoiceQuestionBlock(),
            {"question": "Q", "explanation": "E", "options": [option, option]},
        )


def test_blocks_render_semantic_accessible_html():
    stream = LessonStreamBlock().to_python(
        [
            {"type": "heading", "value": {"text": "Worauf achten", "level": "h2"}},
            {
                "type": "callout",
                "value": {"kind": "warning", "title": "Achtung", "text": "<p>x</p>"},
            },
            {"type": "checklist", "value": {"title": "Prüfen", "items": ["eins", "zwei"]}},
            {"type": "do_dont", "value": {"title": "So", "dos": ["gut"], "donts": ["schlecht"]}},
            {
                "type": "faq",
                "value": {"title": "FAQ", "items": [{"question": "Wie?", "answer": "<p>So.</p>"}]},
            },
            {
                "type": "scenario",
                "value": {
                    "title": "Fall",
                    "situation": "<p>Eine Mail kommt.</p>",
                    "question": "Was tun?",
                    "choices": [
                        {"text": "Melden", "feedback": "Gut.", "recommended": True},
                        {"text": "Klicken", "feedback": "Schlecht.", "recommended": False},
                    ],
                },
            },
        ]
    )
    html = LessonStreamBlock().render(stream)
    assert "<h2>Worauf achten</h2>" in html
    assert '<aside class="callout callout--warning"' in html
    assert "<li>eins</li>" in html
    assert '<details class="faq__item">' in html and "<summary>Wie?</summary>" in html
    # Do/don't and scenario outcomes are told in words, not by colour alone.
    assert "schlecht" in html and "✗" in html
    # A scenario reveals no feedback before the learner has chosen (content.scenarios).
    assert "<li>Melden</li>" in html and "Gut." not in html and "Schlecht." not in html


def test_blocks_without_ids_still_label_their_regions_each_by_its_own_title():
    """Blocks created in code (the demo seed, imports) carry no block id; two callouts on one
    page must not both be named after the first one."""
    stream = LessonStreamBlock().to_python(
        [
            {"type": "callout", "value": {"kind": "tip", "title": "Eins", "text": "<p>x</p>"}},
            {"type": "callout", "value": {"kind": "tip", "title": "Zwei", "text": "<p>y</p>"}},
            {"type": "checklist", "value": {"title": "Drei", "items": ["a"]}},
            {"type": "checklist", "value": {"title": "Vier", "items": ["b"]}},
        ]
    )
    html = LessonStreamBlock().render(stream)

    labelled_by = re.findall(r'aria-labelledby="([^"]+)"', html)
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(labelled_by) == 4
    assert len(set(labelled_by)) == 4
    assert sorted(labelled_by) == sorted(ids)


@pytest.mark.parametrize(
    "first",
    [
        {"type": "heading", "value": {"text": "Unter", "level": "h3"}},
        {"type": "checklist", "value": {"title": "Prüfen", "items": ["eins"]}},
        {"type": "faq", "value": {"title": "FAQ", "items": [{"question": "?", "answer": "x"}]}},
    ],
    ids=["h3-heading", "checklist", "faq"],
)
def test_a_subheading_before_the_first_section_heading_does_not_save(first):
    raw = [
        {"type": "text", "value": "<p>Einleitung</p>"},
        first,
        {"type": "heading", "value": {"text": "Abschnitt", "level": "h2"}},
        {"type": "checklist", "value": {"title": "Danach", "items": ["zwei"]}},
    ]
    with pytest.raises(ValidationError) as error:
        clean(LessonStreamBlock(), raw)
    assert list(error.value.block_errors) == [1]


def test_subheadings_below_a_section_heading_save():
    raw = [
        {"type": "heading", "value": {"text": "Abschnitt", "level": "h2"}},
        {"type": "heading", "value": {"text": "Unter", "level": "h3"}},
        {"type": "checklist", "value": {"title": "Prüfen", "items": ["eins"]}},
    ]
    assert len(clean(LessonStreamBlock(), raw)) == 3
