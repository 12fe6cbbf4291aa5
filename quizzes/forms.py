"""Translate a quiz form post into a token and answers. The form is plain HTML rendered by
the quiz template; these functions are its only reader."""

import uuid

from django.core import signing
from django.http import QueryDict

TOKEN_SALT = "sensi.quizzes.attempt"
# A form left open over a working day and the night still submits: more than the 20 hours
# of the exception in WCAG 2.2.1 (Timing Adjustable).
TOKEN_MAX_AGE = 60 * 60 * 24
ANSWER_PREFIX = "q-"


class InvalidToken(ValueError):
    """The form's token is missing, forged, expired, or for another user or quiz."""


def issue_token(*, user, quiz, nonce: uuid.UUID) -> str:
    """Sign the token of the learner's draw (`QuizDraw.token`) for the form."""
    payload = {"user": user.pk, "quiz": str(quiz.translation_key), "nonce": nonce.hex}
    return signing.dumps(payload, salt=TOKEN_SALT)


def read_token(signed: str, *, user, quiz) -> uuid.UUID:
    """The draw's token: it names the drawn questions, seeds the option order and makes a
    second submit harmless."""
    try:
        payload = signing.loads(signed, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
        if payload["user"] != user.pk or payload["quiz"] != str(quiz.translation_key):
            raise InvalidToken
        return uuid.UUID(hex=payload["nonce"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise InvalidToken from error


def answers_from_post(post: QueryDict) -> dict[str, list[str]]:
    return {
        key.removeprefix(ANSWER_PREFIX): post.getlist(key)
        for key in post
        if key.startswith(ANSWER_PREFIX)
    }
