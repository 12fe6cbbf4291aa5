"""Sections that other apps add to "Meine Schulungen" and to a module's page, so that courses
need not know them (the compliance app adds the employee's obligations, seminars the
sessions)."""

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


# Sections other apps add to a module's page (the seminars app lists its sessions there).
ModuleSectionRenderer = Callable[[object, object], SafeString | None]
_module_renderers: list[ModuleSectionRenderer] = []


def register_module_section(renderer: ModuleSectionRenderer) -> ModuleSectionRenderer:
    """Register a function(request, module) that returns rendered HTML, or None."""
    _module_renderers.append(renderer)
    return renderer


def render_module_sections(request, module) -> list[SafeString]:
    return [html for renderer in _module_renderers if (html := renderer(request, module))]
