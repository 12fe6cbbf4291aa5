"""The site's pages of a background job (a report or data export that became a job): its
progress and, once done, its file. The admin has its own ("Hintergrundaufträge")."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "jobs"
urlpatterns = [
    # The prefix of all of them: for privileged people a page that needs the second factor
    # (accounts.middleware), as the reports whose files they hand out.
    path(pgettext_lazy("URL", "jobs/"), views.site_jobs, name="index"),
    path(pgettext_lazy("URL", "jobs/<int:pk>/"), views.site_job, name="job"),
    path(pgettext_lazy("URL", "jobs/<int:pk>/status/"), views.site_job_status, name="status"),
    path(pgettext_lazy("URL", "jobs/<int:pk>/download/"), views.site_download, name="download"),
    path(pgettext_lazy("URL", "jobs/<int:pk>/retry/"), views.site_retry, name="retry"),
]
