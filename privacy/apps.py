from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Data subject rights and retention: "Meine Daten" (Art. 15 GDPR), the record of
    processing, and `purge_expired`. Owns no tables; reads and deletes those of the others."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "privacy"
    verbose_name = _("Privacy")
