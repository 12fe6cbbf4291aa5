"""The HR import as an upload in the Wagtail admin, with the same report as the command.

The upload is stored (privately) and imported by a background job (compliance.jobs), so a
file of 250,000 rows does not hold a web worker; the job page shows its progress and report."""

import logging

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

import jobs

logger = logging.getLogger(__name__)

# Some 600,000 rows; the import runs in the background and reads the stored file row by row,
# so the limit is the reverse proxy's body size (docs/operations.md), not the request's time
# or the worker's memory.
MAX_FILE_SIZE = 64 * 1024 * 1024


def can_import_employees(user) -> bool:
    return user.is_active and (user.is_superuser or user.has_perm("compliance.add_employee"))


class EmployeeImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file from HR"),
        help_text=_(
            "Columns separated by semicolons, UTF-8 or Windows-1252: Personalnummer; "
            "Nachname; Vorname; E-Mail; Ressort; Dienststelle; Eintrittsdatum and optionally "
            "Austrittsdatum."
        ),
    )
    dry_run = forms.BooleanField(
        label=_("Dry run"),
        required=False,
        initial=True,
        help_text=_("Only show what the import would change. Untick to import."),
    )
    partial = forms.BooleanField(
        label=_("Partial file"),
        required=False,
        help_text=_(
            "The file lists only some employees. Without this, everyone missing from the "
            "file is marked as left and can no longer sign in."
        ),
    )
    skip_invalid = forms.BooleanField(
        label=_("Skip invalid rows"),
        required=False,
        help_text=_(
            "Import the valid rows of a file with errors. Without this, a file with errors "
            "changes nothing."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_SIZE:
            raise forms.ValidationError(
                _("The file is larger than %(size)s; import it with the management command.")
                % {"size": filesizeformat(MAX_FILE_SIZE)}
            )
        return upload


class EmployeeImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "compliance/admin/employee_import.html"
    form_class = EmployeeImportForm
    page_title = _("Import employees")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not can_import_employees(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_url"] = reverse("compliance_import_employees")
        return context

    def form_valid(self, form):
        options = form.cleaned_data
        job = jobs.start(
            "compliance.import_employees",
            "compliance.jobs.import_employees_job",
            user=self.request.user,
            input_name="hr-export.csv",
            input_content=options["file"],
            full=not options["partial"],
            dry_run=options["dry_run"],
            skip_invalid=options["skip_invalid"],
        )
        logger.info("HR import by user %s queued as job %s", self.request.user.pk, job.pk)
        return redirect("jobs_detail", pk=job.pk)
