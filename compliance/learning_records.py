"""The xAPI statement for a confirmed acknowledgement, through xapi's one entry point."""

from django.conf import settings

from courses.learning_records import module_activity
from xapi.recording import Event, record
from xapi.vocabulary import ACKNOWLEDGED

from .models import LedgerEntry


def extension(name: str) -> str:
    return f"{settings.SENSI_BASE_URL}/xapi/extensions/{name}"


def record_acknowledgement(*, entry: LedgerEntry) -> None:
    version = entry.obligation_version
    module = module_activity(version.obligation.module)
    record(
        user=entry.employee.user,
        root=module,
        language=entry.language,
        events=[
            Event(
                ACKNOWLEDGED,
                module,
                extensions={
                    extension("module-version"): version.module_version_label,
                    extension("obligation-version"): version.number,
                    extension("content-hash"): entry.text_hash,
                },
            )
        ],
    )
