"""HTTP for QuizPage's routes: render the form, take a submission, show a result."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .forms import (
    ANSWER_PREFIX,
    InvalidToken,
    answers_from_post,
    issue_token,
    read_token,
)
from .models import QuizAttempt, QuizPage
from .scoring import TamperedAnswers
from .selectors import attempt_allowance, attempt_review, attempts_summary, result_notices
from .services import (
    AttemptNotAllowed,
    IncompleteAnswers,
    QuestionsChanged,
    UnknownDraw,
    draw_questions,
    drawn_questions,
    submit_attempt,
)

TEMPLATE = "quizzes/quiz_page.html"


def take_quiz(request, quiz: QuizPage):
    if request.method == "POST":
        return _submit(request, quiz)
    return _render_form(request, quiz)


def preview_quiz(request, quiz: QuizPage):
    """Editors see the whole pool, every variant included."""
    context = quiz.get_context(request)
    context.update(
        token="",
        preview=True,
        answer_prefix=ANSWER_PREFIX,
        questions=quiz.question_list(),
        answers={},
        missing={},
        summary=None,
        allowance=None,
    )
    return TemplateResponse(request, TEMPLATE, context)


def show_result(request, quiz: QuizPage, attempt_id: int):
    attempt = get_object_or_404(
        QuizAttempt, pk=attempt_id, user=request.user, quiz_key=quiz.translation_key
    )
    context = quiz.get_context(request)
    context.update(
        attempt=attempt,
        review=attempt_review(attempt),
        allowance=None if attempt.passed else attempt_allowance(user=request.user, quiz=quiz),
        notices=result_notices(request=request, quiz=quiz, attempt=attempt),
    )
    return TemplateResponse(request, "quizzes/quiz_result.html", context)


def _submit(request, quiz: QuizPage):
    answers = answers_from_post(request.POST)
    try:
        token = read_token(request.POST.get("token", ""), user=request.user, quiz=quiz)
        attempt, created = submit_attempt(
            user=request.user, quiz=quiz, token=token, answers=answers
        )
    except (InvalidToken, UnknownDraw):
        # Keep what the learner ticked, so that an expired form costs one more click, not
        # the answers (WCAG 2.2.1); they are scored only when sent with a valid token.
        messages.error(
            request,
            _(
                "The quiz form was invalid or has expired. "
                "Please check your answers and submit them again."
            ),
        )
        return _render_form(request, quiz, answers=answers, status=400)
    except AttemptNotAllowed:
        return _render_form(request, quiz, status=403)
    except QuestionsChanged:
        messages.error(
            request,
            _(
                "This quiz was changed while you were answering it: a question you were "
                "asked no longer exists. Your answers were not counted and no attempt was "
                "used. Please answer the current questions."
            ),
        )
        return _render_form(request, quiz, status=409)
    except TamperedAnswers as error:
        messages.error(request, _("Your answers could not be evaluated: %s") % error)
        return _render_form(request, quiz, status=400)
    except IncompleteAnswers as error:
        return _render_form(request, quiz, answers=answers, missing=error.missing, status=400)

    if not created:
        messages.info(request, _("These answers had already been submitted; they count once."))
    return redirect(quiz.url + quiz.reverse_subpage("result", args=[attempt.pk]))


def _render_form(request, quiz: QuizPage, *, answers=None, missing=None, status=200):
    """The form of the learner's current draw, or, when the policy does not allow an attempt
    now, the reason and what to do."""
    context = quiz.get_context(request)
    allowance = attempt_allowance(user=request.user, quiz=quiz)
    questions, token = [], ""
    if allowance.allowed:
        draw = draw_questions(user=request.user, quiz=quiz)
        seed = str(draw.token)
        questions = [q.shuffled(seed) for q in drawn_questions(quiz=quiz, draw=draw)]
        token = issue_token(user=request.user, quiz=quiz, nonce=draw.token)
    context.update(
        token=token,
        preview=False,
        answer_prefix=ANSWER_PREFIX,
        questions=questions,
        answers=answers or {},
        missing=missing or {},
        summary=attempts_summary(user=request.user, quiz=quiz),
        allowance=allowance,
    )
    return TemplateResponse(request, TEMPLATE, context, status=status)
