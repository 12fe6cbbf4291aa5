"""The accessibility statement (BITV 2.0 §7) with its feedback form."""

import uuid
from datetime import date

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from content.languages import current_language
from courses import app_settings as courses_settings

from . import app_settings
from .forms import FeedbackForm
from .services import record_feedback

# When the statement was written and last reviewed; update with every review.
STATEMENT_DATE = date(2026, 12, 2)


@require_http_methods(["GET", "POST"])
def statement(request):
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if not form.is_spam:  # a bot gets the same answer, and nothing is stored
                record_feedback(
                    submission_id=data["submission_id"],
                    message=data["message"],
                    name=data["name"],
                    email=data["email"],
                    page=data["page"],
                    language=current_language(),
                )
            messages.success(
                request,
                _("Thank you. We have received your feedback and will look into it."),
            )
            # Post/Redirect/Get: reloading the page does not send the feedback again. The
            # fragment sends the reader to the thank-you message at the top of the content;
            # without it the browser would keep the form's #feedback and show a blank form.
            return redirect(reverse("accessibility:statement") + "#main")
        status = 400
    else:
        form = FeedbackForm(
            initial={"submission_id": uuid.uuid4(), "page": request.GET.get("page", "")[:500]}
        )
        status = 200
    context = {
        "form": form,
        "statement_date": STATEMENT_DATE,
        "contact_email": app_settings.SENSI_ACCESSIBILITY_FEEDBACK_EMAIL,
        "enforcement_name": app_settings.SENSI_ACCESSIBILITY_ENFORCEMENT_NAME,
        "enforcement_url": app_settings.SENSI_ACCESSIBILITY_ENFORCEMENT_URL,
        "base_url": settings.SENSI_BASE_URL,
        "lesson_min_seconds": courses_settings.setting("SENSI_LESSON_MIN_SECONDS"),
        "lesson_max_minutes": round(courses_settings.setting("SENSI_LESSON_MAX_SECONDS") / 60, 1),
    }
    return TemplateResponse(request, "accessibility/statement.html", context, status=status)
