"""The check's section on "Meine Schulungen" (through `courses.dashboard`)."""

from django.template.loader import render_to_string

from courses.dashboard import register_section

from .selectors import invitation_for


@register_section
def selfcheck_section(request):
    """An invitation to the check, with the employee's latest result. Nothing when no step
    has been written yet."""
    if not request.user.is_authenticated:
        return None
    invitation = invitation_for(request.user)
    if not invitation.offered:
        return None
    return render_to_string(
        "selfcheck/section.html", {"latest": invitation.latest}, request=request
    )
