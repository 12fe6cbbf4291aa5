from .clients import LRSClient
from .documents import Document
from .launches import ActorBinding, LaunchCredential
from .registrations import Registration
from .statements import (
    ActivityDefinition,
    Attachment,
    Statement,
    StatementAttachment,
    attachment_hashes,
)

__all__ = [
    "ActorBinding",
    "LaunchCredential",
    "ActivityDefinition",
    "Attachment",
    "Document",
    "LRSClient",
    "Registration",
    "Statement",
    "StatementAttachment",
    "attachment_hashes",
]
