from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import reading
from .dashboard import render_sections
from .models import LessonPage
from .selectors import Status, last_qualified_read, modules_for_learner, next_step_url
from .services import record_lesson_read, record_lesson_visit


@login_required
def my_training(request):
    """ "Meine Schulungen": every module with the learner's state and a way to resume."""
    cards = modules_for_learner(user=request.user, request=request)
    return TemplateResponse(
        request,
        "courses/my_training.html",
        {
            "cards": cards,
            "open_count": sum(1 for card in cards if card.status != Status.COMPLETED),
            "sections": render_sections(request),
        },
    )


def show_lesson(
    request, lesson: LessonPage, *, token: str | None = None, notice=None, status: int = 200
):
    """The lesson with the control at its end that reports reaching it. A refused post keeps
    its own token when it was valid, so that the time already spent still counts."""
    if token is None:
        record_lesson_visit(user=request.user, lesson=lesson)
        token = reading.issue_token(user=request.user, lesson=lesson)
    visit = reading.read_token(token, user=request.user, lesson=lesson)
    context = lesson.get_context(request)
    context["reading"] = {
        "token": token,
        "minimum_seconds": reading.minimum_seconds(lesson),
        "remaining_seconds": reading.remaining_seconds(visit=visit, lesson=lesson),
        "last_read": last_qualified_read(user=request.user, lesson=lesson),
        "notice": notice,
    }
    return TemplateResponse(request, lesson.get_template(request), context, status=status)


def finish_lesson(request, lesson: LessonPage):
    """The learner moves on from the end of a lesson: count it as read if the visit earned it,
    then go to the next step. A refused post records nothing and says why, at the lesson's end."""
    token = request.POST.get("token", "")
    try:
        record_lesson_read(user=request.user, lesson=lesson, token=token)
    except reading.TooEarly as early:
        text = ngettext(
            "You reached the end of this lesson quickly. It counts as read once it has been "
            "open for %(minimum)d seconds: please take another %(remaining)d second to read it, "
            "then continue again.",
            "You reached the end of this lesson quickly. It counts as read once it has been "
            "open for %(minimum)d seconds: please take another %(remaining)d seconds to read "
            "it, then continue again.",
            early.remaining,
        ) % {"minimum": reading.minimum_seconds(lesson), "remaining": early.remaining}
        notice = Notice("warning", text, skip=True)
        return show_lesson(request, lesson, token=token, notice=notice, status=400)
    except reading.AlreadyCounted:
        text = _(
            "This visit of the lesson has already been counted as read; nothing was recorded "
            "again. To read the lesson once more, stay on this page and continue again."
        )
        return show_lesson(request, lesson, notice=Notice("info", text, skip=True), status=409)
    except reading.InvalidReadingToken:
        text = _(
            "We could not confirm that you read this lesson on this page, for example because "
            "it was open for a very long time. Nothing was recorded. Please read the lesson and "
            "continue again."
        )
        return show_lesson(request, lesson, notice=Notice("error", text), status=400)
    return redirect(next_step_url(lesson=lesson))


@dataclass(frozen=True)
class Notice:
    """Why a post from a lesson's end did not count; `skip` offers to move on anyway."""

    level: str
    text: str
    skip: bool = False
