"""Statements about quiz attempts: one per answered question, then passed or failed."""

from xapi.activities import ActivityRef, Interaction, language_tag, page_activity
from xapi.recording import Event, record
from xapi.vocabulary import (
    ANSWERED,
    FAILED,
    PASSED,
    TYPE_ASSESSMENT,
    TYPE_MODULE,
    TYPE_QUESTION,
)

from .models import QuizAttempt, QuizPage
from .questions import TRUE_FALSE, Question

RESPONSE_SEPARATOR = "[,]"  # xAPI 1.0.3 Data §2.4.4.1, response patterns for choices


def _question_texts(quiz: QuizPage) -> dict[str, dict[str, Question]]:
    """Each question in every published language version of the quiz, by question id."""
    texts: dict[str, dict[str, Question]] = {}
    for version in quiz.get_translations(inclusive=True).select_related("locale").specific():
        tag = language_tag(version.locale.language_code)
        for question in version.question_list():
            texts.setdefault(question.id, {})[tag] = question
    return texts


def question_activity(quiz_activity: ActivityRef, versions: dict[str, Question]) -> ActivityRef:
    question = next(iter(versions.values()))
    name = {tag: version.text for tag, version in versions.items()}
    if question.kind == TRUE_FALSE:
        interaction = Interaction(
            "true-false", ("true" if "true" in question.correct_ids else "false",)
        )
    else:
        interaction = Interaction(
            "choice",
            (RESPONSE_SEPARATOR.join(sorted(question.correct_ids)),),
            tuple(
                (
                    option.id,
                    {
                        tag: v.option(option.id).text
                        for tag, v in versions.items()
                        if v.option(option.id)
                    },
                )
                for option in question.options
            ),
        )
    return ActivityRef(
        f"{quiz_activity.iri}/questions/{question.id}", TYPE_QUESTION, name, interaction=interaction
    )


def record_attempt(*, attempt: QuizAttempt, quiz: QuizPage) -> None:
    module = page_activity(quiz.get_parent(), TYPE_MODULE)
    quiz_activity = page_activity(quiz, TYPE_ASSESSMENT, description_field="intro")
    texts = _question_texts(quiz)
    events = [
        Event(
            ANSWERED,
            question_activity(quiz_activity, texts[result["question"]]),
            parent=quiz_activity,
            result={
                "response": RESPONSE_SEPARATOR.join(sorted(result["selected"])),
                "success": result["correct"],
            },
        )
        for result in attempt.results
        if result["question"] in texts
    ]
    events.append(
        Event(
            PASSED if attempt.passed else FAILED,
            quiz_activity,
            parent=module,
            result={
                "score": (attempt.points, attempt.max_points),
                "success": attempt.passed,
                "completion": True,
            },
        )
    )
    record(user=attempt.user, root=module, language=attempt.language, events=events)
