from .clients import LRSClient
from .documents import Document
from .registrations import Registration
from .statements import (
    ActivityDefinition,
    Attachment,
    Statement,
    StatementActivity,
    StatementAgent,
    StatementAttachment,
    attachment_hashes,
)

__all__ = [
    "ActivityDefinition",
    "Attachment",
    "Document",
    "LRSClient",
    "Registration",
    "Statement",
    "StatementActivity",
    "StatementAgent",
    "StatementAttachment",
    "attachment_hashes",
]
