"""What the gamification section shows, computed from the records other apps keep: a few
aggregate queries per visit, nothing stored, no row of another person read into Python.

- streak: consecutive ISO weeks (Europe/Berlin) in which the learner answered a
  Sicherheitsimpuls, up to this week (or last week while this week's answer is still open);
- badges: one per curriculum topic whose published modules the learner has all completed;
- ring: completed modules out of the published ones;
- team shares: per Ressort or Dienststelle, the share of active employees who took part in a
  running challenge, in whole percent rounded down, withheld below the minimum group size.
"""

import operator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import reduce

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone

from compliance.models import Employee
from compliance.reports.selectors import minimum_group_size
from content import site_cache
from courses.models import ModulePage, ModuleProgress, Topic
from impulses.selectors import answers_between, answers_of

from .models import GamificationSettings, PersonalProgressOptOut, TeamChallenge

# A streak longer than this many weeks is shown as this many: the query stays bounded.
STREAK_WEEKS_MAX = 520


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def start_of_day(day: date) -> datetime:
    """Midnight at the start of `day` in the site's time zone (Europe/Berlin)."""
    return timezone.make_aware(datetime.combine(day, time.min))


def switches() -> GamificationSettings:
    """The deployment's switches; read with the site structure (content.site_cache), so
    "Meine Schulungen" pays no query for them."""
    return site_cache.setting(GamificationSettings)


def has_opted_out(user) -> bool:
    return PersonalProgressOptOut.objects.filter(user=user).exists()


# --- personal progress ------------------------------------------------------------------------


@dataclass(frozen=True)
class Streak:
    weeks: int
    this_week_done: bool


def answered_weeks(user) -> list[date]:
    """The Mondays (Europe/Berlin) of the weeks with an answer, newest first; one query."""
    zone = timezone.get_default_timezone()
    weeks = (
        answers_of(user)
        .annotate(week=TruncWeek("answered_at", tzinfo=zone))
        .values_list("week", flat=True)
        .distinct()
        .order_by("-week")[:STREAK_WEEKS_MAX]
    )
    return [
        timezone.localtime(week, zone).date() if isinstance(week, datetime) else week
        for week in weeks
    ]


def streak_for(user, *, today: date | None = None) -> Streak:
    this_week = monday_of(today or timezone.localdate())
    weeks = answered_weeks(user)
    done = set(weeks)
    # This week still open: the streak runs up to last week until the learner answers.
    week = this_week if this_week in done else this_week - timedelta(weeks=1)
    count = 0
    while week in done:
        count += 1
        week -= timedelta(weeks=1)
    return Streak(weeks=count, this_week_done=this_week in done)


@dataclass(frozen=True)
class TopicProgress:
    topic: str
    done: int
    total: int

    @property
    def label(self) -> str:
        return Topic(self.topic).label if self.topic in Topic.values else self.topic

    @property
    def earned(self) -> bool:
        return self.total > 0 and self.done >= self.total


@dataclass(frozen=True)
class Ring:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return self.done * 100 // self.total if self.total else 0


def topic_progress(user) -> list[TopicProgress]:
    """Per topic: the published modules (each counted once over its language versions) and
    how many of them the learner has completed; one query."""
    completed = ModuleProgress.objects.filter(user=user, completed_at__isnull=False).values(
        "module_key"
    )
    rows = (
        ModulePage.objects.live()
        .values("topic")
        .annotate(
            total=Count("translation_key", distinct=True),
            done=Count("translation_key", distinct=True, filter=Q(translation_key__in=completed)),
        )
        .order_by("topic")
    )
    return [TopicProgress(row["topic"], row["done"], row["total"]) for row in rows]


def ring_of(topics: list[TopicProgress]) -> Ring:
    return Ring(sum(t.done for t in topics), sum(t.total for t in topics))


@dataclass(frozen=True)
class PersonalProgress:
    streak: Streak | None
    badges: list[TopicProgress] | None
    ring: Ring | None


def personal_progress_for(user, config: GamificationSettings, *, today=None) -> PersonalProgress:
    """Only what the deployment has switched on is computed. The caller checks the learner's
    opt-out first."""
    topics = topic_progress(user) if config.badges or config.progress_ring else []
    return PersonalProgress(
        streak=streak_for(user, today=today) if config.streaks else None,
        badges=topics if config.badges else None,
        ring=ring_of(topics) if config.progress_ring else None,
    )


# --- team challenges ----------------------------------------------------------------------------


def running_challenges(*, today: date | None = None) -> QuerySet[TeamChallenge]:
    today = today or timezone.localdate()
    return TeamChallenge.objects.filter(starts_on__lte=today, ends_on__gte=today).order_by(
        "ends_on", "pk"
    )


@dataclass(frozen=True)
class TeamShare:
    """One team's figure as shown: no counts, only the rounded share or that it is withheld."""

    team_id: int
    code: str
    name: str
    percent: int | None  # None: fewer members than the minimum group size
    own: bool

    @property
    def withheld(self) -> bool:
        return self.percent is None


def _took_part(challenge: TeamChallenge) -> Q:
    start = start_of_day(challenge.starts_on)
    end = start_of_day(challenge.ends_on + timedelta(days=1))
    activity = TeamChallenge.Activity
    conditions = []
    if challenge.activity in (activity.IMPULSE, activity.EITHER):
        conditions.append(Q(user_id__in=answers_between(start, end).values("user_id")))
    if challenge.activity in (activity.MODULE, activity.EITHER):
        completed = ModuleProgress.objects.filter(completed_at__gte=start, completed_at__lt=end)
        conditions.append(Q(user_id__in=completed.values("user_id")))
    return reduce(operator.or_, conditions)


def team_shares(challenge: TeamChallenge, *, own_team: int | None = None) -> list[TeamShare]:
    """Each team of the challenge's level with its share; one aggregate query over the active
    employees. Shares are whole percent rounded down; a team below the minimum group size
    gets no figure at all."""
    field = "ressort" if challenge.level == TeamChallenge.Level.RESSORT else "dienststelle"
    minimum = minimum_group_size()
    rows = (
        Employee.objects.filter(active=True)
        .values(f"{field}_id", f"{field}__code", f"{field}__name")
        .annotate(members=Count("pk"), took_part=Count("pk", filter=_took_part(challenge)))
        .order_by(f"{field}__name", f"{field}__code")
    )
    return [
        TeamShare(
            team_id=row[f"{field}_id"],
            code=row[f"{field}__code"],
            name=row[f"{field}__name"],
            percent=(
                None if row["members"] < minimum else row["took_part"] * 100 // row["members"]
            ),
            own=row[f"{field}_id"] == own_team,
        )
        for row in rows
    ]


def own_teams(user) -> dict[str, int]:
    """The learner's Ressort and Dienststelle (ids), to mark their own team; one query."""
    if not getattr(user, "is_authenticated", False):
        return {}
    row = (
        Employee.objects.filter(user=user, active=True)
        .values("ressort_id", "dienststelle_id")
        .first()
    )
    return {"ressort": row["ressort_id"], "dienststelle": row["dienststelle_id"]} if row else {}


@dataclass(frozen=True)
class ChallengeView:
    challenge: TeamChallenge
    teams: list[TeamShare]

    @property
    def own(self) -> TeamShare | None:
        return next((team for team in self.teams if team.own), None)


def challenges_for(user, *, today: date | None = None) -> list[ChallengeView]:
    challenges = list(running_challenges(today=today))
    if not challenges:
        return []
    teams = own_teams(user)
    return [
        ChallengeView(challenge, team_shares(challenge, own_team=teams.get(challenge.level)))
        for challenge in challenges
    ]
