"""The two xAPI versions the LRS speaks, and every rule in which they differ.

A client names its version in `X-Experience-API-Version` on every request: 1.0.x gets xAPI
1.0.3, 2.0.x gets xAPI 2.0 (IEEE 9274.1.1-2023), and the response names the version it was
answered in (9274.1.1 §4.1.7; 1.0.3 Communication §3.3). The rest of the LRS asks the version
of the request in progress (`current()`) instead of testing version strings itself, so that
this module is the one place to read what 2.0 changed. Section numbers prefixed "2.0" are
those of 9274.1.1; the others are 1.0.3's.

Code outside a request (Sensi's own recording of learning events) runs under xAPI 1.0.3, the
version of the `tincan` library that builds those statements.
"""

import contextlib
import re
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class XAPIVersion:
    header: str  # the value of X-Experience-API-Version in responses (the latest patch)
    statement_version: str  # stamped on a statement that arrives without `version`
    statement_versions: re.Pattern  # the `version` values a statement may carry
    context_agents: bool  # context.contextAgents and context.contextGroups exist (2.0 §4.2.2.5)
    timestamps_need_offset: bool  # RFC 3339: a timestamp without offset is refused
    timestamps_in_utc: bool  # the LRS stores timestamps converted to UTC (2.0 §4.2.7)
    alternate_syntax: bool  # `?method=` requests (1.0.3 Communication §1.3; removed in 2.0)
    state_needs_precondition: bool  # a PUT replacing a state document needs If-Match

    @property
    def is_2_0(self) -> bool:
        return self.header.startswith("2.")

    def put_needs_precondition(self, *, is_state: bool) -> bool:
        """A PUT that would replace an existing document without If-Match or If-None-Match is
        a 409. 1.0.3 §3.1 exempts the State resource; 2.0 §4.1.4 lists State among the
        resources under concurrency control and drops the exemption."""
        return self.state_needs_precondition or not is_state

    def stored_timestamp(self, value: str, moment: datetime) -> str:
        """The timestamp as the LRS stores it: as sent under 1.0.3, in UTC under 2.0."""
        if not self.timestamps_in_utc:
            return value
        utc = moment.astimezone(UTC)
        return utc.isoformat(timespec="milliseconds").replace("+00:00", "Z")


XAPI_1_0_3 = XAPIVersion(
    header="1.0.3",
    statement_version="1.0.3",
    # 1.0.3 Data §2.4.10: reject a version that does not start with 1.0.
    statement_versions=re.compile(r"^1\.0(\.\d+)?\Z"),
    context_agents=False,
    timestamps_need_offset=False,
    timestamps_in_utc=False,
    alternate_syntax=True,
    state_needs_precondition=False,
)
XAPI_2_0_0 = XAPIVersion(
    header="2.0.0",
    # 2.0 §4.2.4.3: a statement keeps the version it was accepted with, 2.0.0 if it had none.
    statement_version="2.0.0",
    # 2.0 §4.1.7: the statement version is 2.0.0 for every 2.0.x; 1.0.x statements stay valid.
    statement_versions=re.compile(r"^(1\.0(\.\d+)?|2\.0\.0)\Z"),
    context_agents=True,
    timestamps_need_offset=True,
    timestamps_in_utc=True,
    alternate_syntax=False,
    state_needs_precondition=True,
)
DEFAULT = XAPI_1_0_3

# /about (2.0 §4.1.6.7): the latest minor and patch version of each major version, and the
# earlier 1.0 patch versions, which 1.0.3 clients may look for.
ABOUT_VERSIONS = ["2.0.0", "1.0.3", "1.0.2", "1.0.1", "1.0.0"]

# 1.0.3 §3.3 and 2.0 §4.1.7: "1.0" is 1.0.0 and "2.0" is 2.0.0; any other minor version is
# refused. Strict patterns, so that "1.0garbage" or "2.0.0-beta" are refused too.
_NEGOTIATED = (
    (re.compile(r"^1\.0(\.\d+)?\Z"), XAPI_1_0_3),
    (re.compile(r"^2\.0(\.\d+)?\Z"), XAPI_2_0_0),
)

_current: ContextVar[XAPIVersion] = ContextVar("xapi_version", default=DEFAULT)


def negotiate(header: str | None) -> XAPIVersion | None:
    """The version for an X-Experience-API-Version header; None if missing or unsupported."""
    value = header or ""  # exact: "1.0 " or "1.0\n" is no version
    for pattern, version in _NEGOTIATED:
        if pattern.match(value):
            return version
    return None


def current() -> XAPIVersion:
    """The version of the request being answered (1.0.3 outside requests)."""
    return _current.get()


@contextlib.contextmanager
def activate(version: XAPIVersion):
    token = _current.set(version)
    try:
        yield version
    finally:
        _current.reset(token)
