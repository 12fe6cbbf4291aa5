"""Statements about sessions, recorded through xapi's one entry point (xapi/recording.py)."""

from django.conf import settings

from courses.learning_records import module_activity
from xapi.activities import ActivityRef
from xapi.recording import Event, record
from xapi.vocabulary import ATTENDED, TYPE_MEETING

from .models import Session


def session_activity(session: Session) -> ActivityRef:
    """A session as an activity of type "meeting" (ADL vocabulary), with a stable IRI."""
    return ActivityRef(
        f"{settings.SENSI_BASE_URL}/xapi/activities/seminars/session/{session.pk}",
        TYPE_MEETING,
        {"de-DE": session.display_title},
    )


def record_attended(*, user, session: Session) -> None:
    """The learner attended the session (verb `attended`, ADL vocabulary); its module is the
    parent and the registration's root, as for every statement about the module."""
    module = session.module
    parent = module_activity(module)
    record(
        user=user,
        root=parent,
        language=module.locale.language_code,
        events=[Event(ATTENDED, session_activity(session), parent=parent)],
    )
