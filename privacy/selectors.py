"""Everything Sensi holds about one person, for "Meine Daten" (right of access, Art. 15
GDPR) and its JSON download. The structure is documented in docs/privacy.md; its keys are
stable English identifiers, `FORMAT_VERSION` changes when they do.

The sections are declared by the apps that own the data (`<app>/personal_data.py`,
collected by `privacy.registry`). A fixed number of queries, whatever the amount and however
many apps declare sections (tested): the rows of all sections in one query
(`privacy.rows`), their page titles by translation key in one more, then the documents and
statements about the person's xAPI agents. The statements themselves are streamed by
`statements_of` for the download instead of being loaded at once.
"""

from collections.abc import Iterator
from typing import Any

from django.db.models import OuterRef, QuerySet
from django.utils import timezone
from wagtail.models import Page

from content.languages import current_language
from xapi.definitions import display_name
from xapi.models import Statement
from xapi.vocabulary import (
    ACKNOWLEDGED,
    ANSWERED,
    ATTEMPTED,
    COMPLETED,
    EXPERIENCED,
    FAILED,
    LAUNCHED,
    PASSED,
)

from . import registry
from .personal_data import named_by, xapi_documents
from .rows import read_together

FORMAT = "sensi-personal-data"
FORMAT_VERSION = 1
RECENT_STATEMENTS = 20  # shown on the page; the download has all of them
VERBS = {
    verb.iri: verb
    for verb in (
        LAUNCHED,
        ATTEMPTED,
        EXPERIENCED,
        ANSWERED,
        PASSED,
        FAILED,
        COMPLETED,
        ACKNOWLEDGED,
    )
}


def verb_label(iri: str) -> str:
    verb = VERBS.get(iri)
    if verb is None:
        return iri
    return verb.en if current_language() == "en" else verb.de


# The members of the download in their order (docs/privacy.md), after the header; a section
# an app declares that is not listed here follows them.
ORDER = (
    "account",
    "employee",
    "roles",
    "learning_progress",
    "lessons_read",
    "cmi5_sessions",
    "quiz_attempts",
    "quiz_draws",
    "scenario_answers",
    "selfcheck_runs",
    "impulse_answers",
    "impulse_emails",
    "gamification_preferences",
    "seminar_registrations",
    "seminar_attendance",
    "exercise_answers",
    "obligations",
    "acknowledgements",
    "reminders",
    "authenticators",
    "single_sign_on",
    "report_accesses",
    "background_jobs",
    "xapi_agents",
    "xapi_registrations",
    "xapi_documents",
)


class PersonalData:
    """The sections every app declares (`privacy.registry`), each a dict or a list of dicts of
    JSON-ready values (dates and times as `date`/`datetime`, serialised by
    DjangoJSONEncoder), readable as attributes (`data.quiz_attempts`), and for the page the
    number of statements and the latest of them."""

    def __init__(
        self,
        sections: dict[str, Any],
        *,
        xapi_statement_count: int = 0,
        recent_statements: list[dict] | None = None,
    ):
        self._sections = sections
        self.xapi_statement_count = xapi_statement_count
        self.recent_statements = recent_statements or []

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["_sections"][name]
        except KeyError:
            raise AttributeError(name) from None

    def sections(self) -> dict[str, Any]:
        """Everything but the statements, in the order of the download."""
        return dict(self._sections)


def statements_of(agents: list[str]) -> QuerySet:
    """The statements whose actor is one of the user's agents, oldest first."""
    return Statement.objects.filter(actor_ifi__in=agents).order_by("seq")


def _titles(keys: set) -> dict:
    """Page titles by translation key, in the current language where there is one."""
    language = current_language()
    titles = {}
    rows = Page.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "title", "locale__language_code"
    )
    for key, title, page_language in rows:
        if key not in titles or page_language == language:
            titles[key] = title
    return titles


def _add_titles(collected: dict[str, Any], sections) -> None:
    """Fill in the page titles the sections ask for (`gdpr.Section.titles`), in one query."""
    wanted = [(collected[section.key], section.titles) for section in sections if section.titles]
    titles = _titles(
        {row[key] for rows, fields in wanted for row in rows for key in fields if row[key]}
    )
    for rows, fields in wanted:
        for row in rows:
            for key, title in fields.items():
                row[title] = titles.get(row[key], "")


def _querysets(answer) -> tuple[QuerySet, ...]:
    """The QuerySets a section's `rows` returned; none for a section that needs no query."""
    if isinstance(answer, QuerySet):
        return (answer,)
    if isinstance(answer, tuple) and all(isinstance(item, QuerySet) for item in answer):
        return answer
    return ()


def _section_values(user, sections) -> dict[str, Any]:
    """Each section's value (`gdpr.Section`), the rows of all of them read in one query."""
    answers = [section.rows(user) for section in sections]
    wanted = [_querysets(answer) for answer in answers]
    found = iter(read_together([queryset for querysets in wanted for queryset in querysets]))
    collected: dict[str, Any] = {}
    for section, answer, querysets in zip(sections, answers, wanted, strict=True):
        value = answer
        if querysets:
            rows = [row for _queryset in querysets for row in next(found)]
            value = section.shape(user, rows) if section.shape else rows
        if section.key in collected:
            collected[section.key] = {**collected[section.key], **value}
        else:
            collected[section.key] = value
    return collected


def personal_data(user) -> PersonalData:
    """Everything about `user` that the apps declare, and the xAPI documents about the
    user's agents; not the statements themselves (see `statements_of`)."""
    sections = registry.sections(ORDER)
    collected = _section_values(user, sections)
    _add_titles(collected, sections)
    agents = collected["xapi_agents"]
    collected["xapi_documents"] = xapi_documents(agents)
    statements = statements_of(agents)
    recent = (
        statements.reverse()
        .annotate(definition=named_by(OuterRef("object_activity_id")))
        .values(
            "statement_id", "timestamp", "verb_id", "object_activity_id", "voided", "definition"
        )
    )
    language = current_language()
    return PersonalData(
        collected,
        xapi_statement_count=statements.count(),
        recent_statements=[
            {
                **row,
                "verb": verb_label(row["verb_id"]),
                # modules, lessons and questions by name, as the LRS knows them
                "object_name": display_name(row.pop("definition") or {}, language),
            }
            for row in recent[:RECENT_STATEMENTS]
        ],
    )


def export_header(user) -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generated_at": timezone.now(),
        "subject": str(user.pseudonym),
    }


def statement_rows(agents: list[str]) -> Iterator[dict]:
    """The statements as stored (Data §2.4), with the `voided` flag the LRS keeps beside
    them, one at a time."""
    rows = statements_of(agents).values_list("data", "voided")
    for data, voided in rows.iterator(chunk_size=500):
        yield {"statement": data, "voided": voided}
