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
from .selectors import attempt_review, attempts_summary
from .services import IncompleteAnswers, submit_attempt

TEMPLATE = "quizzes/quiz_page.html"


def take_quiz(request, quiz: QuizPage):
    if request.method == "POST":
        return _submit(request, quiz)
    return _render_form(request, quiz, token=issue_token(user=request.user, quiz=quiz))


def preview_quiz(request, quiz: QuizPage):
    return _render_form(request, quiz, token="", preview=True)


def show_result(request, quiz: QuizPage, attempt_id: int):
    attempt = get_object_or_404(
        QuizAttempt, pk=attempt_id, user=request.user, quiz_key=quiz.translation_key
    )
    context = quiz.get_context(request)
    context.update(attempt=attempt, review=attempt_review(attempt))
    return TemplateResponse(request, "quizzes/quiz_result.html", context)


def _submit(request, quiz: QuizPage):
    try:
        nonce = read_token(request.POST.get("token", ""), user=request.user, quiz=quiz)
    except InvalidToken:
        # Keep what the learner ticked, so that an expired form costs one more click, not
        # the answers (WCAG 2.2.1); they are scored only when sent with a valid token.
        messages.error(
            request,
            _(
                "The quiz form was invalid or has expired. "
                "Please check your answers and submit them again."
            ),
        )
        return _render_form(
            request,
            quiz,
            token=issue_token(user=request.user, quiz=quiz),
            answers=answers_from_post(request.POST),
            status=400,
        )

    answers = answers_from_post(request.POST)
    try:
        attempt, created = submit_attempt(
            user=request.user, quiz=quiz, token=nonce, answers=answers
        )
    except TamperedAnswers as error:
        messages.error(request, _("Your answers could not be evaluated: %s") % error)
        return _render_form(
            request, quiz, token=issue_token(user=request.user, quiz=quiz), status=400
        )
    except IncompleteAnswers as error:
        return _render_form(
            request,
            quiz,
            token=request.POST["token"],
            answers=answers,
            missing=error.missing,
            status=400,
        )

    if not created:
        messages.info(request, _("These answers had already been submitted; they count once."))
    return redirect(quiz.url + quiz.reverse_subpage("result", args=[attempt.pk]))


def _render_form(
    request, quiz: QuizPage, *, token: str, answers=None, missing=None, status=200, preview=False
):
    seed = token or "preview"
    questions = [question.shuffled(seed) for question in quiz.question_list()]
    context = quiz.get_context(request)
    context.update(
        token=token,
        preview=preview,
        answer_prefix=ANSWER_PREFIX,
        questions=questions,
        answers=answers or {},
        missing=missing or {},
        summary=None if preview else attempts_summary(user=request.user, quiz=quiz),
    )
    return TemplateResponse(request, TEMPLATE, context, status=status)
