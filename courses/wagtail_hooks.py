from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from quizzes.selectors import LESSONS_TO_REREAD_HOOK

from . import admin_views, services
from .models import ModulePage
from .selectors import lessons_not_read_since


@hooks.register("register_admin_urls")
def tincan_urls():
    return [
        path(
            "module/<int:page_id>/tincan.zip",
            admin_views.tincan_package,
            name="courses_tincan_package",
        ),
        path(
            "module/<int:page_id>/cmi5.zip",
            admin_views.cmi5_package,
            name="courses_cmi5_package",
        ),
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
        yield Button(
            _("cmi5 package"),
            reverse("courses_cmi5_package", args=[page.pk]),
            icon_name="download",
            priority=91,
        )


@hooks.register(LESSONS_TO_REREAD_HOOK)
def lessons_to_reread(*, user, quiz, since):
    """The quiz's "re-read the lessons after N failures" rule, answered from lesson reads."""
    return lessons_not_read_since(user=user, module=quiz.get_parent().specific, since=since)


def _keep_quiz_last_below(page) -> None:
    parent = page.get_parent().specific_deferred
    if isinstance(parent, ModulePage):
        services.keep_quiz_last(module=parent)


@hooks.register("after_create_page")
def quiz_stays_last_after_create(request, page):
    """A new lesson goes before the module's quiz, not after it."""
    _keep_quiz_last_below(page)


@hooks.register("after_copy_page")
def quiz_stays_last_after_copy(request, page, new_page):
    _keep_quiz_last_below(new_page)


@hooks.register("after_move_page")
def quiz_stays_last_after_move(request, page):
    _keep_quiz_last_below(page)
