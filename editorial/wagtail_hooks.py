from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from . import autosave


@hooks.register("before_create_page")
def discard_abandoned_attempts(request, parent_page, page_class):
    """Starting a new page (the form, its autosave, its save) clears the way: an abandoned
    autosaved attempt with the same slug below the same parent, and old ones, go."""
    autosave.discard_abandoned_attempts(
        user=request.user, parent=parent_page, slug=request.POST.get("slug", "").strip()
    )


@hooks.register("after_create_page")
def remember_autosaved_attempt(request, page):
    autosave.remember_attempt(request=request, page=page)


@hooks.register("after_edit_page")
@hooks.register("after_publish_page")
def keep_saved_page(request, page):
    autosave.keep_page(request=request, page=page)


@hooks.register("construct_homepage_panels")
def editors_dashboard(request, panels):
    """Sensi's panels, each for the roles it is for, in place of Wagtail's."""
    from .dashboard import panels_for

    panels[:] = panels_for(request.user)


@hooks.register("insert_editor_js")
def draftail_accessible_names():
    """Names for Draftail's editable areas (axe: aria-input-field-name), see the script."""
    return format_html('<script src="{}"></script>', static("editorial/draftail-names.js"))
