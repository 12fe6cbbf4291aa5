from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def jobs_admin_urls():
    return [
        path("jobs/", views.JobIndexView.as_view(), name="jobs_index"),
        path("jobs/<int:pk>/", views.JobDetailView.as_view(), name="jobs_detail"),
        path("jobs/<int:pk>/status/", views.job_status, name="jobs_status"),
        path("jobs/<int:pk>/download/", views.download, name="jobs_download"),
        path("jobs/<int:pk>/retry/", views.retry, name="jobs_retry"),
    ]


@hooks.register("register_admin_menu_item")
def jobs_menu_item():
    # Everyone in the admin sees their own jobs; nothing more is needed to open the list.
    return MenuItem(
        _("Background jobs"), reverse("jobs_index"), name="jobs", icon_name="cogs", order=10000
    )
