"""Scenario blocks: the learner chooses first, then sees the feedback for that choice.

Answers are stored here and recorded as an xAPI `answered` statement with a choice
interaction through xapi's one entry point, in the same transaction.
"""

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Page

from xapi.activities import ActivityRef, Interaction, language_tag, page_activity
from xapi.recording import Event, record
from xapi.vocabulary import ANSWERED, TYPE_LESSON, TYPE_QUESTION

from .models import ScenarioAnswer


class InvalidAnswer(Exception):
    """The page, block or option does not exist (or is not live): nothing is stored."""


@dataclass(frozen=True)
class Scenario:
    page: Page
    block_id: str
    value: dict  # the block's StructValue
    choices: tuple  # (choice id, choice value) pairs


def _scenario_blocks(page: Page):
    for field_name in ("body",):
        stream = getattr(page, field_name, None)
        if stream is None:
            continue
        for child in stream:
            if child.block_type == "scenario":
                yield child


def find_scenario(*, page_id: int, block_id: str) -> Scenario:
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        raise InvalidAnswer("page")
    page = page.specific
    for child in _scenario_blocks(page):
        if child.id == block_id:
            choices = tuple((item.id, item.value) for item in child.value["choices"].bound_blocks)
            return Scenario(page, block_id, child.value, choices)
    raise InvalidAnswer("block")


def root_activity(page: Page) -> ActivityRef:
    """The activity whose registration the statement belongs to: the page's module where the
    page declares one (`xapi_root_activity`, a hook so that content imports no course app),
    otherwise the page itself."""
    hook = getattr(page, "xapi_root_activity", None)
    if callable(hook):
        return hook()
    return page_activity(page, TYPE_LESSON)


def scenario_activity(scenario: Scenario, parent: ActivityRef) -> ActivityRef:
    tag = language_tag(scenario.page.locale.language_code)
    correct = tuple(choice_id for choice_id, value in scenario.choices if value["recommended"])
    return ActivityRef(
        iri=f"{parent.iri}/scenarios/{scenario.block_id}",
        type=TYPE_QUESTION,
        name={tag: scenario.value["question"]},
        description={tag: scenario.value["title"]},
        interaction=Interaction(
            "choice",
            correct,
            tuple((choice_id, {tag: value["text"]}) for choice_id, value in scenario.choices),
        ),
    )


def answer_scenario(*, user, page_id: int, block_id: str, option_id: str) -> ScenarioAnswer:
    """Store the learner's choice and its statement together, or raise InvalidAnswer."""
    scenario = find_scenario(page_id=page_id, block_id=block_id)
    chosen = dict(scenario.choices).get(option_id)
    if chosen is None:
        raise InvalidAnswer("option")
    page_ref = page_activity(scenario.page, TYPE_LESSON)
    root = root_activity(scenario.page)
    activity = scenario_activity(scenario, page_ref)
    result = {"response": option_id}
    if any(value["recommended"] for _id, value in scenario.choices):
        result["success"] = bool(chosen["recommended"])
    with transaction.atomic():
        answer = ScenarioAnswer.objects.create(
            user=user,
            page_key=scenario.page.translation_key,
            block_id=block_id,
            option_id=option_id,
        )
        record(
            user=user,
            root=root,
            language=scenario.page.locale.language_code,
            events=[Event(ANSWERED, activity, parent=page_ref, result=result)],
        )
    return answer


def latest_answer(*, user, page: Page, block_id: str) -> ScenarioAnswer | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        ScenarioAnswer.objects.filter(user=user, page_key=page.translation_key, block_id=block_id)
        .order_by("-answered_at", "-pk")
        .first()
    )
