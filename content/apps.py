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
        self.connect_site_cache()

    def connect_site_cache(self):
        """Whatever changes the live tree, a site, a locale or a view restriction drops the
        cached site structure (content.site_cache); the next request rebuilds it."""
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale, Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .site_cache import invalidate

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(invalidate, dispatch_uid=f"site_cache_{id(signal)}")
        for model in (Site, Locale, PageViewRestriction):
            for signal in (post_save, post_delete):
                signal.connect(
                    invalidate, sender=model, dispatch_uid=f"site_cache_{model}_{id(signal)}"
                )

        def page_deleted(sender, instance, **kwargs):
            if isinstance(instance, Page):
                invalidate()

        post_delete.connect(page_deleted, weak=False, dispatch_uid="site_cache_page_deleted")
