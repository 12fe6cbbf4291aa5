"""Statements about modules and lessons, recorded through xapi's one entry point."""

from datetime import timedelta

from xapi.activities import ActivityRef, page_activity
from xapi.recording import Event, record
from xapi.vocabulary import ATTEMPTED, COMPLETED, EXPERIENCED, TYPE_LESSON, TYPE_MODULE

from .models import LessonPage, ModulePage


def module_activity(module: ModulePage) -> ActivityRef:
    return page_activity(module, TYPE_MODULE, description_field="summary")


def record_module_attempted(*, user, module: ModulePage) -> None:
    activity = module_activity(module)
    record(
        user=user,
        root=activity,
        language=module.locale.language_code,
        events=[Event(ATTEMPTED, activity)],
    )


def record_lesson_experienced(
    *, user, lesson: LessonPage, module: ModulePage, duration: timedelta
) -> None:
    """A qualified read; `duration` is the time the server measured (result.duration, an
    ISO 8601 duration, xAPI 1.0.3 Data §2.4.5)."""
    parent = module_activity(module)
    lesson_activity = page_activity(lesson, TYPE_LESSON, description_field="intro")
    record(
        user=user,
        root=parent,
        language=lesson.locale.language_code,
        events=[Event(EXPERIENCED, lesson_activity, parent=parent, result={"duration": duration})],
    )


def record_module_completed(*, user, module: ModulePage) -> None:
    activity = module_activity(module)
    record(
        user=user,
        root=activity,
        language=module.locale.language_code,
        events=[Event(COMPLETED, activity, result={"completion": True})],
    )
