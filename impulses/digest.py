"""The weekly e-mail with this week's impulse, for learners who opted in.

Each learner gets at most one per week: the week is claimed in DigestDelivery (unique per
learner and week) before the mail goes out, in its own transaction, so that overlapping runs
never send twice and a failure part-way keeps the log of the mails already sent. A mail that
could not be sent gives up its claim and is tried again on the next run.
"""

import logging
from collections import Counter
from collections.abc import Callable
from datetime import date
from enum import StrEnum

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags

from .models import DigestDelivery, DigestSubscription, ImpulsePage, monday_of
from .selectors import current_impulse_for

logger = logging.getLogger(__name__)


class Outcome(StrEnum):
    SENT = "sent"
    WOULD_SEND = "would send"
    NOTHING = "nothing"  # no impulse for the learner's audience yet
    FAILED = "failed"


def language_for(user) -> str:
    """Users have no language preference yet (as in compliance's reminders): the site's."""
    return settings.LANGUAGE_CODE


def digest_message(*, user, impulse: ImpulsePage) -> EmailMessage:
    with translation.override(language_for(user)):
        question = impulse.question_view()
        context = {
            "name": user.get_full_name(),
            "impulse": impulse,
            "tip": " ".join(strip_tags(impulse.tip).split()),
            "question": question,
            "url": settings.SENSI_BASE_URL + reverse("courses:my_training") + "#impulse",
        }
        subject = render_to_string("impulses/email/digest_subject.txt", context)
        body = render_to_string("impulses/email/digest_body.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[user.email])


def _claim(*, user, week: date, impulse: ImpulsePage) -> DigestDelivery | None:
    try:
        with transaction.atomic():
            return DigestDelivery.objects.create(
                user=user, week_of=week, impulse_key=impulse.translation_key
            )
    except IntegrityError:
        return None  # another run has it


def send_digests(
    *, today: date | None = None, dry_run: bool = False, report: Callable | None = None
) -> Counter:
    """Send this week's impulse to every subscriber not yet served this week."""
    today = today or timezone.localdate()
    week = monday_of(today)
    outcomes: Counter = Counter()
    subscriptions = (
        DigestSubscription.objects.filter(user__is_active=True)
        .exclude(user__impulse_digests__week_of=week)
        .select_related("user")
        .order_by("pk")
    )
    for subscription in subscriptions.iterator(chunk_size=500):
        user = subscription.user
        impulse = current_impulse_for(user, language=language_for(user), today=today)
        if impulse is None:
            outcome = Outcome.NOTHING
        elif dry_run:
            outcome = Outcome.WOULD_SEND
        elif (claim := _claim(user=user, week=week, impulse=impulse)) is None:
            continue
        else:
            try:
                digest_message(user=user, impulse=impulse).send()
                outcome = Outcome.SENT
            except Exception:
                logger.exception("Impulse e-mail to user %s failed; will try again.", user.pk)
                claim.delete()
                outcome = Outcome.FAILED
        outcomes[outcome] += 1
        if report:
            report(user, impulse, outcome)
    logger.info("Impulse e-mails for the week of %s: %s", week, dict(outcomes))
    return outcomes
