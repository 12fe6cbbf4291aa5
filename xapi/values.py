"""Checks of single xAPI values (Data part of xAPI 1.0.3, §2 and §4): IRIs, UUIDs,
timestamps, numbers, language maps, extensions, content types; the properties each kind of
object may and must have; and Sensi's storage limits. `xapi.validation` builds the checks of
whole statements from these.

Every check raises StatementInvalid with the path of the offending field, e.g.
`statements[3].context.registration: must be a UUID`.
"""

import math
import re
from datetime import UTC, datetime

VOIDED = "http://adlnet.gov/expapi/verbs/voided"

# Limits of what Sensi stores, checked before storage so that a 400 names the field instead of
# the database refusing the row: IRIs and agent identifiers go into varchar(512) columns,
# content types into varchar(255), and extension values are nested at most MAX_DEPTH levels
# (deeper ones could be stored but not rendered as format=ids or canonical).
MAX_IRI_LENGTH = 512
MAX_IFI_LENGTH = 512
MAX_CONTENT_TYPE_LENGTH = 255
MAX_DEPTH = 64
HEADER_TEXT = re.compile(r"^[\x20-\x7e]*$")  # what a header sends back unchanged

IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s\x00-\x1f\x7f<>\"{}|\\^`]+$")
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
SHA1_HEX = re.compile(r"^[0-9a-fA-F]{40}$")
UUID_TEXT = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
# The RFC 4122 variant: the two top bits of clock_seq_hi_and_reserved are 10, so the first
# digit of the fourth group is 8, 9, a or b (what uuid.UUID(text).variant tells, without
# making a UUID).
RFC_4122_VARIANT = re.compile(r"^.{19}[89abAB]")
# A negative zero offset after the time: "-00", "-0000" or "-00:00" (Data §4.5).
NEGATIVE_ZERO_OFFSET = re.compile(r"[Tt][^+-]*-00(?::?00)?$")
# ISO 8601 durations as xAPI uses them (§4.6): PnYnMnDTnHnMnS with a fraction on seconds,
# or weeks alone.
DURATION = re.compile(
    r"^P(?:(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?|\d+W)$"
)
INTERACTION_TYPES = {
    "true-false": (),
    "choice": ("choices",),
    "fill-in": (),
    "long-fill-in": (),
    "matching": ("source", "target"),
    "performance": ("steps",),
    "sequencing": ("choices",),
    "likert": ("scale",),
    "numeric": (),
    "other": (),
}
COMPONENT_LISTS = ("choices", "scale", "source", "target", "steps")


class StatementInvalid(ValueError):
    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


def fail(path: str, message: str):
    raise StatementInvalid(path, message)


# --- the properties of each object (Data §2.4) ---------------------------------------------

AGENT_KEYS = {"objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"}
CORE_KEYS = {"actor", "verb", "object", "result", "context", "timestamp", "attachments"}
STATEMENT_KEYS = CORE_KEYS | {"id", "stored", "authority", "version", "objectType"}

# kind of object: (the properties it may have, those it must have)
OBJECT_KEYS: dict[str, tuple[set[str], tuple[str, ...]]] = {
    "statement": (STATEMENT_KEYS, ("actor", "verb", "object")),
    "substatement": (CORE_KEYS | {"objectType"}, ("actor", "verb", "object")),
    "agent": (AGENT_KEYS, ()),
    "group": (AGENT_KEYS | {"member"}, ("objectType",)),
    "account": ({"homePage", "name"}, ("homePage", "name")),
    "verb": ({"id", "display"}, ("id",)),
    "activity": ({"objectType", "id", "definition"}, ("id",)),
    "activity definition": (
        {
            "name",
            "description",
            "type",
            "moreInfo",
            "extensions",
            "interactionType",
            "correctResponsesPattern",
            *COMPONENT_LISTS,
        },
        (),
    ),
    "interaction component": ({"id", "description"}, ("id",)),
    "statement reference": ({"objectType", "id"}, ("objectType", "id")),
    "score": ({"scaled", "raw", "min", "max"}, ()),
    "result": ({"score", "success", "completion", "response", "duration", "extensions"}, ()),
    "context": (
        {
            "registration",
            "instructor",
            "team",
            "contextActivities",
            "revision",
            "platform",
            "language",
            "statement",
            "extensions",
        },
        (),
    ),
    "context activities": ({"parent", "grouping", "category", "other"}, ()),
    "attachment": (
        {"usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"},
        ("usageType", "display", "contentType", "length", "sha2"),
    ),
}
# xAPI 2.0 adds contextAgents and contextGroups to the context.
OBJECT_KEYS["context 2.0"] = (OBJECT_KEYS["context"][0] | {"contextAgents", "contextGroups"}, ())


# --- primitives -------------------------------------------------------------------------


def check_object(value, path: str, allowed: set[str], required: tuple[str, ...] = ()) -> dict:
    if not isinstance(value, dict):
        fail(path, "must be a JSON object")
    if not value.keys() <= allowed:
        fail(f"{path}.{sorted(set(value) - allowed)[0]}", "is not a property allowed here")
    if None in value.values():
        for key, item in value.items():
            if item is None:
                fail(f"{path}.{key}", "must not be null")
    for key in required:
        if key not in value:
            fail(f"{path}.{key}", "is required")
    return value


def check_keys(value, path: str, kind: str) -> dict:
    """check_object with the properties OBJECT_KEYS gives for this kind of object."""
    allowed, required = OBJECT_KEYS[kind]
    return check_object(value, path, allowed, required)


def check_string(value, path: str) -> str:
    if not isinstance(value, str):
        fail(path, "must be a string")
    return value


def check_bool(value, path: str) -> bool:
    if not isinstance(value, bool):
        fail(path, "must be true or false")
    return value


def check_number(value, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        fail(path, "must be a finite number")
    try:
        finite = math.isfinite(value)
    except OverflowError:  # an integer beyond any double
        finite = False
    if not finite:
        fail(path, "must be a finite number within the range of a double")
    return value


def check_iri(value, path: str) -> str:
    if not isinstance(value, str) or not IRI.match(value):
        fail(path, "must be an absolute IRI")
    if len(value) > MAX_IRI_LENGTH:
        fail(path, f"is longer than {MAX_IRI_LENGTH} characters")
    return value


def check_content_type(value, path: str) -> str:
    """A media type as a response header sends it back: at most 255 characters of printable
    ASCII (RFC 6838), so no line break, which Django refuses in a header."""
    check_string(value, path)
    if len(value) > MAX_CONTENT_TYPE_LENGTH:
        fail(path, f"is longer than {MAX_CONTENT_TYPE_LENGTH} characters")
    if not HEADER_TEXT.match(value):
        fail(path, "must be printable ASCII, without line breaks or control characters")
    return value


def check_depth(value, path: str, limit: int = MAX_DEPTH) -> None:
    """`value` nests objects and lists at most `limit` levels deep (itself being one)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if not isinstance(item, dict | list):
            continue
        if children and depth > limit:
            fail(path, f"is nested more than {limit} levels deep")
        stack.extend((child, depth + 1) for child in children)


def check_uuid(value, path: str) -> str:
    if not isinstance(value, str) or not UUID_TEXT.match(value):
        fail(path, "must be a UUID")
    if not RFC_4122_VARIANT.match(value):
        fail(path, "must be an RFC 4122 UUID")
    return value


def check_timestamp(value, path: str) -> datetime:
    if not isinstance(value, str):
        fail(path, "must be an ISO 8601 timestamp")
    if NEGATIVE_ZERO_OFFSET.search(value):
        # Data §4.5: "-00", "-0000" and "-00:00" mean "offset unknown" in RFC 3339
        fail(path, "must not use the offsets -00, -0000 or -00:00")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        fail(path, "must be an ISO 8601 timestamp")
    if moment.tzinfo is not None:
        try:
            moment.astimezone(UTC)  # stored in UTC: years 1 to 9999 there too
        except OverflowError:
            fail(path, "is out of range (years 1 to 9999 in UTC)")
    return moment


def check_duration(value, path: str) -> str:
    if not isinstance(value, str) or not DURATION.match(value):
        fail(path, "must be an ISO 8601 duration")
    return value


def check_language_map(value, path: str) -> dict:
    if not isinstance(value, dict) or not value:
        fail(path, "must be a language map (an object of language tags to strings)")
    for tag, text in value.items():
        if not LANGUAGE_TAG.match(tag):
            fail(f"{path}.{tag}", "is not an RFC 5646 language tag")
        check_string(text, f"{path}.{tag}")
    return value


def check_extensions(value, path: str) -> dict:
    if not isinstance(value, dict):
        fail(path, "must be a JSON object")
    for key in value:
        check_iri(key, f"{path}[{key!r}]")
    check_depth(value, path)
    return value
