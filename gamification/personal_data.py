"""The personal data of `gamification` (see `gdpr`): only whether the learner has switched
their personal progress off, and since when. Kept while it stands (switching it on again
deletes it). Streaks, badges, the ring and the teams' shares are computed when shown and never
stored."""

from django.db.models import QuerySet

from gdpr import Declaration, Section

from .models import PersonalProgressOptOut


def opt_out(user) -> QuerySet:
    return PersonalProgressOptOut.objects.filter(user=user).values("opted_out_at")


def gamification_preferences(user, rows: list[dict]) -> dict:
    """The one opt-out of the user (the field is one-to-one), if they switched it off."""
    switched_off = rows[0]["opted_out_at"] if rows else None
    return {"personal_progress_shown": switched_off is None, "switched_off_at": switched_off}


DECLARATION = Declaration(
    models=(PersonalProgressOptOut,),
    sections=(Section("gamification_preferences", opt_out, shape=gamification_preferences),),
)
