"""Which questions an attempt asks. Pure functions: no database, no request.

A quiz is a list of slots: a plain question, or a `variants` block of interchangeable
questions. An attempt asks `count` slots (all when `count` is empty) and one variant of each.
Both choices prefer what the learner has not seen yet, and above all questions whose
solutions were shown to them: solutions revealed after the last attempt of one period are
then of little use in the next.
"""

import random
from collections import Counter
from collections.abc import Collection, Sequence

from .questions import Question, slots_of


def draw(
    questions: Sequence[Question],
    *,
    count: int | None,
    seen: Counter,
    revealed: Collection[str],
    rng: random.Random,
) -> list[Question]:
    """One question per drawn slot, in the quiz's order."""

    def staleness(question: Question) -> tuple[bool, int]:
        return (question.id in revealed, seen[question.id])

    chosen = {}
    for slot, variants in slots_of(list(questions)).items():
        candidates = list(variants)
        rng.shuffle(candidates)  # min() keeps the first of equals: a random tie-break
        chosen[slot] = min(candidates, key=staleness)
    slots = list(chosen)
    if count and count < len(slots):
        order = list(slots)
        rng.shuffle(order)
        order.sort(key=lambda slot: staleness(chosen[slot]))  # stable: random among equals
        picked = set(order[:count])
        slots = [slot for slot in slots if slot in picked]
    return [chosen[slot] for slot in slots]
