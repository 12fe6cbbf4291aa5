"""The one entry point through which Sensi's apps record learning events as statements.

Callers pass what happened in domain terms (who, which verb, which activity, in which
module); this module builds the statement with `tincan` and stores it in Sensi's own LRS
inside the caller's transaction, so that the event and its statement exist together or not
at all.
"""

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from tincan import (
    Activity,
    ActivityDefinition,
    Agent,
    Context,
    ContextActivities,
    InteractionComponent,
    InteractionComponentList,
    LanguageMap,
    Result,
    Score,
    Statement,
    Verb,
)

from . import app_settings
from .activities import ActivityRef, language_tag
from .models import Registration
from .store import store_statements
from .vocabulary import Verb as SensiVerb

PLATFORM = "Sensi"


def sensi_authority() -> dict:
    """The authority of statements Sensi records itself (Data §2.4.9)."""
    return {
        "objectType": "Agent",
        "name": PLATFORM,
        "account": {"homePage": settings.SENSI_BASE_URL, "name": "sensi"},
    }


def actor_for(user) -> dict:
    """The learner as an xAPI agent: the pseudonym by default, never name or e-mail unless an
    operator chooses `email` for a Moodle that matches learners by e-mail."""
    if app_settings.SENSI_XAPI_ACTOR == "email":
        return {"objectType": "Agent", "mbox": f"mailto:{user.email}"}
    return {
        "objectType": "Agent",
        "account": {"homePage": settings.SENSI_BASE_URL, "name": str(user.pseudonym)},
    }


def registration_for(*, user, root: ActivityRef) -> Registration:
    registration, _created = Registration.objects.get_or_create(user=user, activity_iri=root.iri)
    return registration


def _components(items) -> InteractionComponentList:
    return InteractionComponentList(
        InteractionComponent(id=item_id, description=LanguageMap(text)) for item_id, text in items
    )


def _activity(ref: ActivityRef) -> Activity:
    definition = ActivityDefinition(type=ref.type, name=LanguageMap(ref.name))
    if ref.description:
        definition.description = LanguageMap(ref.description)
    if ref.interaction:
        definition.interaction_type = ref.interaction.type
        definition.correct_responses_pattern = list(ref.interaction.correct_responses)
        for component in ("choices", "source", "target"):
            items = getattr(ref.interaction, component)
            if items:
                setattr(definition, component, _components(items))
    return Activity(id=ref.iri, definition=definition)


def _result(result: dict | None) -> Result | None:
    if result is None:
        return None
    outcome = Result(**{k: v for k, v in result.items() if k != "score"})
    if "score" in result:
        raw, maximum = result["score"]
        outcome.score = Score(
            raw=raw, min=0, max=maximum, scaled=round(raw / maximum, 4) if maximum else 0
        )
    return outcome


@dataclass(frozen=True)
class Event:
    """One thing a learner did. `result` may hold success, completion, response and `score`
    as (raw, max)."""

    verb: SensiVerb
    activity: ActivityRef
    parent: ActivityRef | None = None
    result: dict | None = None
    extensions: dict | None = None


def build(
    *, actor: dict, registration: uuid.UUID, root: ActivityRef, language: str, event: Event
) -> Statement:
    """The statement for one event, built with tincan."""
    context_activities = ContextActivities()
    if event.parent is not None:
        context_activities.parent = [_activity(event.parent)]
    if root.iri not in {event.activity.iri, event.parent.iri if event.parent else None}:
        context_activities.grouping = [_activity(root)]
    context = Context(
        registration=registration,
        context_activities=context_activities,
        language=language_tag(language),
        platform=PLATFORM,
    )
    if event.extensions:
        context.extensions = event.extensions
    statement = Statement(
        id=uuid.uuid4(),
        actor=Agent.from_json(json.dumps(actor)),
        verb=Verb(id=event.verb.iri, display=LanguageMap(event.verb.display())),
        object=_activity(event.activity),
        context=context,
        timestamp=timezone.now(),
    )
    if event.result is not None:
        statement.result = _result(event.result)
    return statement


def record(*, user, root: ActivityRef, language: str, events: Sequence[Event]) -> list[str]:
    """Record learning events of `user` in one module; returns the statement ids.

    `root` is the module the events belong to: it selects the learner's registration (and a
    launch actor, if the module was launched from an LMS). Runs inside the caller's
    transaction: the caller's own rows and these statements are stored together or not at all.
    """
    registration = registration_for(user=user, root=root)
    actor = registration.launch_actor or actor_for(user)
    statements = [
        json.loads(
            build(
                actor=actor,
                registration=registration.registration,
                root=root,
                language=language,
                event=event,
            ).to_json()
        )
        for event in events
    ]
    return store_statements(statements, authority=sensi_authority(), path="statements")
