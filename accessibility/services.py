import logging
import uuid

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation

from . import app_settings
from .models import AccessibilityFeedback

logger = logging.getLogger(__name__)


def record_feedback(
    *,
    submission_id: uuid.UUID,
    message: str,
    name: str = "",
    email: str = "",
    page: str = "",
    language: str,
) -> tuple[AccessibilityFeedback, bool]:
    """Store one feedback and mail it to the accessibility contact once it is committed.

    Returns the feedback and whether it is new: the same form sent twice counts once.
    """
    try:
        with transaction.atomic():
            feedback = AccessibilityFeedback.objects.create(
                submission_id=submission_id,
                message=message,
                name=name,
                email=email,
                page=page,
                language=language,
            )
    except IntegrityError:
        return AccessibilityFeedback.objects.get(submission_id=submission_id), False
    transaction.on_commit(lambda: _mail(feedback))
    return feedback, True


def _mail(feedback: AccessibilityFeedback) -> None:
    recipient = app_settings.SENSI_ACCESSIBILITY_FEEDBACK_EMAIL
    if not recipient:
        logger.warning(
            "Accessibility feedback %s stored, but no address to mail it to.", feedback.pk
        )
        return
    # The recipients read German; the feedback itself stays in the sender's words.
    with translation.override(settings.LANGUAGE_CODE):
        context = {"feedback": feedback, "base_url": settings.SENSI_BASE_URL}
        subject = render_to_string("accessibility/email/feedback_subject.txt", context)
        body = render_to_string("accessibility/email/feedback_body.txt", context)
    EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
        reply_to=[feedback.email] if feedback.email else None,
    ).send()
