"""E-mail the Redaktion when a module's "review by" date comes near (`manage.py
send_review_reminders`, daily by cron).

One reminder per module and date: the ReviewReminder row is written in the same transaction
as the mails are sent, and its unique (module, review_by) constraint keeps a second run, or
two overlapping ones, from sending again. A new "review by" date gets a new reminder. A run
that cannot send rolls back its row, so the next run tries again. Each editor gets their own
mail (no list of colleagues' addresses).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from . import app_settings
from .models import ModulePage, ReviewReminder
from .selectors import modules_due_for_review


@dataclass(frozen=True)
class Reminded:
    module: ModulePage
    recipients: int
    sent: bool  # False: a dry run


def review_editors():
    """Active members of the Redaktion group with an e-mail address."""
    return (
        get_user_model()
        .objects.filter(groups__name=app_settings.SENSI_REVIEW_GROUP, is_active=True)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def _message(module: ModulePage, editor) -> EmailMessage:
    context = {
        "module": module,
        "name": editor.get_full_name(),
        "url": settings.SENSI_BASE_URL + reverse("wagtailadmin_pages:edit", args=[module.pk]),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("courses/email/review_reminder_subject.txt", context)
        body = render_to_string("courses/email/review_reminder_body.txt", context)
    return EmailMessage(" ".join(subject.split()), body, to=[editor.email])


def send_review_reminders(
    *, today: date, dry_run: bool = False, report: Callable[[Reminded], None] = lambda r: None
) -> list[Reminded]:
    """Remind the Redaktion of every module due for review that has no reminder for its
    current date yet."""
    editors = list(review_editors())
    due = modules_due_for_review(today=today).exclude(review_reminders__review_by=F("review_by"))
    done = []
    for module in due:
        sent = not dry_run and bool(editors)
        reminded = Reminded(module=module, recipients=len(editors), sent=sent)
        if not dry_run and editors:
            try:
                with transaction.atomic():
                    ReviewReminder.objects.create(
                        module=module, review_by=module.review_by, recipients=len(editors)
                    )
                    with get_connection() as connection:
                        connection.send_messages([_message(module, e) for e in editors])
            except IntegrityError:
                continue  # an overlapping run reminded the Redaktion already
        done.append(reminded)
        report(reminded)
    return done
