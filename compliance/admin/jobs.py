"""Start buttons for compliance's background jobs (on the admin's job list): POST only, for
users who may start the kind; the job page follows."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

import jobs
from jobs.services import JobNotPermitted

from .. import jobs as compliance_jobs


def _start(request, kind: str, function: str):
    try:
        job = jobs.start(kind, function, user=request.user)
    except JobNotPermitted as error:
        raise PermissionDenied from error
    return redirect("jobs_detail", pk=job.pk)


@require_POST
def start_verify_ledger(request):
    return _start(request, compliance_jobs.VERIFY_LEDGER, "compliance.jobs.verify_ledger_job")


@require_POST
def start_send_reminders(request):
    return _start(request, compliance_jobs.SEND_REMINDERS, "compliance.jobs.send_reminders_job")
