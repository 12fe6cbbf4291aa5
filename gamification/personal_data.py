"""The personal data of `gamification` (see `gdpr`): only whether the learner has switched
their personal progress off, and since when. Kept while it stands (switching it on again
deletes it). Streaks, badges, the ring and the teams' shares are computed when shown and never
stored."""

from gdpr import Declaration, Section

from .models import PersonalProgressOptOut


def gamification_preferences(user) -> dict:
    switched_off = (
        PersonalProgressOptOut.objects.filter(user=user)
        .values_list("opted_out_at", flat=True)
        .first()
    )
    return {"personal_progress_shown": switched_off is None, "switched_off_at": switched_off}


DECLARATION = Declaration(
    models=(PersonalProgressOptOut,),
    sections=(Section("gamification_preferences", gamification_preferences),),
)
