"""The check's section on "Meine Schulungen" (through `courses.dashboard`)."""

from django.template.loader import render_to_string

from courses.dashboard import register_section

from .models import SelfCheckStep
from .selectors import latest_run


@register_section
def selfcheck_section(request):
    """An invitation to the check, with the employee's latest result. Nothing when no step
    has been written yet."""
    if not request.user.is_authenticated or not SelfCheckStep.objects.filter(active=True).exists():
        return None
    return render_to_string(
        "selfcheck/section.html", {"latest": latest_run(request.user)}, request=request
    )
