"""The Wagtail admin's "Hintergrundaufträge": a user's jobs (a superuser's: everyone's) with
their progress, result and errors; the download of a result; a retry of a failed job."""

from django.contrib import messages
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import registry, services
from .models import Job
from .selectors import any_running, jobs_visible_to

LIST_SIZE = 100
REFRESH_SECONDS = 3


def _visible_job(request, pk: int) -> Job:
    # Someone else's job is "not found", not "forbidden": its existence is not disclosed.
    return get_object_or_404(jobs_visible_to(request.user), pk=pk)


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
            may_retry=job.state == Job.State.FAILED
            and registry.may_start(job.kind, self.request.user),
            retries=list(job.retries.order_by("pk")),
        )
        return context


def job_status(request, pk: int):
    """The figures the progress script polls while a job runs."""
    job = _visible_job(request, pk)
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
    job = _visible_job(request, pk)
    if not job.result_file:
        raise Http404
    return FileResponse(
        job.result_file.open("rb"),
        as_attachment=True,
        filename=job.result_file.name.rsplit("/", 1)[-1],
    )


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
