from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from . import receivers
        from .allauth_internals import install_mfa_attempts_by_account_and_address

        # Wrong TOTP codes count per account and client address (accounts/allauth_internals).
        install_mfa_attempts_by_account_and_address()

        # After every `migrate` (make run, CI, deployments, the test database): the shared
        # cache table exists whatever the path to a database was. Idempotent.
        post_migrate.connect(receivers.create_cache_table, sender=self)
