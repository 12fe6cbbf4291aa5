from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .services import set_personal_progress

SECTION_ANCHOR = "#gamification"
CHOICES = {"yes": True, "no": False}


@require_POST
@login_required
def personal_progress(request):
    """Switch the learner's own progress display off or on; the form sits in the section."""
    shown = CHOICES.get(request.POST.get("show", ""))
    if shown is None:
        return HttpResponseBadRequest(_("Please choose whether to show your progress."))
    set_personal_progress(user=request.user, shown=shown)
    if shown:
        messages.success(request, _("Your personal progress is shown again."))
    else:
        messages.success(
            request, _("Your personal progress is switched off. Nothing of it is computed now.")
        )
    return redirect(reverse("courses:my_training") + SECTION_ANCHOR)
