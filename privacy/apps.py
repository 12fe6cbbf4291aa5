from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Data subject rights and retention: "Meine Daten" (Art. 15 GDPR), the record of
    processing, and `purge_expired`. Owns no tables: collects what each app declares about its
    own personal data in its `personal_data.py` (`privacy.registry`, `gdpr`)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "privacy"
    verbose_name = _("Privacy")

    def ready(self):
        from . import jobs

        jobs.register()  # the data export as a background job
