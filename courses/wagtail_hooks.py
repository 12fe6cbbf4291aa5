from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from . import admin_views
from .models import ModulePage


@hooks.register("register_admin_urls")
def tincan_urls():
    return [
        path(
            "module/<int:page_id>/tincan.zip",
            admin_views.tincan_package,
            name="courses_tincan_package",
        )
    ]


@hooks.register("register_page_header_buttons")
@hooks.register("register_page_listing_more_buttons")
def tincan_button(page, user, next_url=None, view_name=None):
    if isinstance(page.specific_deferred, ModulePage) and page.live:
        yield Button(
            _("TinCan package for Moodle"),
            reverse("courses_tincan_package", args=[page.pk]),
            icon_name="download",
            priority=90,
        )
