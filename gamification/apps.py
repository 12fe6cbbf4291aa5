from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GamificationConfig(AppConfig):
    name = "gamification"
    verbose_name = _("Gamification")

    def ready(self):
        # Registers the section on "Meine Schulungen".
        from content.site_cache import cache_setting

        from . import sections  # noqa: F401
        from .models import GamificationSettings

        cache_setting(GamificationSettings)
