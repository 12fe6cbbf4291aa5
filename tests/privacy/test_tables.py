"""privacy.tables: the tables of "Meine Daten" as display text."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils import translation

from privacy.selectors import PersonalData
from privacy.tables import my_data_tables
from seminars.models import Registration as SeminarRegistration

UTC = ZoneInfo("UTC")


def data(**sections) -> PersonalData:
    empty = {
        key: []
        for key in (
            "learning_progress",
            "lessons_read",
            "cmi5_sessions",
            "quiz_attempts",
            "scenario_answers",
            "impulse_answers",
            "exercise_answers",
            "obligations",
            "acknowledgements",
            "reminders",
            "xapi_registrations",
            "authenticators",
            "single_sign_on",
            "selfcheck_runs",
            "seminar_registrations",
            "seminar_attendance",
        )
    }
    return PersonalData({**empty, **sections})


def test_every_table_has_a_caption_and_columns_and_no_rows_without_data():
    with translation.override("de"):
        tables = my_data_tables(data())
    assert len(tables) == 17
    for table in tables.values():
        assert table.caption and table.columns and table.rows == []


def test_obligation_rows_show_missing_and_endless_dates_as_the_page_did():
    obligation = {
        "obligation__title": "Phishing",
        "acknowledged_version": 2,
        "acknowledged_at": datetime(2026, 12, 6, 16, 5, tzinfo=UTC),
        "current_until": date(9999, 12, 31),
        "due_on": date(9999, 12, 31),
    }
    waiting = {
        "obligation__title": "Passwörter",
        "acknowledged_version": None,
        "acknowledged_at": None,
        "current_until": None,
        "due_on": date(2027, 1, 20),
    }
    with translation.override("de"):
        rows = my_data_tables(data(obligations=[obligation, waiting]))["obligations"].rows
    assert rows[0] == ("Phishing", "06.12.2026 17:05 (Fassung 2)", "unbefristet", "–")
    assert rows[1] == ("Passwörter", "–", "–", "20.01.2027")


def test_quiz_scores_are_localised():
    attempt = {
        "quiz_title": "",
        "quiz_key": "key",
        "module_title": "Modul",
        "module_key": "m",
        "submitted_at": datetime(2026, 12, 6, 16, 5, tzinfo=UTC),
        "points": 5,
        "max_points": 6,
        "percent": 83,
        "passed": True,
    }
    with translation.override("en"):
        row = my_data_tables(data(quiz_attempts=[attempt]))["quizzes"].rows[0]
    assert row[0] == "key"
    assert row[3:] == ("5 of 6 (83 %)", "passed")


def test_the_self_check_table_has_a_row_per_run_not_per_answer():
    first, second = (datetime(2026, 11, day, 9, 0, tzinfo=UTC) for day in (2, 30))
    answers = [
        {"run__completed_at": first, "run__done": 1, "run__total": 2, "run__latest": False},
        {"run__completed_at": first, "run__done": 1, "run__total": 2, "run__latest": False},
        {"run__completed_at": second, "run__done": 2, "run__total": 2, "run__latest": True},
        {"run__completed_at": second, "run__done": 2, "run__total": 2, "run__latest": True},
    ]
    with translation.override("de"):
        rows = my_data_tables(data(selfcheck_runs=answers))["selfcheck"].rows
    assert [row[1:] for row in rows] == [
        ("1 von 2", "nein"),
        ("2 von 2", "ja, Ihr letzter Durchgang (ohne Ihren Namen)"),
    ]


def test_session_rows_name_the_module_and_the_status_in_german():
    start = datetime(2027, 1, 12, 9, 0, tzinfo=UTC)
    registration = {
        "module_title": "Phishing erkennen",
        "module_key": "k",
        "starts_at": start,
        "status": "waiting",
        "registered_at": start,
        "cancelled_at": None,
    }
    attended = {"module_title": "", "module_key": "k2", "starts_at": start, "recorded_at": start}
    with translation.override("de"):
        tables = my_data_tables(
            data(seminar_registrations=[registration], seminar_attendance=[attended])
        )
    (row,) = tables["seminar_registrations"].rows
    assert row[0] == "Phishing erkennen" and row[2] == "Auf der Warteliste" and row[4] == "–"
    assert tables["seminar_attendance"].rows[0][0] == "k2"  # a module since deleted: its key


def test_the_session_status_is_the_label_the_seminars_app_gives_it():
    start = datetime(2027, 1, 12, 9, 0, tzinfo=UTC)
    rows = [
        {"module_title": "M", "starts_at": start, "status": status, "registered_at": start}
        | {"module_key": "k", "cancelled_at": None}
        for status in [*SeminarRegistration.Status.values, "archived"]
    ]
    with translation.override("en"):
        statuses = [
            row[2]
            for row in my_data_tables(data(seminar_registrations=rows))[
                "seminar_registrations"
            ].rows
        ]
        labels = [str(label) for label in SeminarRegistration.Status.labels]
    assert statuses == [*labels, "archived"]  # an unknown status as stored
