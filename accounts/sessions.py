"""Server-side session lifetime: an idle limit and an absolute limit after sign-in.

Both timestamps live in the session itself (in the database, shared by all app processes).
`SessionTimeoutMiddleware` calls `check_session` on every request of a signed-in user.
"""

import time
from dataclasses import dataclass

from . import app_settings

STARTED_KEY = "sensi_session_started"
LAST_SEEN_KEY = "sensi_session_last_seen"
# Activity is written to the session at most once per this many seconds: not every request
# needs to write the session row.
ACTIVITY_RESOLUTION = 60


def _now() -> float:
    return time.time()


def idle_seconds() -> int:
    return app_settings.SENSI_SESSION_IDLE_MINUTES * 60


def max_seconds() -> int:
    return app_settings.SENSI_SESSION_MAX_HOURS * 60 * 60


@dataclass(frozen=True)
class SessionCheck:
    expired: bool
    expires_in: int  # seconds until the session ends if nothing happens


def start_session(session, *, now: float | None = None) -> None:
    """Called on sign-in (the `user_logged_in` signal)."""
    now = _now() if now is None else now
    session[STARTED_KEY] = now
    session[LAST_SEEN_KEY] = now


def check_session(session, *, now: float | None = None, extend: bool = False) -> SessionCheck:
    """Whether the session has timed out; if not, count this request as activity (always
    written when `extend`, otherwise at most once per `ACTIVITY_RESOLUTION`)."""
    now = _now() if now is None else now
    if STARTED_KEY not in session or LAST_SEEN_KEY not in session:
        # A session from before these limits existed: its limits start now.
        start_session(session, now=now)
    started, last_seen = session[STARTED_KEY], session[LAST_SEEN_KEY]
    if now - last_seen > idle_seconds() or now - started > max_seconds():
        return SessionCheck(expired=True, expires_in=0)
    if extend or now - last_seen >= ACTIVITY_RESOLUTION:
        session[LAST_SEEN_KEY] = last_seen = now
    idle_left = last_seen + idle_seconds() - now
    return SessionCheck(
        expired=False, expires_in=int(min(idle_left, started + max_seconds() - now))
    )


def warning_context(*, expires_in: int | None = None) -> dict:
    """For accounts/session_timeout.html."""
    return {
        "enabled": True,
        "idle_seconds": idle_seconds(),
        "idle_minutes": app_settings.SENSI_SESSION_IDLE_MINUTES,
        "warning_seconds": app_settings.SENSI_SESSION_WARNING_SECONDS,
        # Without a request (the Wagtail admin's hook) the script counts from the page load;
        # the last recorded activity may be up to `ACTIVITY_RESOLUTION` older.
        "expires_in": idle_seconds() - ACTIVITY_RESOLUTION if expires_in is None else expires_in,
    }
