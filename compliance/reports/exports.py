"""Report exports as background jobs: above SENSI_REPORT_INLINE_MAX_EMPLOYEES a download
request queues a job (see `jobs`) instead of making the file in the request.

The worker rebuilds the request from what was asked (user, path, query) and makes the file
with the same code as the inline download (`views.EXPORTS`), with the scope of the user at
run time: a permission lost meanwhile fails the job. The access log entry is written in the
job's transaction, so a failed attempt leaves neither a log entry nor a file, and a retry
logs and produces the file once. The file is kept in the private storage for
SENSI_JOBS_RESULT_RETENTION_DAYS and handed out to the user who asked for it and to those
with the same report scope (`may_view`).
"""

from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import jobs
from jobs import Outcome
from jobs import registry as job_registry

from ..models import Employee
from .forms import PlaceForm
from .scopes import scope_for

REPORT_EXPORT = "compliance.report_export"


def may_request(user) -> bool:
    return scope_for(user).may_view


def may_view(user, job) -> bool:
    """Another user sees a report job when their report scope is the one it was made for."""
    scope = scope_for(user)
    return scope.may_view and job.arguments.get("scope") == scope.describe()


def register() -> None:
    job_registry.register(
        REPORT_EXPORT,
        gettext_lazy("Report download"),
        may_start=may_request,
        may_view=may_view,
    )


def covered_employees(rr) -> int:
    """Active employees the request's selection can cover: the scope's Ressorts, narrowed to
    the Ressort and Dienststelle asked for (a named list). An upper bound, cheap to count."""
    employees = Employee.objects.filter(active=True)
    ressort_ids = rr.scope.ressort_ids
    if ressort_ids is not None:
        employees = employees.filter(ressort_id__in=sorted(ressort_ids))
    place = PlaceForm(rr.request.GET)
    if place.is_valid():
        if place.cleaned_data.get("ressort"):
            employees = employees.filter(ressort__code=place.cleaned_data["ressort"])
        if place.cleaned_data.get("dienststelle"):
            employees = employees.filter(dienststelle__pk=place.cleaned_data["dienststelle"])
    return employees.count()


def start_export_job(rr, export: str):
    request = rr.request
    return jobs.start(
        REPORT_EXPORT,
        "compliance.reports.exports.report_export_job",
        user=request.user,
        reuse_unfinished=True,
        user_id=request.user.pk,
        export=export,
        report=rr.report,
        path=request.path,
        query=request.GET.urlencode(),
        scope=rr.scope.describe(),
    )


def report_export_job(*, progress, user_id, export, report, path, query, scope):
    from .views import EXPORTS, build_report_request

    user = get_user_model().objects.get(pk=user_id, is_active=True)
    request = SimpleNamespace(user=user, path=path, GET=QueryDict(query))
    with transaction.atomic():
        try:
            rr = build_report_request(request, report)
        except PermissionDenied:
            return Outcome(ok=False, summary=_("You no longer have access to this report."))
        if not rr.form.is_valid():
            return Outcome(ok=False, summary=_("The filters of this report are not valid."))
        try:
            made = EXPORTS[export](rr, progress)
        except PermissionDenied:
            # (the access log entry written before goes with the transaction)
            transaction.set_rollback(True)
            return Outcome(ok=False, summary=_("You no longer have access to this report."))
        content = made.content()
    return Outcome(summary=_("The file is ready."), file_name=made.filename, file_content=content)
