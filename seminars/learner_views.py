"""The seminars' sections on "Meine Schulungen" and on a module's page (courses.dashboard)."""

from django.template.loader import render_to_string

from accounts.groups import group_names
from courses.dashboard import register_module_section, register_section

from . import selectors
from .models import TRAINER_GROUP


@register_section
def my_sessions_section(request):
    """The learner's registrations, with a link to each session."""
    if not request.user.is_authenticated:
        return None
    registrations = list(selectors.my_registrations(request.user))
    # The link only; the attendance views check the permission itself. The group (shared with
    # the rest of the request) saves the two permission queries on every dashboard.
    is_trainer = request.user.is_superuser or TRAINER_GROUP in group_names(request.user)
    if not registrations and not is_trainer:
        return None
    return render_to_string(
        "seminars/my_sessions.html",
        {"registrations": registrations, "is_trainer": is_trainer},
        request=request,
    )


@register_module_section
def module_sessions_section(request, module):
    """The sessions a module offers, with free seats, where to register."""
    sessions = list(selectors.upcoming_sessions(module_key=module.translation_key))
    if not sessions:
        return None
    mine = {}
    if request.user.is_authenticated:
        mine = {
            registration.session_id: registration
            for registration in selectors.my_registrations(request.user)
        }
    return render_to_string(
        "seminars/module_sessions.html",
        {"sessions": [(session, mine.get(session.pk)) for session in sessions]},
        request=request,
    )
