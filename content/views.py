from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .exercises import EXERCISE_ERROR_KEY, IncompleteAnswer, answer_exercise, find_exercise
from .scenarios import InvalidAnswer, answer_scenario, find_scenario


@require_POST
@login_required
def answer(request, page_id: int, block_id: str):
    """A scenario's form posts here; back to the block's anchor on the page (PRG)."""
    try:
        answer_scenario(
            user=request.user,
            page_id=page_id,
            block_id=block_id,
            option_id=request.POST.get("option", ""),
        )
    except InvalidAnswer:
        return HttpResponseBadRequest(_("This answer does not belong to a scenario on this page."))
    page = find_scenario(page_id=page_id, block_id=block_id).page
    return redirect(f"{page.get_url(request)}#scenario-{block_id}")


@require_POST
@login_required
def answer_exercise_view(request, page_id: int, block_id: str):
    """An exercise's form posts here; back to the block's anchor on the page (PRG). A form
    that is not filled in completely goes back with its message, shown at the block."""
    try:
        answer_exercise(user=request.user, page_id=page_id, block_id=block_id, data=request.POST)
    except InvalidAnswer:
        return HttpResponseBadRequest(_("This answer does not belong to an exercise on this page."))
    except IncompleteAnswer as incomplete:
        request.session[EXERCISE_ERROR_KEY] = {"block_id": block_id, "message": str(incomplete)}
        anchor = "error"
    else:
        anchor = "result"
    page = find_exercise(page_id=page_id, block_id=block_id).page
    return redirect(f"{page.get_url(request)}#exercise-{block_id}-{anchor}")
