"""The tables of "Meine Daten": each a caption, column headings and rows of display text,
built from `PersonalData` for the one table template (privacy/includes/table.html). The
first cell of a row names it (a row header). Dates and times are formatted as the `date`
template filter does, in the current time zone; a missing value shows as "–"."""

from dataclasses import dataclass
from datetime import datetime

from django.template.defaultfilters import date as date_filter
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from seminars.models import Registration as SeminarRegistration

from .selectors import PersonalData

NONE = "–"


@dataclass(frozen=True)
class Table:
    caption: str
    columns: tuple[str, ...]
    rows: list[tuple]

    def labelled_rows(self) -> list[list[tuple[str, str]]]:
        """Each row as (column, cell) pairs: on a phone the cells stack, each with its label."""
        return [list(zip(self.columns, row, strict=True)) for row in self.rows]


def _when(value: datetime | None, missing: str = NONE) -> str:
    return date_filter(template_localtime(value), "SHORT_DATETIME_FORMAT") or missing


def _day(value, missing: str = NONE) -> str:
    return date_filter(value, "SHORT_DATE_FORMAT") or missing


def _code(value: str) -> str:
    return format_html("<code>{}</code>", value)


def _activity(name: str, iri: str | None) -> str:
    """An activity by its name; its IRI only where the LRS knows no name for it."""
    return name or _code(iri or NONE)


def _version(number) -> str:
    return _("version %(number)s") % {"number": localize(number)}


def _score(row: dict) -> str:
    return _("%(points)s of %(max)s (%(percent)s %%)") % {
        "points": localize(row["points"]),
        "max": localize(row["max_points"]),
        "percent": localize(row["percent"]),
    }


def _acknowledged(row: dict) -> str:
    when = _when(row["acknowledged_at"])
    if row["acknowledged_version"]:
        return f"{when} ({_version(row['acknowledged_version'])})"
    return when


def _until(value) -> str:
    if value is not None and value.year == 9999:
        return _("without end")
    return _day(value)


def _due(value) -> str:
    if value is not None and value.year == 9999:
        return NONE
    return _day(value, missing="")


def _entered(row: dict) -> str:
    if not row["recorded_by_administrator"]:
        return _("confirmed by you")
    entered = _("entered by an administrator")
    return f"{entered}: {row['reason']}" if row["reason"] else entered


def _verb(row: dict) -> str:
    if not row["voided"]:
        return row["verb"]
    voided = _("voided")
    return f"{row['verb']} ({voided})"


def _roles(roles: dict) -> str:
    groups = ", ".join(roles["groups"]) or _("none")
    if roles.get("ressort_assignments"):
        assigned = ", ".join(roles["ressort_assignments"])
        return f"{groups} ({_('Ressort-ISB for')} {assigned})"
    return groups


def _employed(employee: dict) -> str:
    employed = _("yes") if employee["active"] else _("no")
    if employee["left_on"]:
        return f"{employed} ({_('left on')} {_day(employee['left_on'])})"
    return employed


def my_data_facts(data: PersonalData) -> dict[str, list[tuple[str, str]]]:
    """The account and the employee record as (label, value) pairs; no employee pairs for a
    person without an employee record."""
    account, employee = data.account, data.employee
    facts = {
        "account": [
            (_("Name"), f"{account['first_name']} {account['last_name']}".strip()),
            (_("E-mail address"), account["email"]),
            (_("Pseudonym"), account["pseudonym"]),
            (_("Account created"), _when(account["date_joined"])),
            (_("Last sign-in"), _when(account["last_login"])),
            (_("Roles"), _roles(data.roles)),
        ],
        "employee": [],
    }
    if employee:
        facts["employee"] = [
            (_("Personnel number"), employee["personnel_number"]),
            (_("Ressort"), f"{employee['ressort']['code']} – {employee['ressort']['name']}"),
            (
                _("Dienststelle"),
                f"{employee['dienststelle']['code']} – {employee['dienststelle']['name']}",
            ),
            (_("Entry date"), _day(employee["entry_date"])),
            (_("Employed"), _employed(employee)),
        ]
    return facts


def _registration_status(status: str) -> str:
    """The status as the seminars app names it (privacy is above seminars: ARCHITECTURE.md)."""
    return str(dict(SeminarRegistration.Status.choices).get(status, status))


def _runs(answers: list[dict]) -> list[dict]:
    """The self-check section has a row per answer; the table has a row per run."""
    runs: dict = {}
    for answer in answers:
        runs.setdefault(answer["run__completed_at"], answer)
    return list(runs.values())


def my_data_tables(data: PersonalData) -> dict[str, Table]:
    recent = data.recent_statements
    return {
        "progress": Table(
            _("Modules you started"),
            (_("Module"), _("Started"), _("Last activity"), _("Completed")),
            [
                (
                    row["module_title"] or row["module_key"],
                    _when(row["started_at"], missing=""),
                    _when(row["updated_at"], missing=""),
                    _when(row["completed_at"]),
                )
                for row in data.learning_progress
            ],
        ),
        "lessons": Table(
            _("Lessons you read"),
            (_("Lesson"), _("Module"), _("Read")),
            [
                (
                    row["lesson_title"] or row["lesson_key"],
                    row["module_title"] or row["module_key"],
                    _when(row["read_at"], missing=""),
                )
                for row in data.lessons_read
            ],
        ),
        "cmi5": Table(
            _("Launches from a learning platform (cmi5)"),
            (_("Module"), _("Learning platform"), _("Launched"), _("Mode"), _("Ended")),
            [
                (
                    row["module_title"] or row["module_key"],
                    row["endpoint"],
                    _when(row["launched_at"], missing=""),
                    row["launch_mode"],
                    _when(row["closed_at"]),
                )
                for row in data.cmi5_sessions
            ],
        ),
        "quizzes": Table(
            _("Your quiz attempts (your answers are in the download)"),
            (_("Quiz"), _("Module"), _("Submitted"), _("Score"), _("Result")),
            [
                (
                    row["quiz_title"] or row["quiz_key"],
                    row["module_title"] or row["module_key"],
                    _when(row["submitted_at"], missing=""),
                    _score(row),
                    _("passed") if row["passed"] else _("not passed"),
                )
                for row in data.quiz_attempts
            ],
        ),
        "scenarios": Table(
            _("Your choices in scenarios (the chosen options are in the download)"),
            (_("Page"), _("Answered")),
            [
                (row["page_title"] or row["page_key"], _when(row["answered_at"], missing=""))
                for row in data.scenario_answers
            ],
        ),
        "impulses": Table(
            _("Your answers to security impulses"),
            (_("Security impulse"), _("Answered"), _("Result")),
            [
                (
                    row["impulse_title"] or row["impulse_key"],
                    _when(row["answered_at"], missing=""),
                    _("correct") if row["correct"] else _("not correct"),
                )
                for row in data.impulse_answers
            ],
        ),
        "exercises": Table(
            _("Your answers to exercises (the answers themselves are in the download)"),
            (_("Page"), _("Answered"), _("Result")),
            [
                (
                    row["page_title"] or row["page_key"],
                    _when(row["answered_at"], missing=""),
                    _("all right") if row["success"] else _("not all right"),
                )
                for row in data.exercise_answers
            ],
        ),
        "selfcheck": Table(
            _("Your runs of the home office check (your answers are in the download)"),
            (_("Completed"), _("Steps done"), _("Counted in the statistics")),
            [
                (
                    _when(run["run__completed_at"], missing=""),
                    _("%(done)s of %(total)s")
                    % {
                        "done": localize(run["run__done"]),
                        "total": localize(run["run__total"]),
                    },
                    _("yes, your latest run (without your name)")
                    if run["run__latest"]
                    else _("no"),
                )
                for run in _runs(data.selfcheck_runs)
            ],
        ),
        "seminar_registrations": Table(
            _("Your registrations for sessions"),
            (_("Session"), _("Starts"), _("Status"), _("Registered"), _("Cancelled")),
            [
                (
                    row["module_title"] or row["module_key"],
                    _when(row["starts_at"], missing=""),
                    _registration_status(row["status"]),
                    _when(row["registered_at"], missing=""),
                    _when(row["cancelled_at"]),
                )
                for row in data.seminar_registrations
            ],
        ),
        "seminar_attendance": Table(
            _("Your attendance at sessions, as recorded by the trainer"),
            (_("Session"), _("Starts"), _("Recorded")),
            [
                (
                    row["module_title"] or row["module_key"],
                    _when(row["starts_at"], missing=""),
                    _when(row["recorded_at"], missing=""),
                )
                for row in data.seminar_attendance
            ],
        ),
        "obligations": Table(
            _("Your obligations"),
            (_("Obligation"), _("Last acknowledged"), _("Counts until"), _("Due by")),
            [
                (
                    row["obligation__title"],
                    _acknowledged(row),
                    _until(row["current_until"]),
                    _due(row["due_on"]),
                )
                for row in data.obligations
            ],
        ),
        "acknowledgements": Table(
            _("Your entries in the acknowledgement ledger"),
            (_("Entry"), _("Obligation"), _("Acknowledged at"), _("Kind"), _("Language")),
            [
                (
                    f"#{localize(row['seq'])}",
                    f"{row['obligation']} ({_version(row['obligation_version'])})",
                    _when(row["confirmed_at"], missing=""),
                    _entered(row),
                    row["language"],
                )
                for row in data.acknowledgements
            ],
        ),
        "reminders": Table(
            _("Reminder e-mails sent to you"),
            (_("Obligation"), _("Sent on")),
            [
                (row["obligation__title"], _day(row["sent_on"], missing=""))
                for row in data.reminders
            ],
        ),
        "statements": Table(
            ngettext(
                "The latest learning record",
                "The latest %(counter)s learning records",
                len(recent),
            )
            % {"counter": len(recent)},
            (_("When"), _("What"), _("Activity")),
            [
                (
                    _when(row["timestamp"], missing=""),
                    _verb(row),
                    _activity(row["object_name"], row["object_activity_id"]),
                )
                for row in recent
            ],
        ),
        "registrations": Table(
            _("Registrations (one per module, or from a learning platform's launch)"),
            (_("Activity"), _("Created"), _("Launched from a learning platform")),
            [
                (
                    _activity(row["activity_name"], row["activity_iri"]),
                    _when(row["created_at"], missing=""),
                    _when(row["launched_at"]),
                )
                for row in data.xapi_registrations
            ],
        ),
        "authenticators": Table(
            _("Your second factors (without their secrets)"),
            (_("Type"), _("Created"), _("Last used")),
            [
                (row["type"], _when(row["created_at"], missing=""), _when(row["last_used_at"]))
                for row in data.authenticators
            ],
        ),
        "single_sign_on": Table(
            _("Your identities at the identity provider (the claims kept are in the download)"),
            (_("Identifier at the identity provider"), _("Linked"), _("Last sign-in")),
            [
                (row["uid"], _when(row["date_joined"], missing=""), _when(row["last_login"]))
                for row in data.single_sign_on
            ],
        ),
    }
