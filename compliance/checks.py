"""System checks of the ledger's key and anchor (`manage.py check`, `check --deploy`)."""

from django.core.checks import Error, Tags, Warning, register

from . import app_settings
from .ledger import keys as ledger_keys


@register()
def ledger_keys_configured(app_configs, **kwargs):
    """Without a key the ledger cannot be written or verified: every command refuses."""
    try:
        keys = ledger_keys.parse(app_settings.SENSI_LEDGER_KEYS)
    except ValueError as error:
        return [Error(f"SENSI_LEDGER_KEYS: {error}.", id="compliance.E001")]
    if not keys:
        return [
            Error(
                "SENSI_LEDGER_KEYS is not set: the acknowledgement ledger cannot be written.",
                hint="Set one or more key_id:secret pairs (docs/operations.md).",
                id="compliance.E002",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def ledger_keys_strong(app_configs, **kwargs):
    problems = []
    try:
        keys = ledger_keys.parse(app_settings.SENSI_LEDGER_KEYS)
    except ValueError:
        return []  # compliance.E001
    for key_id, secret in keys:
        if secret.decode().startswith(ledger_keys.DEV_SECRET_PREFIX):
            problems.append(
                Error(f"The ledger key {key_id} is the development key.", id="compliance.E003")
            )
        elif len(secret) < ledger_keys.MIN_SECRET_LENGTH:
            problems.append(
                Error(
                    f"The ledger key {key_id} is shorter than "
                    f"{ledger_keys.MIN_SECRET_LENGTH} characters.",
                    id="compliance.E004",
                )
            )
    if not app_settings.SENSI_LEDGER_ANCHOR_FILE:
        problems.append(
            Warning(
                "SENSI_LEDGER_ANCHOR_FILE is not set: the ledger's head is not anchored "
                "outside the database, so deleting the newest entries goes unnoticed.",
                id="compliance.W001",
            )
        )
    return problems
