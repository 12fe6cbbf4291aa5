"""Teilnahmebescheinigungen: the learner's download, and the public page that checks a code."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from accounts import ratelimits
from content.languages import current_language

from .. import app_settings
from ..dates import local_date
from ..models import LedgerEntry
from ..selectors import module_completed_at
from .codes import check_certificate, normalise
from .pdf import Certificate, certificate_pdf


@login_required
def certificate_pdf_view(request, seq: int):
    """Only for the employee's own entries; anyone else gets a 404, not a hint that it exists."""
    entry = get_object_or_404(
        LedgerEntry.objects.select_related(
            "employee__user",
            "employee__ressort",
            "employee__dienststelle",
            "obligation_version__obligation__module",
        ),
        seq=seq,
        employee__user=request.user,
    )
    completed = module_completed_at(
        employee=entry.employee, obligation=entry.obligation_version.obligation
    )
    pdf = certificate_pdf(Certificate(entry=entry, module_completed_at=completed))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sensi-bescheinigung-{seq}.pdf"'
    return response


class VerificationForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=64,
        help_text=_(
            "As printed on the certificate, e.g. ABCD-EFGH-JKMN-PQRS-TVWX-1. Spaces and "
            "hyphens do not matter."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}
        ),
    )

    def full_clean(self):
        super().full_clean()
        if "code" in self.errors:  # screen readers announce the error with the field
            auto_id = self["code"].auto_id
            self.fields["code"].widget.attrs["aria-describedby"] = (
                f"{auto_id}_error {auto_id}_helptext"
            )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        if normalise(code) is None:
            raise forms.ValidationError(
                _("This is not a verification code. Please check what you typed.")
            )
        return code


@require_GET
def verify_certificate(request):
    """Public, without sign-in: the form, and with `?code=` the answer for that code. The
    answer names the state, the module and the dates, never the person."""
    form = VerificationForm(request.GET if "code" in request.GET else None)
    result = None
    status = 200
    if form.is_bound:
        rates = app_settings.SENSI_RATE_LIMIT_CERTIFICATE_CHECK
        if not ratelimits.consume(request, action="certificate_check", rates=rates):
            response = TemplateResponse(
                request,
                "429.html",
                {"retry_after_minutes": 1, "back_url": request.path},
                status=429,
            )
            response["Retry-After"] = "60"
            return _private(response)
        if form.is_valid():
            result = check_certificate(form.cleaned_data["code"])
        else:
            status = 400
    context = {"form": form, "result": result, "facts": _facts(result) if result else []}
    response = TemplateResponse(
        request, "compliance/verify_certificate.html", context, status=status
    )
    return _private(response)


def _facts(result) -> list[tuple[str, str]]:
    if not result.known:
        return []
    language = current_language()
    return [
        (_("Mandatory training"), result.obligation_title),
        (_("Module"), f"{result.module_title} ({_('version')} {result.module_version})"),
        (_("Acknowledgement confirmed on"), local_date(result.acknowledged_on, language)),
        (
            _("Valid until"),
            local_date(result.valid_until, language) if result.valid_until else _("no expiry"),
        ),
    ]


def _private(response):
    # Answers depend on the ledger at this moment; keep them out of caches and search engines.
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
