"""Plain views of a quiz's questions, read from its StreamField, for display and scoring."""

import random
from dataclasses import dataclass, field, replace

from django.utils.translation import gettext_lazy as _

SINGLE_CHOICE = "single_choice"
MULTIPLE_CHOICE = "multiple_choice"
TRUE_FALSE = "true_false"
VARIANTS = "variants"


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    text: str
    explanation: str
    options: tuple[Option, ...] = field(default_factory=tuple)
    # The id of the question slot: the question's own id, or that of its `variants` block.
    slot: str = ""

    @property
    def allows_several(self) -> bool:
        return self.kind == MULTIPLE_CHOICE

    @property
    def is_true_false(self) -> bool:
        return self.kind == TRUE_FALSE

    @property
    def statement_is_true(self) -> bool:
        """For a true/false question: whether the statement itself is true."""
        return "true" in self.correct_ids

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(option.id for option in self.options if option.correct)

    def option(self, option_id: str) -> Option | None:
        return next((option for option in self.options if option.id == option_id), None)

    def shuffled(self, seed: str) -> "Question":
        """The same question with its options in an order fixed by `seed` (one per attempt).

        True/false keeps its natural order: "true" before "false".
        """
        if self.kind == TRUE_FALSE:
            return self
        options = list(self.options)
        random.Random(f"{seed}:{self.id}").shuffle(options)
        return replace(self, options=tuple(options))


def _question(child, slot: str) -> Question:
    value = child.value
    if child.block_type == TRUE_FALSE:
        options = (
            Option("true", str(_("True")), bool(value["correct"]), value["feedback_true"]),
            Option("false", str(_("False")), not value["correct"], value["feedback_false"]),
        )
    else:
        options = tuple(
            Option(str(item.id), item.value["text"], item.value["correct"], item.value["feedback"])
            for item in value["options"].bound_blocks
        )
    return Question(
        str(child.id), child.block_type, value["question"], value["explanation"], options, slot
    )


def questions_from_stream(stream) -> list[Question]:
    """Every question of a QuestionStreamBlock value, variants included, with their stable
    ids. Questions of one `variants` block share its id as their `slot`."""
    questions = []
    for child in stream:
        if child.block_type == VARIANTS:
            questions.extend(_question(variant, str(child.id)) for variant in child.value)
        else:
            questions.append(_question(child, str(child.id)))
    return questions


def slots_of(questions: list[Question]) -> dict[str, list[Question]]:
    """The questions grouped by slot, in the quiz's order."""
    slots: dict[str, list[Question]] = {}
    for question in questions:
        slots.setdefault(question.slot or question.id, []).append(question)
    return slots
