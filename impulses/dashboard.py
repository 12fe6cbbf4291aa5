"""This week's impulse as a section of "Meine Schulungen" (courses.dashboard)."""

from django.template.loader import render_to_string

from content.languages import current_language
from courses.dashboard import register_section

from .selectors import dashboard_card_for


@register_section
def impulse_section(request):
    if not request.user.is_authenticated:
        return None
    card = dashboard_card_for(request.user, language=current_language())
    if card is None:
        return None
    return render_to_string("impulses/my_impulse.html", {"card": card}, request=request)
