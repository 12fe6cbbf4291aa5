from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Site content")

    def ready(self):
        from .sites import sync_default_site_after_migrate

        # After every `migrate` (deployments, make run): absolute page links in e-mails use
        # SENSI_BASE_URL (content.sites). Idempotent.
        post_migrate.connect(sync_default_site_after_migrate, sender=self)
