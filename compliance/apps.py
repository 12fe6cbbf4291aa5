from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    name = "compliance"
    verbose_name = _("Compliance")

    def ready(self):
        # New obligation versions on material changes; obligations on "Meine Schulungen".
        from courses import publish_outlook

        from . import learner_views, receivers  # noqa: F401
        from .publish_outlook import obligation_consequences

        # What a publish will do, in the module's edit view (courses cannot ask compliance).
        publish_outlook.register(obligation_consequences)
