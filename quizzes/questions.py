"""Plain views of a quiz's questions, read from its StreamField, for display and scoring."""

import random
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

SINGLE_CHOICE = "single_choice"
MULTIPLE_CHOICE = "multiple_choice"
TRUE_FALSE = "true_false"


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

    @property
    def allows_several(self) -> bool:
        return self.kind == MULTIPLE_CHOICE

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
        return Question(self.id, self.kind, self.text, self.explanation, tuple(options))


def questions_from_stream(stream) -> list[Question]:
    """Turn a QuestionStreamBlock value into Questions with their stable ids."""
    questions = []
    for child in stream:
        value = child.value
        if child.block_type == TRUE_FALSE:
            options = (
                Option("true", str(_("True")), bool(value["correct"]), value["feedback_true"]),
                Option("false", str(_("False")), not value["correct"], value["feedback_false"]),
            )
        else:
            options = tuple(
                Option(
                    str(item.id), item.value["text"], item.value["correct"], item.value["feedback"]
                )
                for item in value["options"].bound_blocks
            )
        questions.append(
            Question(
                str(child.id), child.block_type, value["question"], value["explanation"], options
            )
        )
    return questions
