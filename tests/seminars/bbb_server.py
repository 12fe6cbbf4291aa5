"""A local stand-in for a BigBlueButton server: the documented calls `create`, `join` and
`getMeetingInfo`, answering in BBB's XML, and refusing any call whose checksum (SHA-1 or
SHA-256 of callName + query string + secret) does not match, as a real server does
(messageKey checksumError)."""

import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit
from xml.sax.saxutils import escape

SECRET = "test-shared-secret-0123456789"


class FakeBBB:
    def __init__(self, *, algorithm: str = "sha1"):
        self.algorithm = algorithm
        self.meetings: dict[str, dict] = {}
        self.calls: list[tuple[str, dict]] = []
        self.rejected = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802  (http.server's name)
                fake.handle(self)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/bigbluebutton/api/"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def valid(self, call: str, query: str) -> bool:
        without, _sep, checksum = query.rpartition("&checksum=")
        if not _sep:
            without, checksum = "", query.removeprefix("checksum=")
        expected = hashlib.new(self.algorithm, (call + without + SECRET).encode()).hexdigest()
        return checksum == expected

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        url = urlsplit(request.path)
        call = url.path.rsplit("/", 1)[-1]
        params = dict(parse_qsl(url.query))
        if not self.valid(call, url.query):
            self.rejected += 1
            return self.reply(request, "FAILED", "<messageKey>checksumError</messageKey>")
        self.calls.append((call, params))
        if call == "create":
            meeting = self.meetings.setdefault(
                params["meetingID"], {"name": params.get("name", ""), "attendees": []}
            )
            return self.reply(
                request,
                "SUCCESS",
                f"<meetingID>{escape(params['meetingID'])}</meetingID>"
                f"<meetingName>{escape(meeting['name'])}</meetingName>",
            )
        if call == "getMeetingInfo":
            meeting = self.meetings.get(params.get("meetingID", ""))
            if meeting is None:
                return self.reply(request, "FAILED", "<messageKey>notFound</messageKey>")
            attendees = "".join(
                f"<attendee><userID>{escape(uid)}</userID><fullName>{escape(name)}</fullName>"
                "<role>VIEWER</role></attendee>"
                for uid, name in meeting["attendees"]
            )
            return self.reply(
                request, "SUCCESS", f"<running>true</running><attendees>{attendees}</attendees>"
            )
        if call == "join":
            meeting = self.meetings.get(params.get("meetingID", ""))
            if meeting is None:
                return self.reply(
                    request, "FAILED", "<messageKey>invalidMeetingIdentifier</messageKey>"
                )
            meeting["attendees"].append((params.get("userID", ""), params["fullName"]))
            return self.reply(request, "SUCCESS", "<url>https://bbb.example/html5client</url>")
        return self.reply(request, "FAILED", "<messageKey>unsupportedRequest</messageKey>")

    def reply(self, request, code: str, body: str) -> None:
        data = f"<response><returncode>{code}</returncode>{body}</response>".encode()
        request.send_response(200)
        request.send_header("Content-Type", "text/xml; charset=utf-8")
        request.send_header("Content-Length", str(len(data)))
        request.end_headers()
        request.wfile.write(data)
