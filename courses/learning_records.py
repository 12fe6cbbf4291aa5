"""Statements about modules and lessons, recorded through xapi's one entry point."""

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


def record_lesson_experienced(*, user, lesson: LessonPage, module: ModulePage) -> None:
    parent = module_activity(module)
    lesson_activity = page_activity(lesson, TYPE_LESSON, description_field="intro")
    record(
        user=user,
        root=parent,
        language=lesson.locale.language_code,
        events=[Event(EXPERIENCED, lesson_activity, parent=parent)],
    )


def record_module_completed(*, user, module: ModulePage) -> None:
    activity = module_activity(module)
    record(
        user=user,
        root=activity,
        language=module.locale.language_code,
        events=[Event(COMPLETED, activity, result={"completion": True})],
    )
