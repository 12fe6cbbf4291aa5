"""Verbs and activity types Sensi's statements use, all from published vocabularies.

- ADL verbs: http://adlnet.gov/expapi/verbs/* (ADL xAPI Vocabulary, listed in the xAPI
  registry and the ADL Vocabulary Server).
- acknowledged: https://w3id.org/xapi/dod-isd/verbs/acknowledged (DoD Instructional Systems
  Design vocabulary on w3id.org/xapi): the learner confirmed having read a text.
- Activity types: http://adlnet.gov/expapi/activities/* (ADL xAPI Vocabulary).
- Extensions are Sensi's own IRIs under the configured base URL (see docs/xapi-profile.md).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Verb:
    iri: str
    de: str
    en: str

    def display(self) -> dict[str, str]:
        return {"de-DE": self.de, "en-US": self.en}


LAUNCHED = Verb("http://adlnet.gov/expapi/verbs/launched", "gestartet", "launched")
ATTEMPTED = Verb("http://adlnet.gov/expapi/verbs/attempted", "begonnen", "attempted")
EXPERIENCED = Verb("http://adlnet.gov/expapi/verbs/experienced", "gelesen", "experienced")
ANSWERED = Verb("http://adlnet.gov/expapi/verbs/answered", "beantwortet", "answered")
PASSED = Verb("http://adlnet.gov/expapi/verbs/passed", "bestanden", "passed")
FAILED = Verb("http://adlnet.gov/expapi/verbs/failed", "nicht bestanden", "failed")
COMPLETED = Verb("http://adlnet.gov/expapi/verbs/completed", "abgeschlossen", "completed")
ATTENDED = Verb("http://adlnet.gov/expapi/verbs/attended", "teilgenommen", "attended")
ACKNOWLEDGED = Verb(
    "https://w3id.org/xapi/dod-isd/verbs/acknowledged", "zur Kenntnis genommen", "acknowledged"
)

TYPE_MODULE = "http://adlnet.gov/expapi/activities/module"
TYPE_LESSON = "http://adlnet.gov/expapi/activities/lesson"
TYPE_ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment"
TYPE_MEETING = "http://adlnet.gov/expapi/activities/meeting"
TYPE_QUESTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
