"""The gamification section of "Meine Schulungen" (through `courses.dashboard`)."""

from django.template.loader import render_to_string

from compliance.reports.selectors import minimum_group_size
from courses.dashboard import register_section

from .selectors import challenges_for, has_opted_out, personal_progress_for, switches


@register_section
def gamification_section(request):
    """The learner's own progress (unless they switched it off) and the running challenges,
    as far as the deployment has switched them on; nothing at all when all is off."""
    if not request.user.is_authenticated:
        return None
    config = switches()
    if not (config.personal_progress or config.team_challenges):
        return None
    opted_out = config.personal_progress and has_opted_out(request.user)
    progress = (
        personal_progress_for(request.user, config)
        if config.personal_progress and not opted_out
        else None
    )
    challenges = challenges_for(request.user) if config.team_challenges else []
    if progress is None and not opted_out and not challenges:
        return None
    return render_to_string(
        "gamification/section.html",
        {
            "config": config,
            "progress": progress,
            "opted_out": opted_out,
            "challenges": challenges,
            "minimum": minimum_group_size(),
        },
        request=request,
    )
