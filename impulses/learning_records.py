"""Statements about impulses (xAPI 1.0.3): `experienced` for the impulse and `answered` for its
question, with a choice interaction definition (Data §2.4.4.1, "Interaction Activities") and
the learner's response (Data §2.4.5, Result)."""

from xapi.activities import ActivityRef, Interaction, language_tag, page_activity
from xapi.recording import Event, record
from xapi.vocabulary import ANSWERED, EXPERIENCED, TYPE_LESSON, TYPE_QUESTION

from .models import ImpulseAnswer, ImpulsePage


def impulse_activity(impulse: ImpulsePage) -> ActivityRef:
    """The impulse, one IRI for all its language versions."""
    return page_activity(impulse, TYPE_LESSON)


def question_activity(impulse: ImpulsePage, parent: ActivityRef) -> ActivityRef:
    """The impulse's question, its text and choices in every published language."""
    versions = {
        language_tag(version.locale.language_code): version.question_view()
        for version in impulse.get_translations(inclusive=True).select_related("locale").specific()
    }
    question = impulse.question_view()
    correct = tuple(option.id for option in question.options if option.correct)
    choices = tuple(
        (
            option.id,
            {tag: v.option(option.id).text for tag, v in versions.items() if v.option(option.id)},
        )
        for option in question.options
    )
    return ActivityRef(
        f"{parent.iri}/questions/{question.id}",
        TYPE_QUESTION,
        {tag: version.text for tag, version in versions.items()},
        interaction=Interaction("choice", correct, choices),
    )


def record_answer(*, answer: ImpulseAnswer, impulse: ImpulsePage) -> None:
    """Runs inside the caller's transaction (xapi.recording.record)."""
    activity = impulse_activity(impulse)
    events = [
        Event(EXPERIENCED, activity),
        Event(
            ANSWERED,
            question_activity(impulse, activity),
            parent=activity,
            result={"response": answer.option_id, "success": answer.correct, "completion": True},
        ),
    ]
    record(
        user=answer.user,
        root=activity,
        language=impulse.locale.language_code,
        events=events,
    )
