from django import template

from ..sessions import warning_context

register = template.Library()


@register.inclusion_tag("accounts/session_timeout.html", takes_context=True)
def session_timeout_warning(context):
    """The script that warns before the idle timeout, for signed-in people only."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return {"enabled": False}
    return {
        **warning_context(expires_in=getattr(request, "session_expires_in", None)),
        "csrf_token": context.get("csrf_token"),
    }
