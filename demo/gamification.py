"""Demo gamification: every element switched on, a running "Sicherheitswoche" between the
Ressorts, colleagues who took part in it, and a streak of three weeks for the demo learner
(beschaeftigte@), who answers this week's impulse in the demo to extend it.

Answers go through `impulses.services.answer_impulse` (with their statements); the demo
learner's earlier answers are then dated to their impulse's week, as if given then. The
learner's modules stay open: the demo journey and its tests start from a fresh learner, so
the ring starts at 0 and the badges are still to earn.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from compliance.models import Employee, Ressort
from gamification.models import GamificationSettings, TeamChallenge
from impulses.models import ImpulseAnswer, ImpulsePage, monday_of
from impulses.services import answer_impulse

from .organisation import DEMO_NUMBER_PREFIX

LEARNER = "beschaeftigte@sensi.example"
STREAK_WEEKS = 3
CHALLENGE = {
    "title": "Sicherheitswoche",
    "description": "Eine Woche für mehr Sicherheit: Beantworten Sie den Sicherheitsimpuls der "
    "Woche oder schließen Sie ein Modul ab. Gezählt wird, welcher Anteil jedes Ressorts "
    "mitmacht – niemand wird einzeln genannt.",
    "level": TeamChallenge.Level.RESSORT,
    "activity": TeamChallenge.Activity.EITHER,
}
# Of each Ressort's colleagues (in the order of their personnel numbers): every n-th takes
# part, so the shares differ between the Ressorts.
EVERY_NTH = (2, 3, 4, 5)


def switch_everything_on() -> None:
    config = GamificationSettings.load()
    config.streaks = config.badges = config.progress_ring = config.team_challenges = True
    config.save()


def seed_challenge() -> TeamChallenge:
    """This week's Sicherheitswoche, Monday to Sunday; moved to the current week when the demo
    is seeded again later."""
    monday = monday_of(timezone.localdate())
    challenge, _created = TeamChallenge.objects.update_or_create(
        title=CHALLENGE["title"],
        defaults={**CHALLENGE, "starts_on": monday, "ends_on": monday + timedelta(days=6)},
    )
    return challenge


def _impulse_of_week(monday) -> ImpulsePage | None:
    """The demo's impulse for everyone of that week (demo.impulses, one per week)."""
    return (
        ImpulsePage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE, everyone=True, week_of=monday)
        .first()
    )


def seed_participants(impulse: ImpulsePage) -> None:
    colleagues = (
        Employee.objects.filter(personnel_number__startswith=f"{DEMO_NUMBER_PREFIX}1", active=True)
        .select_related("user")
        .order_by("ressort__code", "personnel_number")
    )
    by_ressort: dict[int, list[Employee]] = {}
    for person in colleagues:
        by_ressort.setdefault(person.ressort_id, []).append(person)
    ressorts = (
        Ressort.objects.filter(pk__in=by_ressort).order_by("code").values_list("pk", flat=True)
    )
    answered = set(
        ImpulseAnswer.objects.filter(impulse_key=impulse.translation_key).values_list(
            "user_id", flat=True
        )
    )
    for index, ressort_id in enumerate(ressorts):
        step = EVERY_NTH[index % len(EVERY_NTH)]
        for person in by_ressort[ressort_id][::step]:
            if person.user_id in answered:
                continue
            option = impulse.question_view().options[index % 2]
            answer_impulse(user=person.user, impulse=impulse, option_id=option.id)


def seed_learner_streak(this_monday) -> None:
    learner = get_user_model().objects.filter(email=LEARNER).first()
    if learner is None:
        return
    for weeks_ago in range(1, STREAK_WEEKS + 1):
        monday = this_monday - timedelta(weeks=weeks_ago)
        impulse = _impulse_of_week(monday)
        if impulse is None:
            continue
        correct = next(option for option in impulse.question_view().options if option.correct)
        answer, created = answer_impulse(user=learner, impulse=impulse, option_id=correct.id)
        if created:
            wednesday = timezone.make_aware(datetime.combine(monday + timedelta(days=2), time(10)))
            ImpulseAnswer.objects.filter(pk=answer.pk).update(answered_at=wednesday)


# Who plans team challenges ("Team-Aktionen") in the Wagtail admin; the switches stay with
# the administrators.
CHALLENGE_PLANNERS = ("Redaktion", "CISO")


def grant_challenge_planners() -> None:
    """The Redaktion and the CISO plan challenges: the snippet's permissions, and the admin
    itself for the CISO (the Redaktion has it from demo.seed)."""
    permissions = Permission.objects.filter(
        content_type__app_label="gamification",
        codename__in=[f"{action}_teamchallenge" for action in ("add", "change", "delete", "view")],
    )
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for group in Group.objects.filter(name__in=CHALLENGE_PLANNERS):
        group.permissions.add(*permissions, access_admin)


@transaction.atomic
def seed_gamification() -> TeamChallenge:
    """After demo.impulses: switches, the challenge, its participants, the learner's streak."""
    switch_everything_on()
    grant_challenge_planners()
    challenge = seed_challenge()
    this_monday = monday_of(timezone.localdate())
    current = _impulse_of_week(this_monday)
    if current is not None:
        seed_participants(current)
    seed_learner_streak(this_monday)
    return challenge
