"""A small client for the BigBlueButton API (docs.bigbluebutton.org/development/api):
`create`, `join` and `getMeetingInfo`.

Every call is a GET to `<SENSI_BBB_API_URL><callName>?<query>&checksum=<checksum>`, where the
checksum is the hex SHA-1 (or SHA-256, SENSI_BBB_CHECKSUM) of callName + query string +
shared secret; the server answers in XML with `<returncode>SUCCESS</returncode>` or FAILED
and a `messageKey`. Only this module talks to the server.

Participants join with their display name and, as BBB's `userID`, their pseudonym, so that
`getMeetingInfo` tells which registered participants are in the room without sending the
server anything else about them. Tested against a local server that implements these calls
and checks the checksums (tests/seminars/test_bbb.py); a real BBB server was not available.
"""

import hashlib
import secrets
import uuid
import xml.etree.ElementTree as ET
from contextlib import suppress
from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import urlopen

from django.db import transaction
from django.utils import timezone

from . import app_settings
from .models import Registration, Session

ALGORITHMS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256}


class BBBError(Exception):
    """The server could not be reached or answered FAILED."""


def checksum(call: str, query: str, secret: str, algorithm: str = "sha1") -> str:
    return ALGORITHMS[algorithm]((call + query + secret).encode("utf-8")).hexdigest()


def signed_url(call: str, params: dict) -> str:
    """The URL of an API call with its checksum (the query string exactly as sent)."""
    base = app_settings.SENSI_BBB_API_URL
    if not base.endswith("/"):
        base += "/"
    query = urlencode(params)
    digest = checksum(call, query, app_settings.SENSI_BBB_SECRET, app_settings.SENSI_BBB_CHECKSUM)
    return f"{base}{call}?{query}{'&' if query else ''}checksum={digest}"


def call(name: str, params: dict) -> ET.Element:
    try:
        with urlopen(
            signed_url(name, params), timeout=app_settings.SENSI_BBB_TIMEOUT_SECONDS
        ) as response:
            root = ET.fromstring(response.read())
    except (URLError, OSError, ET.ParseError) as error:
        raise BBBError(str(error)) from error
    if root.findtext("returncode") != "SUCCESS":
        raise BBBError(root.findtext("messageKey") or "FAILED")
    return root


def meeting_id(session: Session) -> str:
    return session.bbb_meeting_id or f"sensi-{session.pk}-{secrets.token_hex(8)}"


@transaction.atomic
def ensure_room(session: Session) -> str:
    """Create the session's room (`create` is idempotent for a meeting that exists);
    returns its meeting id, stored on the session."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    ident = meeting_id(session)
    minutes = int((session.ends_at - session.starts_at).total_seconds() // 60) + 30
    call(
        "create",
        {
            "meetingID": ident,
            "name": session.display_title,
            "duration": minutes,
            "record": "false",
        },
    )
    if session.bbb_meeting_id != ident:
        Session.objects.filter(pk=session.pk).update(bbb_meeting_id=ident)
    return ident


def join_url_for(*, session: Session, user, moderator: bool) -> str:
    """The URL the browser goes to: the room is created first, then the signed `join`
    with the participant's display name (the trainer as moderator)."""
    ident = ensure_room(session)
    return signed_url(
        "join",
        {
            "meetingID": ident,
            "fullName": user.get_full_name() or user.email.split("@")[0],
            "role": "MODERATOR" if moderator else "VIEWER",
            "userID": str(user.pseudonym),
            "redirect": "true",
        },
    )


def attendee_ids(session: Session) -> set[str]:
    """The userIDs (Sensi pseudonyms) of everyone in the room now (`getMeetingInfo`); empty
    when the meeting does not run (messageKey notFound). Other ids are ignored."""
    if not session.bbb_meeting_id:
        return set()
    try:
        root = call("getMeetingInfo", {"meetingID": session.bbb_meeting_id})
    except BBBError:
        return set()
    seen = set()
    for attendee in root.iter("attendee"):
        with suppress(ValueError):
            seen.add(str(uuid.UUID((attendee.findtext("userID") or "").strip())))
    return seen


def prefill_joined(*, session: Session) -> int:
    """Mark registered participants seen in the room as "joined online", for the trainer to
    confirm on the attendance list. Returns how many were newly marked."""
    seen = attendee_ids(session)
    if not seen:
        return 0
    return Registration.objects.filter(
        session=session,
        status=Registration.Status.CONFIRMED,
        joined_online_at__isnull=True,
        user__pseudonym__in=seen,
    ).update(joined_online_at=timezone.now())
