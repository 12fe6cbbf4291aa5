"""Which impulse whom: this week's impulse for a learner's audience, the public ones for the
feeds, the widget and the screensaver.

The German page decides schedule and audience (it is the source of the translations); what a
reader sees is its version in the reader's language where one is published.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from compliance.models import Employee
from quizzes.questions import Option, Question

from .models import DigestSubscription, ImpulseAnswer, ImpulsePage


def scheduled(*, today: date | None = None) -> QuerySet[ImpulsePage]:
    """Published impulses in the source language whose week has begun, newest first."""
    today = today or timezone.localdate()
    return (
        ImpulsePage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE, week_of__lte=today)
        .order_by("-week_of", "-pk")
    )


def audience_of(user) -> Q:
    """The impulses meant for `user`: those for everyone and, for an employee, those for their
    Ressort or their Dienststelle or one above it. Subqueries, not a query of their own: the
    dashboard asks this on every visit."""
    condition = Q(everyone=True)
    if not getattr(user, "is_authenticated", False):
        return condition
    employee = Employee.objects.filter(user=user, active=True)
    for_ressort = ImpulsePage.ressorts.through.objects.filter(
        impulsepage_id=OuterRef("pk"), ressort__employees__in=employee
    )
    for_office = ImpulsePage.dienststellen.through.objects.filter(
        impulsepage_id=OuterRef("pk")
    ).filter(Exists(employee.filter(dienststelle__path__startswith=OuterRef("dienststelle__path"))))
    return condition | Q(Exists(for_ressort)) | Q(Exists(for_office))


def in_language(pages: list[ImpulsePage], language: str, *, fallback: bool) -> list[ImpulsePage]:
    """Each page in `language` (one query); without a published translation the page itself
    (`fallback`) or nothing."""
    if language == settings.LANGUAGE_CODE or not pages:
        return list(pages)
    translations = {
        page.translation_key: page
        for page in ImpulsePage.objects.live().filter(
            locale__language_code=language,
            translation_key__in=[page.translation_key for page in pages],
        )
    }
    result = []
    for page in pages:
        shown = translations.get(page.translation_key, page if fallback else None)
        if shown is not None:
            result.append(shown)
    return result


def current_impulse_for(user, *, language: str, today: date | None = None) -> ImpulsePage | None:
    """This week's impulse for the learner: the newest one of their audience whose week has
    begun."""
    page = scheduled(today=today).filter(audience_of(user)).first()
    if page is None:
        return None
    return in_language([page], language, fallback=True)[0]


def available_to(impulse: ImpulsePage, user, *, today: date | None = None) -> bool:
    """Whether the learner may see and answer this impulse (any language version)."""
    return (
        scheduled(today=today)
        .filter(audience_of(user), translation_key=impulse.translation_key)
        .exists()
    )


def public_impulses(
    *, language: str, limit: int = 20, fallback: bool = True, today: date | None = None
) -> list[ImpulsePage]:
    """The newest public impulses (for everyone, published, week begun). With `fallback`,
    those not translated into `language` appear in the source language."""
    pages = list(scheduled(today=today).filter(everyone=True)[:limit])
    return in_language(pages, language, fallback=fallback)


@dataclass(frozen=True)
class ImpulseCard:
    """An impulse as a learner meets it: its question, and their answer once given."""

    impulse: ImpulsePage
    question: Question
    answer: ImpulseAnswer | None
    source: str  # where the form posts from: "dashboard" or "page"
    subscribed: bool = False

    @property
    def chosen(self) -> Option | None:
        return self.question.option(self.answer.option_id) if self.answer else None

    @property
    def correct_option(self) -> Option | None:
        return next((option for option in self.question.options if option.correct), None)


def dashboard_card_for(user, *, language: str) -> ImpulseCard | None:
    """This week's impulse for the learner as a card on "Meine Schulungen", with their answer
    and digest subscription read in the same query (a second one for a translation)."""
    answers = ImpulseAnswer.objects.filter(user=user, impulse_key=OuterRef("translation_key"))
    fields = ("pk", "option_id", "correct", "answered_at")
    page = (
        scheduled()
        .filter(audience_of(user))
        .select_related("locale")
        .annotate(
            subscribed=Exists(DigestSubscription.objects.filter(user=user)),
            **{f"answer_{f}": Subquery(answers.values(f)[:1]) for f in fields},
        )
        .first()
    )
    if page is None:
        return None
    answer = None
    if page.answer_pk is not None:
        answer = ImpulseAnswer(
            user=user,
            impulse_key=page.translation_key,
            **{f: getattr(page, f"answer_{f}") for f in fields},
        )
    shown = in_language([page], language, fallback=True)[0]
    return ImpulseCard(shown, shown.question_view(), answer, "dashboard", page.subscribed)


def card_for(*, impulse: ImpulsePage, user, source: str) -> ImpulseCard:
    answer = None
    subscribed = False
    if getattr(user, "is_authenticated", False):
        answer = ImpulseAnswer.objects.filter(
            user=user, impulse_key=impulse.translation_key
        ).first()
        subscribed = DigestSubscription.objects.filter(user=user).exists()
    return ImpulseCard(impulse, impulse.question_view(), answer, source, subscribed)


def answers_of(user) -> QuerySet[ImpulseAnswer]:
    """The learner's own answers (gamification counts its weekly streak from them)."""
    return ImpulseAnswer.objects.filter(user=user)


def answers_between(start: datetime, end: datetime) -> QuerySet[ImpulseAnswer]:
    """Answers given from `start` (inclusive) to `end` (exclusive), for aggregates over teams
    (gamification's challenges): callers count them, they list no one."""
    return ImpulseAnswer.objects.filter(answered_at__gte=start, answered_at__lt=end)
