import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def hash_secret(secret: str) -> str:
    # Secrets are 256-bit random tokens, so a fast hash is safe (no dictionary to guess from)
    # and keeps authentication cheap on every LRS request.
    return hashlib.sha256(secret.encode()).hexdigest()


class LRSClient(models.Model):
    """Credentials of a system that talks to the LRS (Moodle, a reporting tool, ...)."""

    name = models.SlugField(_("name"), max_length=64, unique=True)
    key = models.CharField(_("key"), max_length=64, unique=True)
    secret_hash = models.CharField(_("secret hash"), max_length=64)
    can_read = models.BooleanField(_("may read"), default=True)
    can_write = models.BooleanField(_("may write"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("LRS client")
        verbose_name_plural = _("LRS clients")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def create(cls, *, name: str, can_read: bool, can_write: bool) -> tuple["LRSClient", str]:
        """A new client and its secret, which is shown once and stored only as a hash."""
        secret = secrets.token_urlsafe(32)
        client = cls.objects.create(
            name=name,
            key=secrets.token_hex(16),
            secret_hash=hash_secret(secret),
            can_read=can_read,
            can_write=can_write,
        )
        return client, secret

    def check_secret(self, secret: str) -> bool:
        return hmac.compare_digest(self.secret_hash, hash_secret(secret))

    @property
    def authority(self) -> dict:
        """The xAPI Agent that vouches for statements this client sends (xAPI 1.0.3 §2.4.9)."""
        return {
            "objectType": "Agent",
            "name": self.name,
            "account": {"homePage": settings.SENSI_BASE_URL, "name": f"lrs-client/{self.name}"},
        }
