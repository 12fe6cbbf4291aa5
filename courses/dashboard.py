"""Sections that other apps add to "Meine Schulungen", so that courses need not know them
(the compliance app adds the employee's obligations)."""

from collections.abc import Callable

from django.utils.safestring import SafeString

SectionRenderer = Callable[[object], SafeString | None]
_renderers: list[SectionRenderer] = []


def register_section(renderer: SectionRenderer) -> SectionRenderer:
    """Register a function(request) that returns rendered HTML, or None to show nothing."""
    _renderers.append(renderer)
    return renderer


def render_sections(request) -> list[SafeString]:
    return [html for renderer in _renderers if (html := renderer(request))]
