"""Exercise blocks: spot the signs, sort it, put in order.

The learner's form is read and evaluated here, on the server (the page's HTML carries no
right answer). An answer is stored as the response the server read and recorded as an xAPI
`answered` statement with the interaction type the specification provides for it (xAPI 1.0.3
Data §2.4.4.1: "choice", "matching", "sequencing"), through xapi's one entry point in the same
transaction, as scenario blocks do (content.scenarios). The feedback is computed from the
stored response and the block whenever the page is shown.
"""

import hashlib
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page

from xapi.activities import ActivityRef, Interaction, language_tag, page_activity
from xapi.recording import Event, record
from xapi.vocabulary import ANSWERED, TYPE_LESSON, TYPE_QUESTION

from .blocks import EXERCISE_BLOCK_TYPES
from .models import ExerciseAnswer
from .scenarios import InvalidAnswer, root_activity

# xAPI 1.0.3 Data §2.4.4.1.1: the delimiters of a response pattern.
ITEM_SEPARATOR = "[,]"
PAIR_SEPARATOR = "[.]"

# The session key under which an incomplete form leaves its message for its block, once.
EXERCISE_ERROR_KEY = "sensi_exercise_error"


class IncompleteAnswer(Exception):
    """The form is not filled in completely (a step without its own position, an item without
    a category): the learner can fix it; nothing is stored."""


@dataclass(frozen=True)
class Exercise:
    page: Page
    block_id: str
    block_type: str
    value: dict  # the block's StructValue


@dataclass(frozen=True)
class Row:
    """One line of feedback: a part, item or step; `right` tells whether the learner got it
    right, `status` says how (for the words the template shows)."""

    id: str
    text: str
    explanation: str
    right: bool
    status: str
    answer: str = ""  # what the learner chose (a category, a position)
    expected: str = ""  # what would have been right


@dataclass(frozen=True)
class Feedback:
    success: bool
    rows: tuple[Row, ...]

    @property
    def right_count(self) -> int:
        return sum(1 for row in self.rows if row.right)


# Spot the signs: a "choice" interaction (multiple answers) over the markable parts.


@dataclass(frozen=True)
class Part:
    id: str
    kind: str  # sender, subject, body, link, attachment
    text: str
    suspicious: bool
    explanation: str

    @property
    def label(self) -> str:
        names = {
            "sender": _("Sender"),
            "subject": _("Subject"),
            "body": _("Text"),
            "link": _("Link"),
            "attachment": _("Attachment"),
        }
        return f"{names[self.kind]}: {self.text}"


def message_parts(value) -> list[Part]:
    """The markable parts of a spot-the-signs e-mail, in reading order. Header parts have
    fixed ids; body segments keep the ids of their list items."""
    sender = value["sender"]
    parts = [
        Part(
            "sender",
            "sender",
            f"{sender['name']} <{sender['address']}>",
            sender["suspicious"],
            sender["explanation"],
        ),
        Part(
            "subject",
            "subject",
            value["subject"]["text"],
            value["subject"]["suspicious"],
            value["subject"]["explanation"],
        ),
    ]
    for segment in value["body"].bound_blocks:
        segment_value = segment.value
        parts.append(
            Part(
                segment.id,
                "body",
                segment_value["text"],
                segment_value["suspicious"],
                segment_value["explanation"],
            )
        )
    link = value["link"]
    if link["text"]:
        parts.append(
            Part(
                "link",
                "link",
                f"{link['text']} → {link['target']}",
                link["suspicious"],
                link["explanation"],
            )
        )
    attachment = value["attachment"]
    if attachment["name"]:
        parts.append(
            Part(
                "attachment",
                "attachment",
                attachment["name"],
                attachment["suspicious"],
                attachment["explanation"],
            )
        )
    return parts


def _parse_signs(value, data) -> list[str]:
    parts = message_parts(value)
    known = {part.id for part in parts}
    marked = set(data.getlist("part"))
    if marked - known:
        raise InvalidAnswer("part")
    return [part.id for part in parts if part.id in marked]


def _evaluate_signs(value, response) -> Feedback:
    marked = set(response)
    rows = []
    for part in message_parts(value):
        chosen = part.id in marked
        if part.suspicious:
            status = "found" if chosen else "missed"
        else:
            status = "false_alarm" if chosen else "unmarked"
        rows.append(Row(part.id, part.label, part.explanation, part.suspicious == chosen, status))
    return Feedback(all(row.right for row in rows), tuple(rows))


def _signs_interaction(value, tag) -> Interaction:
    parts = message_parts(value)
    correct = ITEM_SEPARATOR.join(part.id for part in parts if part.suspicious)
    return Interaction("choice", (correct,), tuple((part.id, {tag: part.label}) for part in parts))


def _signs_response(value, response) -> str:
    return ITEM_SEPARATOR.join(response)


# Sort it: a "matching" interaction, items (source) to categories (target).


def categories(value) -> list[tuple[str, str]]:
    """The block's categories as (id, name): "1", "2" and, if named, "3"."""
    names = [value["category_1"], value["category_2"], value["category_3"]]
    return [(str(number), name) for number, name in enumerate(names, start=1) if name]


def _sort_items(value):
    return [(item.id, item.value) for item in value["items"].bound_blocks]


def _parse_sort(value, data) -> dict[str, str]:
    items = dict(_sort_items(value))
    known = dict(categories(value))
    for key in data:
        if key.startswith("item-") and key.removeprefix("item-") not in items:
            raise InvalidAnswer("item")
    response = {}
    for item_id in items:
        chosen = data.get(f"item-{item_id}", "")
        if not chosen:
            raise IncompleteAnswer(_("Choose a category for every item."))
        if chosen not in known:
            raise InvalidAnswer("category")
        response[item_id] = chosen
    return response


def _evaluate_sort(value, response) -> Feedback:
    names = dict(categories(value))
    rows = []
    for item_id, item in _sort_items(value):
        chosen = response.get(item_id, "")
        right = chosen == item["category"]
        rows.append(
            Row(
                item_id,
                item["text"],
                item["explanation"],
                right,
                "right" if right else "wrong",
                answer=names.get(chosen, ""),
                expected=names.get(item["category"], ""),
            )
        )
    return Feedback(all(row.right for row in rows), tuple(rows))


def _sort_interaction(value, tag) -> Interaction:
    items = _sort_items(value)
    correct = ITEM_SEPARATOR.join(
        f"{item_id}{PAIR_SEPARATOR}{item['category']}" for item_id, item in items
    )
    return Interaction(
        "matching",
        (correct,),
        source=tuple((item_id, {tag: item["text"]}) for item_id, item in items),
        target=tuple((category_id, {tag: name}) for category_id, name in categories(value)),
    )


def _sort_response(value, response) -> str:
    return ITEM_SEPARATOR.join(
        f"{item_id}{PAIR_SEPARATOR}{response[item_id]}"
        for item_id, _item in _sort_items(value)
        if item_id in response
    )


# Put in order: a "sequencing" interaction over the steps.


def _steps(value):
    return [(step.id, step.value) for step in value["steps"].bound_blocks]


def shuffled_steps(block_id: str, value) -> list[tuple[str, dict]]:
    """The steps in the order the form shows them: mixed by a hash of their ids (the same on
    every visit, so that a learner who comes back finds the form as before), never in the
    right order."""
    steps = _steps(value)
    mixed = sorted(steps, key=lambda step: hashlib.sha256(f"{block_id}{step[0]}".encode()).digest())
    if [step_id for step_id, _v in mixed] == [step_id for step_id, _v in steps]:
        mixed = mixed[1:] + mixed[:1]
    return mixed


def _parse_order(value, data) -> list[str]:
    steps = dict(_steps(value))
    for key in data:
        if key.startswith("position-") and key.removeprefix("position-") not in steps:
            raise InvalidAnswer("step")
    positions = {}
    for step_id in steps:
        raw = data.get(f"position-{step_id}", "")
        if not raw:
            raise IncompleteAnswer(_("Give every step a position."))
        if not raw.isdigit() or not 1 <= int(raw) <= len(steps):
            raise InvalidAnswer("position")
        positions[step_id] = int(raw)
    if len(set(positions.values())) != len(steps):
        raise IncompleteAnswer(_("Give each step its own position: two steps share one."))
    return sorted(positions, key=positions.get)


def _evaluate_order(value, response) -> Feedback:
    steps = _steps(value)
    right_position = {step_id: index for index, (step_id, _v) in enumerate(steps, start=1)}
    texts = dict(steps)
    rows = []
    for index, step_id in enumerate(response, start=1):
        step = texts.get(step_id)
        if step is None:
            continue
        right = right_position[step_id] == index
        rows.append(
            Row(
                step_id,
                step["text"],
                step["explanation"],
                right,
                "right" if right else "wrong",
                answer=str(index),
                expected=str(right_position[step_id]),
            )
        )
    success = list(response) == [step_id for step_id, _v in steps]
    return Feedback(success, tuple(rows))


def _order_interaction(value, tag) -> Interaction:
    steps = _steps(value)
    correct = ITEM_SEPARATOR.join(step_id for step_id, _v in steps)
    return Interaction(
        "sequencing", (correct,), tuple((step_id, {tag: step["text"]}) for step_id, step in steps)
    )


def _order_response(value, response) -> str:
    return ITEM_SEPARATOR.join(response)


@dataclass(frozen=True)
class Kind:
    parse: object
    evaluate: object
    interaction: object
    xapi_response: object


KINDS = {
    "spot_the_signs": Kind(_parse_signs, _evaluate_signs, _signs_interaction, _signs_response),
    "sort_it": Kind(_parse_sort, _evaluate_sort, _sort_interaction, _sort_response),
    "put_in_order": Kind(_parse_order, _evaluate_order, _order_interaction, _order_response),
}
assert set(KINDS) == EXERCISE_BLOCK_TYPES


def find_exercise(*, page_id: int, block_id: str) -> Exercise:
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        raise InvalidAnswer("page")
    page = page.specific
    for child in getattr(page, "body", None) or ():
        if child.block_type in KINDS and child.id == block_id:
            return Exercise(page, block_id, child.block_type, child.value)
    raise InvalidAnswer("block")


def exercise_activity(exercise: Exercise, parent: ActivityRef) -> ActivityRef:
    tag = language_tag(exercise.page.locale.language_code)
    value = exercise.value
    instructions = value.get("instructions") or value["title"]
    return ActivityRef(
        iri=f"{parent.iri}/exercises/{exercise.block_id}",
        type=TYPE_QUESTION,
        name={tag: value["title"]},
        description={tag: instructions},
        interaction=KINDS[exercise.block_type].interaction(value, tag),
    )


def answer_exercise(*, user, page_id: int, block_id: str, data) -> ExerciseAnswer:
    """Evaluate the learner's form (`data`, a QueryDict) and store the answer and its
    statement together; raise InvalidAnswer (tampered) or IncompleteAnswer, storing nothing."""
    exercise = find_exercise(page_id=page_id, block_id=block_id)
    kind = KINDS[exercise.block_type]
    response = kind.parse(exercise.value, data)
    feedback = kind.evaluate(exercise.value, response)
    page_ref = page_activity(exercise.page, TYPE_LESSON)
    result = {
        "response": kind.xapi_response(exercise.value, response),
        "success": feedback.success,
        "score": (feedback.right_count, len(feedback.rows)),
    }
    with transaction.atomic():
        answer = ExerciseAnswer.objects.create(
            user=user,
            page_key=exercise.page.translation_key,
            block_id=block_id,
            response=response,
            success=feedback.success,
        )
        record(
            user=user,
            root=root_activity(exercise.page),
            language=exercise.page.locale.language_code,
            events=[
                Event(
                    ANSWERED,
                    exercise_activity(exercise, page_ref),
                    parent=page_ref,
                    result=result,
                )
            ],
        )
    return answer


def latest_answer(*, user, page: Page, block_id: str) -> ExerciseAnswer | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        ExerciseAnswer.objects.filter(user=user, page_key=page.translation_key, block_id=block_id)
        .order_by("-answered_at", "-pk")
        .first()
    )


def evaluate(*, block_type: str, value, response) -> Feedback:
    """The feedback on a stored response, against the block as it is now."""
    return KINDS[block_type].evaluate(value, response)


def previous_choices(*, block_type: str, response) -> list[str]:
    """What the form pre-selects from the learner's newest answer: part ids, or
    "item:category" and "step:position" for the template to look up."""
    if block_type == "sort_it":
        return [f"{item_id}:{category}" for item_id, category in response.items()]
    if block_type == "put_in_order":
        return [f"{step_id}:{index}" for index, step_id in enumerate(response, start=1)]
    return list(response)
