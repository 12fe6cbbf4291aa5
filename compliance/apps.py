from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    name = "compliance"
    verbose_name = _("Compliance")

    def ready(self):
        # New obligation versions on material changes; obligations on "Meine Schulungen".
        from . import learner_views, receivers  # noqa: F401
