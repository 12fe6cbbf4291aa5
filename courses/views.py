from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from .dashboard import render_sections
from .selectors import Status, modules_for_learner


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
