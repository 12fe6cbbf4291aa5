import secrets
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .clients import LRSClient, hash_secret


class LaunchCredential(models.Model):
    """A short-lived credential for one launch, issued to an LMS on its request
    (mod_tincanlaunch's "Learning Locker 1" integration, `POST /xapi/Basic/request`).

    It stands for one actor: it may write statements only about that actor in its registration
    and activity tree, and read only that actor's statements and documents. It launches a
    module once (`launched_at`); the LRS keeps accepting it until `expires_at`.
    """

    client = models.ForeignKey(
        LRSClient, on_delete=models.CASCADE, related_name="launch_credentials"
    )
    key = models.CharField(_("key"), max_length=64, unique=True)
    secret_hash = models.CharField(_("secret hash"), max_length=64)
    actor = models.JSONField(_("actor"))
    actor_ifi = models.CharField(_("actor IFI"), max_length=512)
    registration = models.UUIDField(_("registration"), null=True, blank=True)
    activity_ids = models.JSONField(_("activities"), default=list)
    can_read = models.BooleanField(_("may read"), default=True)
    can_write = models.BooleanField(_("may write"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), db_index=True)
    launched_at = models.DateTimeField(_("used for a launch"), null=True, blank=True)

    class Meta:
        verbose_name = _("launch credential")
        verbose_name_plural = _("launch credentials")

    def __str__(self) -> str:
        return self.key

    @classmethod
    def issue(cls, *, client: LRSClient, **fields) -> tuple["LaunchCredential", str]:
        """A new credential and its secret, which is returned once and stored only as a hash."""
        secret = secrets.token_urlsafe(32)
        credential = cls.objects.create(
            client=client, key=secrets.token_hex(16), secret_hash=hash_secret(secret), **fields
        )
        return credential, secret

    def check_secret(self, secret: str) -> bool:
        return secrets.compare_digest(self.secret_hash, hash_secret(secret))

    def is_live(self, now: datetime) -> bool:
        return self.expires_at > now and self.client.revoked_at is None

    def covers_activity(self, activity_id: str) -> bool:
        """The activity is one the credential was issued for, or below it in the IRI tree."""
        return any(
            activity_id == root or activity_id.startswith(tuple(root + sep for sep in "/#?"))
            for root in self.activity_ids
        )

    @property
    def authority(self) -> dict:
        """Statements sent with the credential are vouched for by the client that asked for it
        (xAPI 1.0.3 Data §2.4.9)."""
        return self.client.authority


class ActorBinding(models.Model):
    """An LMS actor belongs to one Sensi person: bound on its first accepted launch, after
    which a launch that names it for anyone else is refused."""

    actor_ifi = models.CharField(_("actor IFI"), max_length=512, unique=True)
    actor = models.JSONField(_("actor"), help_text="As the LMS sent it the first time.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="xapi_actor_bindings"
    )
    bound_at = models.DateTimeField(_("bound"), auto_now_add=True)

    class Meta:
        verbose_name = _("LMS actor binding")
        verbose_name_plural = _("LMS actor bindings")

    def __str__(self) -> str:
        return self.actor_ifi
