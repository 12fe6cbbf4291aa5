"""Writes of the impulses app: answering an impulse, opting in and out of the e-mail digest."""

from django.db import IntegrityError, transaction

from .learning_records import record_answer
from .models import DigestSubscription, ImpulseAnswer, ImpulsePage
from .selectors import available_to


class InvalidAnswer(Exception):
    """The impulse is not the learner's, or the option is not one of its question's: nothing
    is stored."""


def answer_impulse(*, user, impulse: ImpulsePage, option_id: str) -> tuple[ImpulseAnswer, bool]:
    """Score the answer on the server and store it with its statements, or raise
    InvalidAnswer. A second answer to the same impulse (a double submit, another tab) changes
    nothing: returns the first one and False."""
    if not available_to(impulse, user):
        raise InvalidAnswer("impulse")
    option = impulse.question_view().option(option_id)
    if option is None:
        raise InvalidAnswer("option")
    existing = ImpulseAnswer.objects.filter(user=user, impulse_key=impulse.translation_key).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            answer = ImpulseAnswer.objects.create(
                user=user,
                impulse_key=impulse.translation_key,
                option_id=option.id,
                correct=option.correct,
            )
            record_answer(answer=answer, impulse=impulse)
    except IntegrityError:
        # A concurrent submit won the race; its answer and statements stand.
        return ImpulseAnswer.objects.get(user=user, impulse_key=impulse.translation_key), False
    return answer, True


def subscribe_digest(*, user) -> DigestSubscription:
    return DigestSubscription.objects.get_or_create(user=user)[0]


def unsubscribe_digest(*, user) -> None:
    DigestSubscription.objects.filter(user=user).delete()
