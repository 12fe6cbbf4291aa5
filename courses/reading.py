"""When a lesson counts as read: the learner reached its end and had it open long enough.

Rendering a lesson issues a signed token bound to the learner and the lesson that carries
the server's time of rendering. The control at the end of the lesson posts it back. The
server measures the time between the two itself (the client's clock is never asked), and
refuses a token that is missing, forged, expired, for another learner or lesson, issued
before the lesson's last qualified read (spent), or sent too early. See docs/security.md,
"Threat model: lesson reads".
"""

import math
import re
import time
from dataclasses import dataclass

from django.core import signing
from django.utils.html import strip_tags

from . import app_settings
from .models import LessonPage

TOKEN_SALT = "courses.lesson-read"
WORD = re.compile(r"\w+")


def clock() -> float:
    """The server's time in seconds (one function, so that tests can move it)."""
    return time.time()


def lesson_words(lesson: LessonPage) -> int:
    """Words a learner reads in the lesson: title, introduction and every block's text."""
    texts = [
        lesson.title,
        lesson.intro,
        *lesson.body.stream_block.get_searchable_content(lesson.body),
    ]
    return sum(len(WORD.findall(strip_tags(text))) for text in texts if text)


def minimum_seconds(lesson: LessonPage) -> int:
    return app_settings.minimum_reading_seconds(lesson_words(lesson))


class ReadingRefused(Exception):
    """A post that does not count as reading the lesson; nothing is recorded."""


class InvalidReadingToken(ReadingRefused):
    """Missing, forged, expired, or issued for another learner or lesson."""


class TooEarly(ReadingRefused):
    def __init__(self, *, remaining: int):
        super().__init__(remaining)
        self.remaining = remaining


class AlreadyCounted(ReadingRefused):
    """The token was spent by a read of this lesson after it was issued (replay, double
    submit, or an older tab)."""


@dataclass(frozen=True)
class Visit:
    """A checked token: when the server rendered the lesson for this learner."""

    started: float
    token: str

    def elapsed(self, now: float) -> float:
        return max(0.0, round(now - self.started, 3))


def issue_token(*, user, lesson: LessonPage) -> str:
    payload = {"user": user.pk, "lesson": str(lesson.translation_key), "started": clock()}
    return signing.dumps(payload, salt=TOKEN_SALT)


def read_token(signed: str, *, user, lesson: LessonPage) -> Visit:
    """The visit the token stands for (raises InvalidReadingToken)."""
    try:
        payload = signing.loads(
            signed, salt=TOKEN_SALT, max_age=app_settings.setting("SENSI_LESSON_TOKEN_MAX_AGE")
        )
        if payload["user"] != user.pk or payload["lesson"] != str(lesson.translation_key):
            raise InvalidReadingToken
        return Visit(started=float(payload["started"]), token=signed)
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise InvalidReadingToken from error


def check_time(*, visit: Visit, lesson: LessonPage, now: float) -> int:
    """The whole seconds the lesson was open (raises TooEarly with the seconds left)."""
    elapsed = visit.elapsed(now)
    remaining = minimum_seconds(lesson) - elapsed
    if remaining > 0:
        raise TooEarly(remaining=math.ceil(remaining))
    return int(elapsed)


def remaining_seconds(*, visit: Visit, lesson: LessonPage) -> int:
    """Seconds until the lesson may count as read, for the page's hint."""
    return max(0, math.ceil(minimum_seconds(lesson) - visit.elapsed(clock())))
