"""gamification.selectors: streak, badges, ring and the teams' shares, from existing records."""

import datetime

import pytest
from django.test import override_settings

from gamification.models import TeamChallenge
from gamification.selectors import (
    personal_progress_for,
    ring_of,
    streak_for,
    team_shares,
    topic_progress,
)
from tests.factories import UserFactory, dienststelle, module_page, ressort

from .conftest import answer_on, at, challenge, complete, switch_on, team

pytestmark = pytest.mark.django_db
MINIMUM = 5


def weeks(*mondays):
    return [datetime.date.fromisoformat(day) for day in mondays]


def test_streak_runs_across_the_year_boundary(learner):
    # 2026 has 53 ISO weeks: W52 (21 Dec), W53 (28 Dec), then 2027-W01 (4 Jan).
    for day in weeks("2026-12-22", "2026-12-31", "2027-01-05"):
        answer_on(learner, at(day))
    streak = streak_for(learner, today=datetime.date(2027, 1, 7))
    assert streak.weeks == 3
    assert streak.this_week_done


def test_streak_counts_weeks_in_berlin_time(learner):
    # Sunday 3 January 2027, 23:30 UTC is Monday 4 January, 00:30 in Berlin: week 2027-W01.
    moment = datetime.datetime(2027, 1, 3, 23, 30, tzinfo=datetime.UTC)
    answer_on(learner, moment)
    answer_on(learner, at(datetime.date(2026, 12, 30)))
    assert streak_for(learner, today=datetime.date(2027, 1, 6)).weeks == 2


def test_a_gap_ends_the_streak(learner):
    for day in weeks("2026-11-02", "2026-11-09", "2026-11-23", "2026-11-30"):
        answer_on(learner, at(day))
    assert streak_for(learner, today=datetime.date(2026, 12, 2)).weeks == 2


def test_an_open_week_keeps_the_streak_until_it_ends(learner):
    for day in weeks("2026-11-16", "2026-11-23"):
        answer_on(learner, at(day))
    streak = streak_for(learner, today=datetime.date(2026, 12, 1))  # Tuesday, not answered yet
    assert (streak.weeks, streak.this_week_done) == (2, False)
    assert streak_for(learner, today=datetime.date(2026, 12, 8)).weeks == 0


def test_several_answers_in_one_week_count_once(learner):
    for hour in (8, 9, 10):
        answer_on(learner, at(datetime.date(2026, 11, 24), hour))
    assert streak_for(learner, today=datetime.date(2026, 11, 25)).weeks == 1


def test_another_learners_answers_do_not_count(learner):
    answer_on(UserFactory(), at(datetime.date(2026, 11, 24)))
    assert streak_for(learner, today=datetime.date(2026, 11, 25)).weeks == 0


def test_a_badge_needs_every_published_module_of_its_topic(learner, home):
    security = [module_page(home=home, lessons=1, questions=[]) for _ in range(2)]
    privacy = module_page(home=home, lessons=1, questions=[], topic="data_protection")
    complete(learner, security[0])
    complete(learner, privacy)
    topics = {t.topic: t for t in topic_progress(learner)}
    assert (topics["it_security"].done, topics["it_security"].total) == (1, 2)
    assert not topics["it_security"].earned
    assert topics["data_protection"].earned
    assert topics["data_protection"].label == "Datenschutz"
    complete(learner, security[1])
    assert all(t.earned for t in topic_progress(learner))


def test_unpublished_modules_and_unfinished_progress_do_not_count(learner, home):
    done = module_page(home=home, lessons=1, questions=[])
    withdrawn = module_page(home=home, lessons=1, questions=[])
    started = module_page(home=home, lessons=1, questions=[])
    complete(learner, done)
    complete(learner, withdrawn)
    withdrawn.unpublish()
    complete(learner, started).__class__.objects.filter(module_key=started.translation_key).update(
        completed_at=None
    )
    ring = ring_of(topic_progress(learner))
    assert (ring.done, ring.total, ring.percent) == (1, 2, 50)


def test_the_ring_rounds_down_and_handles_an_empty_curriculum(learner, home):
    assert ring_of(topic_progress(learner)).percent == 0
    modules = [module_page(home=home, lessons=1, questions=[]) for _ in range(3)]
    complete(learner, modules[0])
    assert ring_of(topic_progress(learner)).percent == 33


def test_switched_off_elements_are_not_computed(learner, django_assert_num_queries):
    config = switch_on(streaks=False, badges=False, progress_ring=False)
    with django_assert_num_queries(0):
        progress = personal_progress_for(learner, config)
    assert (progress.streak, progress.badges, progress.ring) == (None, None, None)


def test_personal_progress_takes_two_queries(learner, home, django_assert_max_num_queries):
    for _ in range(4):
        complete(learner, module_page(home=home, lessons=1, questions=[]))
    for week in range(20):
        answer_on(learner, at(datetime.date(2026, 1, 5) + datetime.timedelta(weeks=week)))
    config = switch_on()
    with django_assert_max_num_queries(2):
        progress = personal_progress_for(learner, config, today=datetime.date(2026, 5, 20))
    assert progress.streak.weeks == 20
    assert progress.ring.done == 4


# --- team challenges --------------------------------------------------------------------------


@override_settings(SENSI_COMPLIANCE_MIN_GROUP_SIZE=MINIMUM)
def test_a_team_below_the_minimum_gets_no_figure_at_the_boundary():
    big = dienststelle("GROSS-Z", of=ressort("GROSS", "Großes Ministerium"))
    small = dienststelle("KLEIN-Z", of=ressort("KLEIN", "Kleines Ministerium"))
    members = team(big, MINIMUM)
    few = team(small, MINIMUM - 1)
    running = challenge()
    for person in (*members[:2], *few):
        answer_on(person.user, at(running.starts_on))
    shares = {share.code: share for share in team_shares(running)}
    assert shares["GROSS"].percent == 40
    assert shares["KLEIN"].withheld and shares["KLEIN"].percent is None


@override_settings(SENSI_COMPLIANCE_MIN_GROUP_SIZE=MINIMUM)
def test_inactive_employees_do_not_make_a_team_big_enough():
    office = dienststelle("KLEIN-Z", of=ressort("KLEIN", "Kleines Ministerium"))
    people = team(office, MINIMUM)
    people[0].active = False
    people[0].save()
    assert team_shares(challenge())[0].withheld


@override_settings(SENSI_COMPLIANCE_MIN_GROUP_SIZE=MINIMUM)
def test_only_what_counts_within_the_period_counts(home):
    office = dienststelle("A-Z", of=ressort("A", "Ministerium A"))
    people = team(office, 6)
    running = challenge(activity=TeamChallenge.Activity.MODULE)
    module = module_page(home=home, lessons=1, questions=[])
    complete(people[0].user, module, at(running.starts_on, 0))  # first minute of the first day
    complete(people[1].user, module, at(running.starts_on - datetime.timedelta(days=1), 23))
    answer_on(people[2].user, at(running.starts_on))  # an impulse: not what counts here
    assert team_shares(running)[0].percent == 16  # 1 of 6, rounded down
    running.activity = TeamChallenge.Activity.EITHER
    assert team_shares(running)[0].percent == 33


@override_settings(SENSI_COMPLIANCE_MIN_GROUP_SIZE=MINIMUM)
def test_dienststelle_teams_count_their_own_employees_and_mark_the_learners():
    top = dienststelle("A-Z", of=ressort("A", "Ministerium A"))
    below = dienststelle("A-Z-1", parent=top, name="Referat 1")
    team(top, MINIMUM)
    mine = team(below, MINIMUM)
    running = challenge(level=TeamChallenge.Level.DIENSTSTELLE)
    answer_on(mine[0].user, at(running.starts_on))
    shares = {s.code: s for s in team_shares(running, own_team=mine[0].dienststelle_id)}
    assert (shares["A-Z"].percent, shares["A-Z-1"].percent) == (0, 20)
    assert shares["A-Z-1"].own and not shares["A-Z"].own


@override_settings(SENSI_COMPLIANCE_MIN_GROUP_SIZE=MINIMUM)
def test_team_shares_take_one_query_whatever_the_size(django_assert_num_queries):
    for code in ("A", "B", "C"):
        team(dienststelle(f"{code}-Z", of=ressort(code, f"Ministerium {code}")), 6)
    running = challenge(activity=TeamChallenge.Activity.EITHER)
    with django_assert_num_queries(1):
        shares = team_shares(running)
    assert len(shares) == 3
