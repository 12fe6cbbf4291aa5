from datetime import UTC, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Page, Revision

from quizzes.models import QuizPage
from xapi import launches

from . import cmi5, learning_records, reading
from .models import LessonPage, LessonRead, ModulePage, ModuleProgress


@transaction.atomic
def start_module(*, user, module: ModulePage) -> ModuleProgress:
    progress, created = ModuleProgress.objects.get_or_create(
        user=user, module_key=module.translation_key
    )
    if created:
        learning_records.record_module_attempted(user=user, module=module)
    return progress


def record_lesson_visit(*, user, lesson: LessonPage) -> None:
    """The learner opened a lesson: remember it for resuming. Opening does not make it read.
    A started module costs one UPDATE; the first visit starts it (with its statement)."""
    module = lesson.get_parent().specific
    lesson._cached_parent_obj = module  # the lesson's position asks again
    visited = ModuleProgress.objects.filter(user=user, module_key=module.translation_key).update(
        last_page_key=lesson.translation_key, updated_at=timezone.now()
    )
    if visited:
        return
    with transaction.atomic():
        progress = start_module(user=user, module=module)
        progress.last_page_key = lesson.translation_key
        progress.save(update_fields=["last_page_key", "updated_at"])


@transaction.atomic
def record_lesson_read(*, user, lesson: LessonPage, token: str) -> LessonRead:
    """The learner reached the end of a lesson: mark it read if the visit earned it.

    Raises `reading.ReadingRefused` (nothing recorded) for a token that is invalid, spent or
    sent before the minimum time. A later qualified read of a read lesson moves `read_at` and
    records another `experienced` statement, with the time measured by the server.
    """
    visit = reading.read_token(token, user=user, lesson=lesson)
    now = reading.clock()
    seconds = reading.check_time(visit=visit, lesson=lesson, now=now)
    module = lesson.get_parent().specific
    progress = start_module(user=user, module=module)
    read_at = datetime.fromtimestamp(now, tz=UTC)
    read = (
        LessonRead.objects.select_for_update()
        .filter(user=user, lesson_key=lesson.translation_key)
        .first()
    )
    if read is None:
        try:
            with transaction.atomic():
                read = LessonRead.objects.create(
                    user=user,
                    lesson_key=lesson.translation_key,
                    module_key=module.translation_key,
                    engaged_seconds=seconds,
                )
        except IntegrityError as error:
            # A concurrent post of the same page won the insert.
            raise reading.AlreadyCounted from error
    elif read.engaged_seconds is not None and read.read_at.timestamp() >= visit.started:
        raise reading.AlreadyCounted
    read.read_at = read_at
    read.engaged_seconds = seconds
    read.save(update_fields=["read_at", "engaged_seconds"])
    learning_records.record_lesson_experienced(
        user=user, lesson=lesson, module=module, duration=timedelta(seconds=seconds)
    )
    progress.last_page_key = lesson.translation_key
    progress.save(update_fields=["last_page_key", "updated_at"])
    refresh_completion(user=user, module=module, progress=progress)
    return read


@transaction.atomic
def record_quiz_attempt(*, user, quiz: QuizPage) -> ModuleProgress:
    """A quiz attempt was stored: remember the quiz for resuming, complete if passed."""
    module = quiz.get_parent().specific
    progress = start_module(user=user, module=module)
    progress.last_page_key = quiz.translation_key
    progress.save(update_fields=["last_page_key", "updated_at"])
    return refresh_completion(user=user, module=module, progress=progress)


def refresh_completion(*, user, module: ModulePage, progress: ModuleProgress) -> ModuleProgress:
    """Complete the module once every lesson is read and its quiz (if any) is passed.

    Completion is kept: later edits to the module do not take it away (renewed
    acknowledgements are the compliance module's business). Every call (a lesson read, a quiz
    attempt) also tells an open cmi5 session of the module, after the commit.
    """
    cmi5.report_later(user=user, module=module)
    if progress.completed_at:
        return progress
    from .selectors import module_requirements_met

    if module_requirements_met(user=user, module=module):
        progress.completed_at = timezone.now()
        progress.save(update_fields=["completed_at", "updated_at"])
        learning_records.record_module_completed(user=user, module=module)
    return progress


@transaction.atomic
def accept_lms_launch(*, user, module: ModulePage, ticket: launches.LaunchTicket) -> None:
    """A checked launch from Moodle: statements about this module now carry the launch's
    actor and registration (raises xapi.launches.LaunchInvalid, changing nothing, for a
    launch that does not hold for this learner)."""
    completed = ModuleProgress.objects.filter(
        user=user, module_key=module.translation_key, completed_at__isnull=False
    ).exists()
    launches.accept_launch(
        user=user,
        root=learning_records.module_activity(module),
        ticket=ticket,
        language=module.locale.language_code,
        completed=completed,
    )
    start_module(user=user, module=module)


@transaction.atomic
def clear_change_marks(*, module: ModulePage) -> None:
    """Untick "material change" and empty the change note once they have done their work
    (another app issued a new version for them), so that the next version label does not
    ask everyone again unless the editor marks that change as material too.

    The page row and its latest and live revisions (the edit view shows the latest) are
    changed in place: a new revision would show the module as having unpublished changes.
    """
    cleared = {"change_is_material": False, "change_note": ""}
    ModulePage.objects.filter(pk=module.pk).update(**cleared)
    revision_ids = Page.objects.filter(pk=module.pk).values_list(
        "latest_revision_id", "live_revision_id"
    )
    for revision in Revision.objects.filter(pk__in=[pk for pair in revision_ids for pk in pair]):
        revision.content = {**revision.content, **cleared}
        revision.save(update_fields=["content"])
    for field, value in cleared.items():
        setattr(module, field, value)


def keep_quiz_last(*, module: ModulePage) -> bool:
    """Move the module's quiz behind its lessons when a lesson was added, copied or moved in
    after it (Wagtail appends new children at the end); True when it moved. Learners and the
    page explorer both follow the tree order."""
    children = list(module.get_children().order_by("path").values_list("pk", "content_type"))
    quiz_type = ContentType.objects.get_for_model(QuizPage).pk
    quiz_ids = [pk for pk, content_type in children if content_type == quiz_type]
    if not quiz_ids or children[-1][0] == quiz_ids[-1]:
        return False
    Page.objects.get(pk=quiz_ids[-1]).move(module, pos="last-child")
    return True
