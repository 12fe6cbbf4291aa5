"""The personal data of `impulses` (see `gdpr`): the learner's answers to impulses (kept for
the learning retention period), the opt-in to the weekly e-mail (kept while it stands) and the
log of e-mails sent (kept like reminders)."""

from datetime import datetime

from django.db.models import DateField, F, QuerySet, UUIDField, Value

from gdpr import Declaration, Deletion, Section

from .models import DigestDelivery, DigestSubscription, ImpulseAnswer


def impulse_answers(user) -> QuerySet:
    return (
        ImpulseAnswer.objects.filter(user=user)
        .order_by("answered_at", "pk")
        .values("impulse_key", "option_id", "correct", "answered_at")
    )


def impulse_emails(user) -> tuple[QuerySet, QuerySet]:
    """The opt-in to the weekly e-mail (kind "subscribed") and each e-mail sent (kind "sent")."""
    subscribed = DigestSubscription.objects.filter(user=user).values(
        kind=Value("subscribed"),
        at=F("subscribed_at"),
        week=Value(None, output_field=DateField()),
        impulse=Value(None, output_field=UUIDField()),
    )
    sent = DigestDelivery.objects.filter(user=user).values(
        kind=Value("sent"), at=F("sent_at"), week=F("week_of"), impulse=F("impulse_key")
    )
    return subscribed, sent


def email_log(user, rows: list[dict]) -> list[dict]:
    """Both kinds in one list, by time."""
    return sorted(rows, key=lambda row: row["at"])


def expired_impulse_answers(cutoff: datetime) -> QuerySet:
    return ImpulseAnswer.objects.filter(answered_at__lt=cutoff)


def expired_impulse_emails(cutoff: datetime) -> QuerySet:
    return DigestDelivery.objects.filter(sent_at__lt=cutoff)


DECLARATION = Declaration(
    models=(ImpulseAnswer, DigestSubscription, DigestDelivery),
    sections=(
        Section("impulse_answers", impulse_answers, titles={"impulse_key": "impulse_title"}),
        Section("impulse_emails", impulse_emails, shape=email_log),
    ),
    retention=(
        Deletion("impulse_answers", "learning", expired_impulse_answers),
        Deletion("impulse_emails", "reminders", expired_impulse_emails),
    ),
)
