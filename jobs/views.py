"""The Wagtail admin's "Hintergrundaufträge": a user's jobs (a superuser's: everyone's) with
their progress, result and errors; the download of a result; a retry of a failed job."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import app_settings, registry, services
from .models import Job
from .selectors import any_running, jobs_visible_to, may_view

LIST_SIZE = 100
REFRESH_SECONDS = 3


def _visible_job(request, pk: int) -> Job:
    # Someone else's job is "not found", not "forbidden": its existence is not disclosed.
    job = get_object_or_404(Job.objects.select_related("started_by", "retry_of"), pk=pk)
    if not may_view(request.user, job):
        raise Http404
    return job


def _may_retry(user, job: Job) -> bool:
    return (
        job.state == Job.State.FAILED
        and registry.may_start(job.kind, user)
        and job.arguments.get("user_id", user.pk) == user.pk
    )


class JobIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "jobs/admin/index.html"
    page_title = gettext_lazy("Background jobs")
    header_icon = "cogs"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        jobs = list(jobs_visible_to(self.request.user)[:LIST_SIZE])
        context.update(
            jobs=jobs,
            refresh=any_running(jobs),
            refresh_seconds=REFRESH_SECONDS,
            startable=registry.startable_by(self.request.user),
        )
        return context


class JobDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "jobs/admin/detail.html"
    header_icon = "cogs"

    def dispatch(self, request, *args, **kwargs):
        self.job = _visible_job(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.job)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("jobs_index"), "label": _("Background jobs")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        job = self.job
        context.update(
            job=job,
            refresh=not job.finished,
            refresh_seconds=REFRESH_SECONDS,
            may_retry=_may_retry(self.request.user, job),
            retries=list(job.retries.order_by("pk")),
        )
        return context


def job_status(request, pk: int):
    """The figures the progress script polls while a job runs."""
    job = _visible_job(request, pk)
    return _status(job)


def _status(job: Job) -> JsonResponse:
    return JsonResponse(
        {
            "state": job.state,
            "state_label": job.get_state_display(),
            "done": job.done,
            "total": job.total,
            "percent": job.percent,
            "stage": job.stage,
            "finished": job.finished,
        }
    )


def download(request, pk: int):
    return _download(_visible_job(request, pk))


def _download(job: Job) -> FileResponse:
    if not job.result_file:
        raise Http404
    response = FileResponse(
        job.result_file.open("rb"),
        as_attachment=True,
        filename=job.result_file.name.rsplit("/", 1)[-1],
    )
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def retry(request, pk: int):
    job = _visible_job(request, pk)
    try:
        attempt = services.retry(job, user=request.user)
    except services.JobNotPermitted:
        messages.error(request, _("This job cannot be retried."))
        return redirect("jobs_detail", pk=job.pk)
    messages.success(request, _("A new attempt was queued."))
    return redirect("jobs_detail", pk=attempt.pk)


# --- on the site: the page a download that became a job redirects to -------------------------


@login_required
@never_cache
@require_GET
def site_jobs(request):
    """The files one asked for lately (a download that became a job)."""
    jobs = list(Job.objects.filter(started_by=request.user)[:LIST_SIZE])
    return TemplateResponse(request, "jobs/jobs.html", {"jobs": jobs})


@login_required
@never_cache
@require_GET
def site_job(request, pk: int):
    job = _visible_job(request, pk)
    return TemplateResponse(
        request,
        "jobs/job.html",
        {
            "job": job,
            "refresh": not job.finished,
            "refresh_seconds": REFRESH_SECONDS,
            "may_retry": _may_retry(request.user, job),
            "retries": list(job.retries.order_by("pk")),
            "retention_days": app_settings.SENSI_JOBS_RESULT_RETENTION_DAYS,
        },
    )


@login_required
@never_cache
@require_GET
def site_job_status(request, pk: int):
    return _status(_visible_job(request, pk))


@login_required
@never_cache
@require_GET
def site_download(request, pk: int):
    return _download(_visible_job(request, pk))


@login_required
@require_POST
def site_retry(request, pk: int):
    job = _visible_job(request, pk)
    try:
        attempt = services.retry(job, user=request.user)
    except services.JobNotPermitted:
        messages.error(request, _("This job cannot be retried."))
        return redirect("jobs:job", pk=job.pk)
    messages.success(request, _("A new attempt was queued."))
    return redirect("jobs:job", pk=attempt.pk)
