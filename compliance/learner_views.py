"""The employee's side: confirm an obligation's text, download the confirmation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail import hooks

from content.languages import current_language
from courses.dashboard import register_section
from quizzes.selectors import RESULT_NOTICES_HOOK

from .certificates.confirmation_pdf import confirmation_pdf
from .models import LedgerEntry
from .models.obligations import text_hash
from .selectors import employee_for, obligations_for, obligations_of_user
from .services import AcknowledgementRefused, confirm_acknowledgement


@register_section
def obligations_section(request):
    """The employee's obligations at the top of "Meine Schulungen"."""
    if not request.user.is_authenticated:
        return None
    items = obligations_of_user(request.user)
    if not items:
        return None
    return render_to_string(
        "compliance/my_obligations.html", {"items": items, "request": request}, request=request
    )


@hooks.register(RESULT_NOTICES_HOOK)
def acknowledgement_notice(*, request, quiz, attempt):
    """On a passed quiz's result page: whether the module's acknowledgement is still due,
    with the way to confirm it."""
    if not attempt.passed:
        return None
    employee = employee_for(request.user)
    if employee is None:
        return None
    module_key = quiz.get_parent().translation_key
    item = next(
        (i for i in obligations_for(employee) if i.obligation.module.translation_key == module_key),
        None,
    )
    if item is None:
        return None
    return render_to_string(
        "compliance/acknowledgement_notice.html", {"item": item}, request=request
    )


@login_required
@require_http_methods(["GET", "POST"])
def confirm(request, obligation_id: int):
    employee = employee_for(request.user)
    items = obligations_for(employee) if employee else []
    item = next((i for i in items if i.obligation.pk == obligation_id), None)
    if item is None:
        raise Http404(_("You do not have this obligation."))
    language = current_language()
    text = item.version.text_for(language)
    context = {"item": item, "text": text, "text_hash": text_hash(text)}
    if request.method == "POST":
        if request.POST.get("confirmed") != "yes":
            context["error"] = _("Please tick the box to confirm that you have taken note.")
            return TemplateResponse(request, "compliance/confirm.html", context, status=400)
        try:
            entry, created = confirm_acknowledgement(
                employee=employee,
                obligation=item.obligation,
                language=language,
                shown_text_hash=request.POST.get("text_hash", ""),
            )
        except AcknowledgementRefused as error:
            messages.error(request, str(error))
            return TemplateResponse(request, "compliance/confirm.html", context, status=400)
        if created:
            messages.success(request, _("Thank you. Your acknowledgement has been recorded."))
        else:
            messages.info(request, _("You had already confirmed this; it counts once."))
        return redirect("courses:my_training")
    return TemplateResponse(request, "compliance/confirm.html", context)


@login_required
def confirmation_pdf_view(request, seq: int):
    """Only the employee's own entries; anyone else gets a 404, not a hint that it exists."""
    entry = get_object_or_404(
        LedgerEntry.objects.select_related(
            "employee__user", "employee__ressort", "obligation_version__obligation"
        ),
        seq=seq,
        employee__user=request.user,
    )
    response = HttpResponse(confirmation_pdf(entry), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sensi-kenntnisnahme-{seq}.pdf"'
    return response
