"""Reads about modules and learners' progress. The dashboard needs one query per list, not
one per module."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from django.db.models import Exists, F, Func, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from content import site_cache
from quizzes.models import QuizAttempt, QuizPage

from . import app_settings
from .models import LessonPage, LessonRead, ModulePage, ModuleProgress

TEASER_RENDITION = "fill-640x360"


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"

    @property
    def label(self) -> str:
        return {
            Status.NOT_STARTED: _("Not started"),
            Status.IN_PROGRESS: _("In progress"),
            Status.COMPLETED: _("Completed"),
        }[self]


@dataclass(frozen=True)
class ModuleCard:
    module: ModulePage
    status: Status
    lessons_total: int
    lessons_read: int
    has_quiz: bool
    quiz_passed: bool
    completed_at: datetime | None
    resume_url: str
    # The name of the module's language when it is not the one asked for (a module that
    # exists only in German, listed on the English page); otherwise empty.
    other_language: str = ""

    @property
    def steps_total(self) -> int:
        return self.lessons_total + int(self.has_quiz)

    @property
    def steps_done(self) -> int:
        return min(self.lessons_read, self.lessons_total) + int(self.quiz_passed)

    @property
    def percent(self) -> int:
        if self.status == Status.COMPLETED:
            return 100
        return round(100 * self.steps_done / self.steps_total) if self.steps_total else 0


def _children_of_outer(model):
    """Live pages of `model` directly below the module of the enclosing query."""
    return model.objects.live().filter(
        path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1
    )


def count_subquery(queryset):
    """COUNT(*) of a correlated subquery (a plain Func keeps Django from adding GROUP BY)."""
    return Subquery(
        queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n"),
        output_field=IntegerField(),
    )


def modules_for_learner(*, user, request, locale: Locale | None = None) -> list[ModuleCard]:
    """Every published module with its state and progress: in the learner's language, or in
    the default language (German) where a module has no version in the learner's language."""
    locale = locale or site_cache.active_locale()
    default = site_cache.default_locale()
    in_locale = Q(locale=locale)
    if locale != default:
        translated = ModulePage.objects.live().filter(locale=locale).values("translation_key")
        in_locale |= Q(locale=default) & ~Q(translation_key__in=translated)
    progress = ModuleProgress.objects.filter(user=user, module_key=OuterRef("translation_key"))
    # Reads of lessons that are still published count; withdrawn lessons do not.
    lessons_read = LessonRead.objects.qualified().filter(
        Exists(LessonPage.objects.live().filter(translation_key=OuterRef("lesson_key"))),
        user=user,
        module_key=OuterRef("translation_key"),
    )
    modules = (
        ModulePage.objects.live()
        .filter(in_locale)
        .select_related("locale")
        .order_by("path")
        .prefetch_related(
            Prefetch(
                "teaser_image",
                queryset=get_image_model().objects.prefetch_renditions(TEASER_RENDITION),
            )
        )
        .annotate(
            lessons_total=count_subquery(_children_of_outer(LessonPage)),
            lessons_read=count_subquery(lessons_read),
            quiz_key=Subquery(_children_of_outer(QuizPage).values("translation_key")[:1]),
            # The first published lesson without a qualified read: where "Resume" goes.
            next_lesson_key=Subquery(
                _children_of_outer(LessonPage)
                .exclude(
                    Exists(
                        LessonRead.objects.qualified().filter(
                            user=user, lesson_key=OuterRef("translation_key")
                        )
                    )
                )
                .order_by("path")
                .values("translation_key")[:1]
            ),
            quiz_passed=Exists(
                QuizAttempt.objects.filter(user=user, quiz_key=OuterRef("quiz_key"), passed=True)
            ),
            started=Exists(progress),
            completed_at=Subquery(progress.values("completed_at")[:1]),
            last_page_key=Subquery(progress.values("last_page_key")[:1]),
        )
    )
    modules = list(modules)
    resume_pages = {
        (page.locale_id, page.translation_key): page
        for page in Page.objects.live().filter(
            locale__in={m.locale_id for m in modules},
            translation_key__in=[_resume_key(m) for m in modules if _resume_key(m)],
        )
    }
    cards = []
    for module in modules:
        if module.completed_at:
            status = Status.COMPLETED
        elif module.started:
            status = Status.IN_PROGRESS
        else:
            status = Status.NOT_STARTED
        resume_page = resume_pages.get((module.locale_id, _resume_key(module)))
        cards.append(
            ModuleCard(
                module=module,
                status=status,
                lessons_total=module.lessons_total or 0,
                lessons_read=module.lessons_read or 0,
                has_quiz=module.quiz_key is not None,
                quiz_passed=module.quiz_passed,
                completed_at=module.completed_at,
                resume_url=(resume_page or module).get_url(request),
                other_language=(
                    module.locale.get_display_name() if module.locale_id != locale.pk else ""
                ),
            )
        )
    return cards


def _resume_key(module) -> str | None:
    """The next unfinished step of a started module: the first unread lesson, else the quiz
    until it is passed. A finished or not yet started module opens its overview (None)."""
    if module.completed_at or not module.started:
        return None
    if module.next_lesson_key:
        return module.next_lesson_key
    if module.quiz_key and not module.quiz_passed:
        return module.quiz_key
    return None


@dataclass(frozen=True)
class OutlineStep:
    page: Page
    is_quiz: bool
    done: bool


@dataclass(frozen=True)
class ModuleOutline:
    steps: list[OutlineStep]
    status: Status
    resume_url: str | None


def module_steps(module: ModulePage) -> tuple[list[LessonPage], QuizPage | None]:
    """The module's published lessons in order, and its quiz (which always comes last): from
    the cached site structure during a request (display-only pages: id, title, url, key),
    else two queries."""
    structure = site_cache.current()
    if structure is not None and module.live and structure.pages.get(module.url_path):
        quizzes = structure.live_children(module, QuizPage)
        return structure.live_children(module, LessonPage), (quizzes[0] if quizzes else None)
    lessons = list(LessonPage.objects.live().child_of(module).order_by("path"))
    quiz = QuizPage.objects.live().child_of(module).first()
    return lessons, quiz


def module_requirements_met(*, user, module: ModulePage) -> bool:
    lessons, quiz = module_steps(module)
    read = (
        LessonRead.objects.qualified()
        .filter(user=user, lesson_key__in=[lesson.translation_key for lesson in lessons])
        .count()
    )
    if read < len(lessons):
        return False
    return (
        quiz is None
        or QuizAttempt.objects.filter(
            user=user, quiz_key=quiz.translation_key, passed=True
        ).exists()
    )


def module_outline(*, module: ModulePage, user) -> ModuleOutline:
    """The module's steps with what this learner has done, for the module's start page."""
    lessons, quiz = module_steps(module)
    read = set(
        LessonRead.objects.qualified()
        .filter(user=user, module_key=module.translation_key)
        .values_list("lesson_key", flat=True)
    )
    steps = [OutlineStep(lesson, False, lesson.translation_key in read) for lesson in lessons]
    if quiz:
        passed = QuizAttempt.objects.filter(
            user=user, quiz_key=quiz.translation_key, passed=True
        ).exists()
        steps.append(OutlineStep(quiz, True, passed))
    progress = ModuleProgress.objects.filter(user=user, module_key=module.translation_key).first()
    if progress is None:
        return ModuleOutline(steps, Status.NOT_STARTED, None)
    status = Status.COMPLETED if progress.completed_at else Status.IN_PROGRESS
    # Resume at the next unfinished step (the quiz once every lesson is read).
    resume = next((step.page for step in steps if not step.done), None)
    return ModuleOutline(steps, status, resume.url if resume else None)


@dataclass(frozen=True)
class LessonPosition:
    number: int
    total: int
    previous: Page | None
    next: Page | None
    module: ModulePage
    next_is_quiz: bool


def lesson_position(*, lesson: LessonPage) -> LessonPosition:
    """Where a lesson stands in its module: "Lektion 2 von 5", previous and next steps."""
    module = lesson.get_parent().specific
    lessons, quiz = module_steps(module)
    if lesson.pk not in {page.pk for page in lessons}:
        # An editor previews a lesson that is not published yet.
        lessons = sorted([*lessons, lesson], key=lambda page: page.path)
    index = next(i for i, page in enumerate(lessons) if page.pk == lesson.pk)
    previous = lessons[index - 1] if index > 0 else None
    following = lessons[index + 1] if index + 1 < len(lessons) else quiz
    return LessonPosition(
        number=index + 1,
        total=len(lessons),
        previous=previous,
        next=following,
        module=module,
        next_is_quiz=following is not None and following is quiz,
    )


def next_step_url(*, lesson: LessonPage) -> str:
    """Where the learner goes on from the end of a lesson: the next lesson, the quiz, or
    back to the module."""
    position = lesson_position(lesson=lesson)
    return (position.next or position.module).url


def last_qualified_read(*, user, lesson: LessonPage) -> LessonRead | None:
    return (
        LessonRead.objects.qualified().filter(user=user, lesson_key=lesson.translation_key).first()
    )


def lessons_not_read_since(*, user, module: ModulePage, since: datetime) -> list[LessonPage]:
    """The module's published lessons the learner has not read since `since` (never, or
    only before), in order. A later qualified read moves `LessonRead.read_at` forward."""
    lessons, _quiz = module_steps(module)
    read_since = set(
        LessonRead.objects.qualified()
        .filter(
            user=user,
            lesson_key__in=[lesson.translation_key for lesson in lessons],
            read_at__gt=since,
        )
        .values_list("lesson_key", flat=True)
    )
    return [lesson for lesson in lessons if lesson.translation_key not in read_since]


def modules_due_for_review(*, today: date):
    """Modules whose "review by" date is at most SENSI_REVIEW_REMINDER_DAYS away or past,
    soonest first (every language version has its own date)."""
    until = today + timedelta(days=app_settings.SENSI_REVIEW_REMINDER_DAYS)
    return (
        ModulePage.objects.filter(review_by__lte=until)
        .select_related("locale")
        .order_by("review_by", "title", "pk")
    )
