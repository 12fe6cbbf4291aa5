from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """Look up `key` in a dict from a template (quiz answers and errors by question id)."""
    return mapping.get(key) if mapping else None
