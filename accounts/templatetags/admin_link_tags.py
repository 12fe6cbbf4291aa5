from django import template

from accounts.groups import may_use_admin as _may_use_admin

register = template.Library()


@register.simple_tag(takes_context=True)
def may_use_admin(context) -> bool:
    """`{% may_use_admin as may_edit %}`: see accounts.groups.may_use_admin."""
    request = context.get("request")
    return _may_use_admin(getattr(request, "user", None))
