from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeminarsConfig(AppConfig):
    name = "seminars"
    verbose_name = _("Sessions")

    def ready(self):
        from . import learner_views  # noqa: F401  (sections on "Meine Schulungen" and modules)
