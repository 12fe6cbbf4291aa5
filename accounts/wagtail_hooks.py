from django.template.loader import render_to_string
from wagtail import hooks

from .sessions import warning_context


@hooks.register("insert_global_admin_js")
def session_timeout_warning():
    """The session warning in the Wagtail admin (only signed-in people see the admin). The
    hook has no request: the script counts from the page load and takes the CSRF token from
    the admin's own configuration."""
    return render_to_string("accounts/session_timeout.html", warning_context())
