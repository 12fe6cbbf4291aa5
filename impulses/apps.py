from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpulsesConfig(AppConfig):
    name = "impulses"
    verbose_name = _("Security impulses")

    def ready(self):
        # Registers the section on "Meine Schulungen".
        from . import dashboard  # noqa: F401
