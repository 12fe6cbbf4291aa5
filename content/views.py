from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

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
