"""The Art. 15 download: one JSON document, written piece by piece so that a learner with
many thousand statements does not need them all in memory at once.

Structure (docs/privacy.md): the header (`format`, `format_version`, `generated_at`,
`subject`), the sections of `PersonalData.sections()` in their order, and last
`xapi_statements`, a list of `{"statement": <as stored>, "voided": bool}`.
"""

import json
from collections.abc import Iterator

from django.core.serializers.json import DjangoJSONEncoder

from .selectors import PersonalData, export_header, personal_data, statement_rows


def _dump(value) -> str:
    return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)


def export_chunks(user, data: PersonalData | None = None) -> Iterator[str]:
    """The JSON document of everything about `user`, in chunks."""
    data = data or personal_data(user)
    members = {**export_header(user), **data.sections()}
    yield "{" + ",".join(f"{_dump(key)}:{_dump(value)}" for key, value in members.items())
    yield ',"xapi_statements":['
    for index, row in enumerate(statement_rows(data.xapi_agents)):
        yield ("," if index else "") + _dump(row)
    yield "]}\n"
