"""What publishing a module will set off elsewhere, shown to the editor before publishing.

Other apps react to a module being published (compliance issues new obligation versions), but
courses must not import them: obligations depend on modules, not the reverse. So an app that
reacts registers a provider here, and the module's edit view shows what the providers say.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

if TYPE_CHECKING:
    from .models import ModulePage


@dataclass(frozen=True)
class Consequence:
    """One sentence for the editor; "warning" when the publish asks people to act."""

    message: str
    level: Literal["info", "warning"] = "info"


Provider = Callable[["ModulePage"], list[Consequence]]
_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    """Register a provider (usable as a decorator); registering twice keeps one."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def outlook(module: "ModulePage") -> list[Consequence]:
    """What publishing `module` as it is now saved would set off, from every provider."""
    if module.pk is None:
        return []
    return [consequence for provider in _providers for consequence in provider(module)]


class PublishOutlookPanel(Panel):
    """The outlook in the edit view, read from the draft as last saved."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("When you publish"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/panels/publish_outlook.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["consequences"] = outlook(self.instance)
            return context

        def is_shown(self):
            return self.instance.pk is not None and super().is_shown()
