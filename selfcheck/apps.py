from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelfcheckConfig(AppConfig):
    name = "selfcheck"
    verbose_name = _("Home office self-check")

    def ready(self):
        from . import sections  # noqa: F401  (registers the section on "Meine Schulungen")
