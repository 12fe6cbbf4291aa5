"""The one write of the app: the learner switches their personal progress off or on."""

from .models import PersonalProgressOptOut


def set_personal_progress(*, user, shown: bool) -> None:
    """Idempotent: a second submit of the same choice changes nothing (the first moment of
    switching off is kept)."""
    if shown:
        PersonalProgressOptOut.objects.filter(user=user).delete()
    else:
        PersonalProgressOptOut.objects.get_or_create(user=user)
