"""The personal data of `courses` (see `gdpr`): learner progress and lessons read, kept for
the learning retention period."""

from datetime import datetime

from django.db.models import Exists, OuterRef, QuerySet

from gdpr import Declaration, Deletion, Section

from .models import Cmi5Session, LessonRead, ModuleProgress


def learning_progress(user) -> QuerySet:
    return (
        ModuleProgress.objects.filter(user=user)
        .order_by("started_at")
        .values("module_key", "last_page_key", "started_at", "updated_at", "completed_at")
    )


def lessons_read(user) -> QuerySet:
    return (
        LessonRead.objects.filter(user=user)
        .order_by("read_at")
        .values("module_key", "lesson_key", "read_at", "engaged_seconds")
    )


def cmi5_sessions(user) -> QuerySet:
    """Launches of a module by a learning platform (cmi5): which one, in which mode, and what
    Sensi reported to it; never the credential the platform handed over."""
    return (
        Cmi5Session.objects.filter(user=user)
        .order_by("launched_at")
        .values(
            "module_key",
            "endpoint",
            "registration",
            "launch_mode",
            "state",
            "launched_at",
            "completed_sent_at",
            "passed_sent_at",
            "failed_sent_at",
            "closed_at",
        )
    )


def expired_cmi5_sessions(cutoff: datetime) -> QuerySet:
    return Cmi5Session.objects.filter(launched_at__lt=cutoff)


def expired_progress(cutoff: datetime) -> QuerySet:
    return ModuleProgress.objects.filter(updated_at__lt=cutoff)


def expired_lessons_read(cutoff: datetime) -> QuerySet:
    # A lesson read long ago in a module the learner is still working on stays with it.
    active_module = ModuleProgress.objects.filter(
        user=OuterRef("user"), module_key=OuterRef("module_key"), updated_at__gte=cutoff
    )
    return LessonRead.objects.filter(read_at__lt=cutoff).exclude(Exists(active_module))


DECLARATION = Declaration(
    models=(ModuleProgress, LessonRead, Cmi5Session),
    sections=(
        Section("learning_progress", learning_progress, titles={"module_key": "module_title"}),
        Section(
            "lessons_read",
            lessons_read,
            titles={"module_key": "module_title", "lesson_key": "lesson_title"},
        ),
        Section("cmi5_sessions", cmi5_sessions, titles={"module_key": "module_title"}),
    ),
    retention=(
        Deletion("lessons_read", "learning", expired_lessons_read),
        Deletion("module_progress", "learning", expired_progress),
        Deletion("cmi5_sessions", "learning", expired_cmi5_sessions),
    ),
)
