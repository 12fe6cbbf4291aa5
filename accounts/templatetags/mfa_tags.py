from django import template

from accounts.views import safe_next

register = template.Library()


@register.simple_tag(takes_context=True)
def next_url(context) -> str:
    """The page that asked for the second factor (`next`), if it is on this site."""
    request = context.get("request")
    return safe_next(request) if request is not None else ""
