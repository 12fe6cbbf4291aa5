"""Administrators record an acknowledgement given outside Sensi (e.g. on paper) as a
correction entry in the ledger: with a reason and their own name, never as an edit."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from ..models import Employee, ObligationVersion
from ..services import AcknowledgementRefused, record_correction

PERMISSION = "compliance.add_ledgerentry"


class CorrectionForm(forms.Form):
    personnel_number = forms.CharField(label=gettext_lazy("Personnel number"), max_length=32)
    version = forms.ModelChoiceField(
        label=gettext_lazy("Obligation and version"),
        queryset=ObligationVersion.objects.select_related("obligation").order_by(
            "obligation__title", "-number"
        ),
    )
    confirmed_on = forms.DateField(
        label=gettext_lazy("Acknowledged on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the text"),
        choices=[("de", gettext_lazy("German")), ("en", gettext_lazy("English"))],
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("E.g. “Signed paper form of 24 November, filed under …”."),
    )

    def clean_personnel_number(self):
        number = self.cleaned_data["personnel_number"].strip()
        employee = Employee.objects.filter(personnel_number=number).first()
        if employee is None:
            raise forms.ValidationError(_("No employee has this personnel number."))
        self.employee = employee
        return number

    def clean_confirmed_on(self):
        day = self.cleaned_data["confirmed_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return day


def record_correction_view(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = CorrectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        day = form.cleaned_data["confirmed_on"]
        confirmed_at = timezone.make_aware(timezone.datetime(day.year, day.month, day.day, 12, 0))
        try:
            entry = record_correction(
                employee=form.employee,
                version=form.cleaned_data["version"],
                confirmed_at=confirmed_at,
                language=form.cleaned_data["language"],
                reason=form.cleaned_data["reason"],
                recorded_by=request.user,
            )
        except AcknowledgementRefused as error:
            form.add_error("reason", str(error))
        else:
            messages.success(request, _("Recorded as ledger entry #%(seq)s.") % {"seq": entry.seq})
            return redirect("compliance_record_correction")
    return TemplateResponse(request, "compliance/admin/record_correction.html", {"form": form})
