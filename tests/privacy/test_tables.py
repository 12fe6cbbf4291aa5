"""privacy.tables: the tables of "Meine Daten" as display text."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils import translation

from privacy.selectors import PersonalData
from privacy.tables import my_data_tables

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
        )
    }
    return PersonalData({**empty, **sections})


def test_every_table_has_a_caption_and_columns_and_no_rows_without_data():
    with translation.override("de"):
        tables = my_data_tables(data())
    assert len(tables) == 14
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
