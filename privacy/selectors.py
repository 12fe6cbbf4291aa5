"""Everything Sensi holds about one person, for "Meine Daten" (right of access, Art. 15
GDPR) and its JSON download. The structure is documented in docs/privacy.md; its keys are
stable English identifiers, `FORMAT_VERSION` changes when they do.

One query per kind of data, whatever the amount (tested): rows are read with `values()`
and joined to page titles by translation key in one further query, and xAPI statements are
streamed by `statements_of` instead of being loaded at once.
"""

import base64
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from allauth.mfa.models import Authenticator
from allauth.socialaccount.models import SocialAccount
from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page

from compliance.models import (
    Employee,
    LedgerEntry,
    ObligationStatus,
    Reminder,
    ReportAccess,
    RessortAssignment,
)
from content.models import ScenarioAnswer
from courses.models import LessonRead, ModuleProgress
from quizzes.models import QuizAttempt, QuizDraw
from xapi.agents import agent_ifi
from xapi.launches import actors_bound_to
from xapi.models import Document, Registration, Statement
from xapi.recording import actor_for
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
    return verb.en if (get_language() or "de").startswith("en") else verb.de


@dataclass
class PersonalData:
    """The sections of the export, each a dict or a list of dicts of JSON-ready values
    (dates and times as `date`/`datetime`, serialised by DjangoJSONEncoder)."""

    account: dict
    employee: dict | None
    roles: dict
    learning_progress: list[dict]
    lessons_read: list[dict]
    quiz_attempts: list[dict]
    obligations: list[dict]
    acknowledgements: list[dict]
    reminders: list[dict]
    xapi_registrations: list[dict]
    xapi_documents: list[dict]
    authenticators: list[dict]
    single_sign_on: list[dict]
    report_accesses: list[dict]
    xapi_agents: list[str] = field(default_factory=list)
    xapi_statement_count: int = 0
    recent_statements: list[dict] = field(default_factory=list)
    quiz_draws: list[dict] = field(default_factory=list)
    scenario_answers: list[dict] = field(default_factory=list)

    def sections(self) -> dict[str, Any]:
        """Everything but the statements, in the order of the download."""
        return {
            "account": self.account,
            "employee": self.employee,
            "roles": self.roles,
            "learning_progress": self.learning_progress,
            "lessons_read": self.lessons_read,
            "quiz_attempts": self.quiz_attempts,
            "quiz_draws": self.quiz_draws,
            "scenario_answers": self.scenario_answers,
            "obligations": self.obligations,
            "acknowledgements": self.acknowledgements,
            "reminders": self.reminders,
            "authenticators": self.authenticators,
            "single_sign_on": self.single_sign_on,
            "report_accesses": self.report_accesses,
            "xapi_agents": self.xapi_agents,
            "xapi_registrations": self.xapi_registrations,
            "xapi_documents": self.xapi_documents,
        }


def xapi_agents_of(user) -> list[str]:
    """The IFIs (xAPI 1.0.3 Data §2.4.2.1) under which the user's statements are stored: the
    pseudonymous account, the e-mail (if an operator ever chose `SENSI_XAPI_ACTOR=email`),
    and the LMS actors bound to this person by an accepted launch. Not every actor a launch
    ever named: one that names another person's LMS account must not open that person's
    statements here (issue 11, finding 2)."""
    agents = [
        {"account": {"homePage": settings.SENSI_BASE_URL, "name": str(user.pseudonym)}},
        {"mbox": f"mailto:{user.email}"},
        actor_for(user),
        *actors_bound_to(user),
    ]
    return sorted({ifi for agent in agents if (ifi := agent_ifi(agent))})


def statements_of(agents: list[str]) -> QuerySet:
    """The statements whose actor is one of the user's agents, oldest first."""
    return Statement.objects.filter(actor_ifi__in=agents).order_by("seq")


def _titles(keys: set) -> dict:
    """Page titles by translation key, in the current language where there is one."""
    language = (get_language() or "de")[:2]
    titles = {}
    rows = Page.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "title", "locale__language_code"
    )
    for key, title, page_language in rows:
        if key not in titles or page_language == language:
            titles[key] = title
    return titles


def _account(user) -> dict:
    return {
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "pseudonym": str(user.pseudonym),
        "is_active": user.is_active,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


def _employee(user) -> dict | None:
    row = (
        Employee.objects.filter(user=user)
        .values(
            "personnel_number",
            "ressort__code",
            "ressort__name",
            "dienststelle__code",
            "dienststelle__name",
            "entry_date",
            "active",
            "left_on",
        )
        .first()
    )
    if row is None:
        return None
    return {
        "personnel_number": row["personnel_number"],
        "ressort": {"code": row["ressort__code"], "name": row["ressort__name"]},
        "dienststelle": {"code": row["dienststelle__code"], "name": row["dienststelle__name"]},
        "entry_date": row["entry_date"],
        "active": row["active"],
        "left_on": row["left_on"],
    }


def _roles(user) -> dict:
    return {
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "ressort_assignments": sorted(
            RessortAssignment.objects.filter(user=user).values_list("ressort__code", flat=True)
        ),
    }


def _authenticators(user) -> list[dict]:
    """Metadata of second factors (allauth.mfa), never their secrets."""
    return list(
        Authenticator.objects.filter(user=user)
        .order_by("pk")
        .values("type", "created_at", "last_used_at")
    )


def _single_sign_on(user) -> list[dict]:
    """Links to identities at the identity provider (allauth.socialaccount) with the claims
    Sensi kept from the last sign-in."""
    return list(
        SocialAccount.objects.filter(user=user)
        .order_by("pk")
        .values("provider", "uid", "date_joined", "last_login", "extra_data")
    )


def _document_content(content: bytes, content_type: str) -> dict:
    try:
        return {"content": bytes(content).decode("utf-8")}
    except UnicodeDecodeError:
        return {"content_base64": base64.b64encode(bytes(content)).decode("ascii")}


def _scenario_answers(user) -> list[dict]:
    rows = list(
        ScenarioAnswer.objects.filter(user=user)
        .order_by("answered_at", "pk")
        .values("page_key", "block_id", "option_id", "answered_at")
    )
    titles = _titles({row["page_key"] for row in rows})
    for row in rows:
        row["page_title"] = titles.get(row["page_key"], "")
    return rows


def personal_data(user) -> PersonalData:
    """Everything about `user`, except the statements themselves (see `statements_of`)."""
    progress = list(
        ModuleProgress.objects.filter(user=user)
        .order_by("started_at")
        .values("module_key", "last_page_key", "started_at", "updated_at", "completed_at")
    )
    lessons = list(
        LessonRead.objects.filter(user=user)
        .order_by("read_at")
        .values("module_key", "lesson_key", "read_at", "engaged_seconds")
    )
    attempts = list(
        QuizAttempt.objects.filter(user=user)
        .order_by("submitted_at")
        .values(
            "id",
            "quiz_key",
            "module_key",
            "language",
            "submitted_at",
            "points",
            "max_points",
            "percent",
            "pass_mark",
            "passed",
            "answers",
            "results",
        )
    )
    titles = _titles(
        {row["module_key"] for row in progress}
        | {row["last_page_key"] for row in progress if row["last_page_key"]}
        | {key for row in lessons for key in (row["module_key"], row["lesson_key"])}
        | {key for row in attempts for key in (row["module_key"], row["quiz_key"])}
    )
    for row in progress:
        row["module_title"] = titles.get(row["module_key"], "")
    for row in lessons:
        row["module_title"] = titles.get(row["module_key"], "")
        row["lesson_title"] = titles.get(row["lesson_key"], "")
    for row in attempts:
        row["module_title"] = titles.get(row["module_key"], "")
        row["quiz_title"] = titles.get(row["quiz_key"], "")

    registrations = list(
        Registration.objects.filter(user=user)
        .order_by("created_at")
        .values("activity_iri", "registration", "launch_actor", "launched_at", "created_at")
    )
    agents = xapi_agents_of(user)
    documents = [
        {
            "kind": row["kind"],
            "activity_id": row["activity_id"],
            "registration": row["registration"],
            "document_id": row["document_id"],
            "content_type": row["content_type"],
            "updated": row["updated"],
            **_document_content(row["content"], row["content_type"]),
        }
        for row in Document.objects.filter(agent_ifi__in=agents)
        .order_by("updated")
        .values(
            "kind",
            "activity_id",
            "registration",
            "document_id",
            "content_type",
            "content",
            "updated",
        )
    ]
    statements = statements_of(agents)
    return PersonalData(
        account=_account(user),
        employee=_employee(user),
        roles=_roles(user),
        learning_progress=progress,
        lessons_read=lessons,
        quiz_attempts=attempts,
        obligations=list(
            ObligationStatus.objects.filter(employee__user=user)
            .order_by("obligation__title")
            .values(
                "obligation__title",
                "acknowledged_version",
                "acknowledged_at",
                "current_until",
                "due_on",
            )
        ),
        acknowledgements=[
            {
                "seq": row["seq"],
                "kind": row["kind"],
                "obligation": row["obligation_version__obligation__title"],
                "obligation_version": row["obligation_version__number"],
                "language": row["language"],
                "confirmed_at": row["confirmed_at"],
                "recorded_at": row["recorded_at"],
                # Entered by an administrator (whose identity is theirs, not yours).
                "recorded_by_administrator": row["recorded_by_id"] is not None,
                "reason": row["reason"],
                "text_hash": row["text_hash"],
                "entry_hash": row["entry_hash"],
            }
            for row in LedgerEntry.objects.filter(employee__user=user)
            .order_by("seq")
            .values(
                "seq",
                "kind",
                "obligation_version__obligation__title",
                "obligation_version__number",
                "language",
                "confirmed_at",
                "recorded_at",
                "recorded_by_id",
                "reason",
                "text_hash",
                "entry_hash",
            )
        ],
        reminders=list(
            Reminder.objects.filter(employee__user=user)
            .order_by("sent_on")
            .values("obligation__title", "sent_on", "standing")
        ),
        xapi_registrations=registrations,
        xapi_documents=documents,
        authenticators=_authenticators(user),
        single_sign_on=_single_sign_on(user),
        report_accesses=list(
            ReportAccess.objects.filter(user=user)
            .order_by("at")
            .values("at", "report", "roles", "parameters")
        ),
        quiz_draws=list(
            QuizDraw.objects.filter(user=user)
            .order_by("created_at")
            .values("quiz_key", "question_ids", "created_at", "attempt__id")
        ),
        scenario_answers=_scenario_answers(user),
        xapi_agents=agents,
        xapi_statement_count=statements.count(),
        recent_statements=[
            {
                "statement_id": row["statement_id"],
                "timestamp": row["timestamp"],
                "verb_id": row["verb_id"],
                "verb": verb_label(row["verb_id"]),
                "object_activity_id": row["object_activity_id"],
                "voided": row["voided"],
            }
            for row in statements.reverse().values(
                "statement_id", "timestamp", "verb_id", "object_activity_id", "voided"
            )[:RECENT_STATEMENTS]
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
