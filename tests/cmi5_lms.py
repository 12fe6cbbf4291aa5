"""A cmi5 LMS for tests: a real HTTP server in a thread that plays the LMS's side of a launch.

It implements what an assignable unit talks to (cmi5 §8.2, §10, xAPI 1.0.3):
- POST /fetch/<key>: the one-time fetch URL; the first call returns {"auth-token": …}, every
  later one {"error-code": "1", …} with 400 (or 200, as some LMSs do, with `fetch_errors_ok`);
- GET /lrs/activities/state?stateId=LMS.LaunchData…: the launch data of the registration;
- PUT /lrs/statements?statementId=…: records the statement if its token is live, refuses (400)
  statements of a session the LMS abandoned.
"""

import base64
import json
import secrets
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

from xapi.cmi5 import EXT_SESSION_ID

PUBLISHER = "https://lms.example.org/course/42"


class FakeLMS:
    def __init__(self):
        self.statements: list[dict] = []
        self.fetch_calls: list[str] = []
        self.state_requests: list[dict] = []
        self.fetch_errors_ok = False
        self.abandoned: set[str] = set()
        self._fetch: dict[str, dict] = {}  # fetch key -> launch
        self._tokens: dict[str, str] = {}  # token -> session id
        self._launch_data: dict[str, dict] = {}  # registration -> LMS.LaunchData
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.origin = f"http://127.0.0.1:{self.server.server_port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self._thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    # The LMS side of a launch ---------------------------------------------------------------

    def launch_url(
        self,
        module_url: str,
        activity_id: str,
        *,
        registration: str | None = None,
        actor: dict | None = None,
        launch_mode: str = "Normal",
        move_on: str = "CompletedAndPassed",
        mastery_score: float | None = 0.8,
        return_url: str | None = None,
        fetch_key: str | None = None,
    ) -> str:
        """A fresh session of the registration: launch data, fetch URL and the launch URL."""
        registration = registration or str(uuid.uuid4())
        actor = actor or {
            "objectType": "Agent",
            "name": "Erika Muster",
            "account": {"homePage": "https://lms.example.org", "name": "erika"},
        }
        session_id = str(uuid.uuid4())
        data = {
            "contextTemplate": {
                "contextActivities": {"grouping": [{"id": PUBLISHER}]},
                "extensions": {EXT_SESSION_ID: session_id},
            },
            "launchMode": launch_mode,
            "moveOn": move_on,
            "returnURL": return_url if return_url is not None else f"{self.origin}/course/42",
        }
        if mastery_score is not None:
            data["masteryScore"] = mastery_score
        self._launch_data[registration] = data
        fetch_key = fetch_key or secrets.token_urlsafe(8)
        self._fetch[fetch_key] = {"session_id": session_id, "used": False}
        query = urlencode(
            {
                "endpoint": f"{self.origin}/lrs/",
                "fetch": f"{self.origin}/fetch/{fetch_key}",
                "actor": json.dumps(actor),
                "registration": registration,
                "activityId": activity_id,
            }
        )
        return f"{module_url}?{query}"

    def verbs(self, session_id: str | None = None) -> list[str]:
        return [
            s["verb"]["id"].rsplit("/", 1)[-1]
            for s in self.statements
            if session_id is None or session_id_of(s) == session_id
        ]

    def sessions(self) -> list[str]:
        seen = []
        for statement in self.statements:
            if session_id_of(statement) not in seen:
                seen.append(session_id_of(statement))
        return seen

    # HTTP -----------------------------------------------------------------------------------

    def _handler(self):
        lms = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status: int, body=None):
                payload = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("X-Experience-API-Version", "1.0.3")
                self.end_headers()
                self.wfile.write(payload)

            def _session(self):
                auth = self.headers.get("Authorization", "")
                return lms._tokens.get(auth.removeprefix("Basic "))

            def do_POST(self):
                path = urlsplit(self.path).path
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                key = path.removeprefix("/fetch/")
                lms.fetch_calls.append(key)
                launch = lms._fetch.get(key)
                if launch is None or launch["used"]:
                    error = {"error-code": "1", "error-text": "already in use"}
                    return self._answer(200 if lms.fetch_errors_ok else 400, error)
                launch["used"] = True
                token = base64.b64encode(secrets.token_bytes(12)).decode()
                lms._tokens[token] = launch["session_id"]
                return self._answer(200, {"auth-token": token})

            def do_GET(self):
                parts = urlsplit(self.path)
                if parts.path.startswith("/course/"):  # the returnURL: the LMS's course page
                    page = b"<!doctype html><html lang='de'><title>LMS</title><h1>Kurs</h1></html>"
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(page)))
                    self.end_headers()
                    return self.wfile.write(page)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                if parts.path != "/lrs/activities/state" or self._session() is None:
                    return self._answer(401 if self._session() is None else 404)
                lms.state_requests.append(query)
                data = lms._launch_data.get(query.get("registration"))
                if query.get("stateId") != "LMS.LaunchData" or data is None:
                    return self._answer(404)
                return self._answer(200, data)

            def do_PUT(self):
                parts = urlsplit(self.path)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                session = self._session()
                if parts.path != "/lrs/statements" or session is None:
                    return self._answer(401)
                statement = json.loads(body)
                if session_id_of(statement) != session or session in lms.abandoned:
                    return self._answer(400, {"error": "session abandoned or not yours"})
                lms.statements.append(statement)
                return self._answer(204)

        return Handler


def session_id_of(statement: dict) -> str | None:
    return statement.get("context", {}).get("extensions", {}).get(EXT_SESSION_ID)
