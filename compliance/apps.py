from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from . import app_settings


def sync_ledger_rules(sender, using, **kwargs):
    """After `migrate` (run as the owner): the retention period the ledger's triggers read,
    and the application role's rights on tables created since (compliance.ledger.db_roles)."""
    from django.db import connections

    from .ledger.db_roles import grant_app_role
    from .models import LedgerRetention

    LedgerRetention.objects.using(using).update_or_create(
        pk=1, defaults={"days": app_settings.SENSI_RETENTION_ACKNOWLEDGEMENT_DAYS}
    )
    grant_app_role(connections[using])


class ComplianceConfig(AppConfig):
    name = "compliance"
    verbose_name = _("Compliance")

    def ready(self):
        # New obligation versions on material changes; obligations on "Meine Schulungen".
        from courses import publish_outlook

        from . import checks, jobs, learner_views, receivers  # noqa: F401
        from .publish_outlook import obligation_consequences

        # What a publish will do, in the module's edit view (courses cannot ask compliance).
        publish_outlook.register(obligation_consequences)
        post_migrate.connect(sync_ledger_rules, sender=self)
        jobs.register()  # its kinds of background job, for the admin's job list
