"""The statement of a completed Heimarbeitsplatz-Check, through xapi's one entry point.

What the statement says, and what it deliberately leaves out:

- `completed` the self-check activity (one IRI for the check as a whole, whatever its steps),
  with `result.completion` and at most the number of steps done as the score (raw = steps
  done, max = steps answered).
- No per-step answers: no `result.response`, no interaction definition, no extensions, no
  step activities. An answer such as "the router's firmware is not current" or "WPS is on"
  describes a device in someone's home; statements are copied to other systems (Moodle pulls
  them, the learner downloads them) and are kept for the learning retention period, so they
  carry nothing that could identify or characterise a device. The answers stay in
  `SelfCheckAnswer`, visible to the employee only (docs/selfcheck.md).
"""

from django.conf import settings

from xapi.activities import ActivityRef
from xapi.recording import Event, record
from xapi.vocabulary import COMPLETED, TYPE_ASSESSMENT

from .models import SelfCheckRun


def selfcheck_activity() -> ActivityRef:
    return ActivityRef(
        iri=f"{settings.SENSI_BASE_URL}/xapi/activities/selfcheck/home-office",
        type=TYPE_ASSESSMENT,
        name={"de-DE": "Heimarbeitsplatz-Check", "en-US": "Home office self-check"},
        description={
            "de-DE": "Selbstprüfung von Router, WLAN, Drucker und Arbeitsumgebung im Homeoffice",
            "en-US": "Self-check of router, Wi-Fi, printer and surroundings in the home office",
        },
    )


def record_check_completed(*, user, run: SelfCheckRun, language: str) -> None:
    """Inside the run's transaction: the run and its statement exist together or not at all."""
    activity = selfcheck_activity()
    record(
        user=user,
        root=activity,
        language=language,
        events=[
            Event(
                COMPLETED,
                activity,
                result={"completion": True, "score": (run.done, run.total)},
            )
        ],
    )
