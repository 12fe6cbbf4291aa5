"""Defaults of the courses app's settings, each overridable in Django settings (as allauth's
`app_settings` are). Read them through `app_settings.NAME`, never at import time, so that
`override_settings` in tests takes effect.

A lesson counts as read once the learner reached its end and had it open for at least
`minimum_reading_seconds(words)` (docs/security.md, "Threat model: lesson reads"):

    words / SENSI_LESSON_WORDS_PER_MINUTE * 60 * SENSI_LESSON_READING_FACTOR,
    but at least SENSI_LESSON_MIN_SECONDS and at most SENSI_LESSON_MAX_SECONDS.
"""

from django.conf import settings

DEFAULTS = {
    # Average silent reading speed of German prose by adults (words per minute).
    "SENSI_LESSON_WORDS_PER_MINUTE": 200,
    # The share of the average reading time that must pass: a quick reader, or one who knows
    # the topic, is not held back; opening and leaving at once does not count.
    "SENSI_LESSON_READING_FACTOR": 0.5,
    # Floor and cap of the minimum time in seconds (the cap keeps long lessons fair).
    "SENSI_LESSON_MIN_SECONDS": 20,
    "SENSI_LESSON_MAX_SECONDS": 180,
    # How long a rendered lesson page may be submitted (seconds); after that the learner
    # gets a fresh page and the time starts again.
    "SENSI_LESSON_TOKEN_MAX_AGE": 12 * 60 * 60,
    # Content review (courses.review_reminders): the group reminded by e-mail, and how many
    # days before a module's "review by" date the reminder goes and the dashboard lists it.
    # Not from the environment: editorial rules.
    "SENSI_REVIEW_GROUP": "Redaktion",
    "SENSI_REVIEW_REMINDER_DAYS": 14,
}


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])


def __getattr__(name: str):
    if name not in DEFAULTS:
        raise AttributeError(name)
    return setting(name)


def minimum_reading_seconds(words: int) -> int:
    """The time a lesson of `words` words must be open before it counts as read."""
    words_per_minute = setting("SENSI_LESSON_WORDS_PER_MINUTE")
    factor = setting("SENSI_LESSON_READING_FACTOR")
    seconds = round(words / words_per_minute * 60 * factor)
    floor = setting("SENSI_LESSON_MIN_SECONDS")
    cap = setting("SENSI_LESSON_MAX_SECONDS")
    return max(floor, min(cap, seconds))
