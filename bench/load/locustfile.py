"""Locust users of Sensi, all at once: employees, an LMS reading and one writing the LRS, a CISO.

Started by bench/load/run.py, which sets
  SENSI_LOAD_WORLD  the JSON of bench/load/world.py (logins, TOTP secret, modules, agents),
  SENSI_LOAD_LRS    "key:secret" of an LRS client (manage.py xapi_client add),
  SENSI_LOAD_USERS  the stage's user count: one LMS reader and one writer per ten users,
  SENSI_LOAD_THINK  "MIN,MAX" seconds an employee spends on a page before the next one
                    (default 5,15: a person reading a lesson),
  SENSI_LOAD_OUT    a directory for this stage: every request (requests.csv), the statement
                    ids the LRS confirmed (statements.txt), the acknowledgements confirmed to
                    employees (acks.txt), for run.py's table and its no-loss check.
Employees sign in when they start (run.py spawns a stage's users within its first minute: the
surge of a deadline morning), land on "Meine Schulungen", then read, answer and acknowledge
with the think time between pages. Each user comes from an address of its own
(X-Forwarded-For, the server trusts one proxy), as employees at their desks would; from one
address, the login rate limits would throttle them.
The server speaks HTTPS with a self-signed certificate: the production settings make session
and CSRF cookies Secure, and a client sends those only over HTTPS.
"""

import base64
import hashlib
import hmac
import itertools
import json
import os
import random
import re
import struct
import sys
import time
import warnings
from pathlib import Path
from urllib.parse import urlencode

from locust import HttpUser, between, events, task

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # bench/: lrs.make_statement
from lrs import make_statement  # noqa: E402

warnings.filterwarnings("ignore", message="Unverified HTTPS request")

WORLD = json.loads(Path(os.environ["SENSI_LOAD_WORLD"]).read_text())
OUT = Path(os.environ["SENSI_LOAD_OUT"])
URLS = WORLD["urls"]
OBLIGATIONS = list(WORLD["obligations"].items())
LMS_CLIENTS = max(1, int(os.environ.get("SENSI_LOAD_USERS", "10")) // 10)
THINK = tuple(float(s) for s in os.environ.get("SENSI_LOAD_THINK", "5,15").split(","))
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
QUIZ_TOKEN = re.compile(r'name="token" value="([^"]+)"')
QUESTION = re.compile(r'name="q-([^"]+)"')
TEXT_HASH = re.compile(r'name="text_hash" value="([^"]+)"')
CONFIRM_LINK = re.compile(r'href="(/de/[^"]*/(\d+)/[^"/]+/)"')


# --- what happened: every request, and what was confirmed --------------------------------------


class Recorder:
    def __init__(self, directory: Path):
        directory.mkdir(parents=True, exist_ok=True)
        self.requests = (directory / "requests.csv").open("a", buffering=1 << 16)
        self.statements = (directory / "statements.txt").open("a", buffering=1)
        self.acks = (directory / "acks.txt").open("a", buffering=1)

    def request(self, scenario: str, name: str, status: int, ms: float) -> None:
        self.requests.write(f"{time.time():.3f},{scenario},{name},{status},{ms:.1f}\n")

    def close(self) -> None:
        for file in (self.requests, self.statements, self.acks):
            file.close()


RECORD = Recorder(OUT)


@events.request.add_listener
def _on_request(name, response_time, response, context, exception, **_kwargs):
    status = getattr(response, "status_code", 0) or 0
    RECORD.request(context.get("scenario", "?"), name, status, response_time)


@events.quitting.add_listener
def _on_quitting(**_kwargs):
    RECORD.close()


# --- helpers -----------------------------------------------------------------------------------


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238 with allauth's defaults: SHA-1, 30 s, 6 digits."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8), casefold=True)
    digest = hmac.new(key, struct.pack(">Q", int(at or time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def found(pattern: re.Pattern, response) -> str | None:
    match = pattern.search(response.text or "")
    return match.group(1) if match else None


class SensiUser(HttpUser):
    abstract = True
    scenario = "?"

    def on_start(self):
        self.client.verify = False  # self-signed certificate of the test server
        # Django's CSRF check on HTTPS wants the Origin (or Referer) of the site itself.
        self.client.headers["Origin"] = self.host
        address = ".".join(str(random.randrange(1, 255)) for _ in range(3))
        self.client.headers["X-Forwarded-For"] = f"10.{address}"

    def context(self):
        return {"scenario": self.scenario}

    def sign_in(self, email: str) -> bool:
        form = self.client.get(URLS["account_login"], name="login form")
        token = found(CSRF, form)
        if token is None:
            return False
        data = {"login": email, "password": WORLD["password"], "csrfmiddlewaretoken": token}
        answer = self.client.post(URLS["account_login"], data, name="login", allow_redirects=False)
        return answer.status_code == 302


class Employee(SensiUser):
    """Signs in, lands on "Meine Schulungen", reads lessons, passes quizzes, acknowledges; a
    think time (SENSI_LOAD_THINK) between any two pages, as a person reading them."""

    weight = 8
    wait_time = between(*THINK)
    scenario = "employee"
    logins = itertools.cycle(WORLD["employees"])

    def on_start(self):
        super().on_start()
        self.email = next(Employee.logins)
        self.signed_in = self.sign_in(self.email)

    def sign_in(self, email: str) -> bool:
        if not super().sign_in(email):
            return False
        self.client.get(URLS["courses:my_training"], name="my training")  # where login leads
        return True

    def _ready(self) -> bool:
        if not self.signed_in:
            self.signed_in = self.sign_in(self.email)
        return self.signed_in

    @task(4)
    def read_lesson(self):
        if self._ready():
            _duty, module = random.choice(OBLIGATIONS)
            self.client.get(random.choice(module["lessons"]), name="lesson")

    @task(1)
    def my_training(self):
        if self._ready():
            self.client.get(URLS["courses:my_training"], name="my training")

    @task(2)
    def complete_module(self):
        """Read every lesson of a module and pass its quiz, so that it may be acknowledged."""
        if not self._ready():
            return
        _duty, module = random.choice(OBLIGATIONS)
        for lesson in module["lessons"]:
            self.client.get(lesson, name="lesson")
            self.wait()
        if not module["quiz"]:
            return
        form = self.client.get(module["quiz"], name="quiz form")
        token, csrf = found(QUIZ_TOKEN, form), found(CSRF, form)
        if token is None or csrf is None:
            return
        self.wait()
        data = {"token": token, "csrfmiddlewaretoken": csrf}
        # answers only to the questions this attempt drew (an answer to another is refused)
        shown = set(QUESTION.findall(form.text or ""))
        data.update({f"q-{q}": a for q, a in module["answers"].items() if str(q) in shown})
        self.client.post(module["quiz"], data, name="quiz submit")

    @task(2)
    def acknowledge(self):
        """Confirm the first obligation that "Meine Schulungen" offers to confirm."""
        if not self._ready():
            return
        page = self.client.get(URLS["courses:my_training"], name="my training")
        links = [m for m in CONFIRM_LINK.finditer(page.text or "") if "bestaetigen" in m[1]]
        if not links:
            return
        url, duty = links[0].group(1), links[0].group(2)
        self.wait()
        form = self.client.get(url, name="confirm form")
        text_hash, csrf = found(TEXT_HASH, form), found(CSRF, form)
        if text_hash is None or csrf is None:
            return
        self.wait()
        data = {"confirmed": "yes", "text_hash": text_hash, "csrfmiddlewaretoken": csrf}
        answer = self.client.post(url, data, name="confirm", allow_redirects=False)
        if answer.status_code == 302:  # "Thank you. Your acknowledgement has been recorded."
            RECORD.acks.write(f"{self.email},{duty}\n")


class LRSUser(SensiUser):
    abstract = True

    def on_start(self):
        super().on_start()
        key, secret = os.environ["SENSI_LOAD_LRS"].split(":", 1)
        token = base64.b64encode(f"{key}:{secret}".encode()).decode()
        self.client.headers.update(
            {"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"}
        )


class MoodleClient(LRSUser):
    """Moodle's completion check (agent + verb + activity, format=ids) and a paged read."""

    fixed_count = LMS_CLIENTS
    wait_time = between(0.5, 2)
    scenario = "moodle"

    def _follow(self, answer, limit: int) -> None:
        pages = 0
        while answer.status_code == 200 and pages < limit:
            more = answer.json().get("more")
            if not more:
                return
            answer = self.client.get(more, name="statements more")
            pages += 1

    @task(3)
    def completion_check(self):
        _duty, module = random.choice(OBLIGATIONS)
        query = {
            "agent": json.dumps(random.choice(WORLD["agents"])),
            "verb": COMPLETED,
            "activity": module["activity"],
            "related_activities": "false",
            "format": "ids",
        }
        answer = self.client.get(f"/xapi/statements?{urlencode(query)}", name="completion check")
        self._follow(answer, 3)

    @task(1)
    def recent_statements(self):
        query = {"verb": COMPLETED, "format": "ids", "limit": "50"}
        answer = self.client.get(f"/xapi/statements?{urlencode(query)}", name="statements page")
        self._follow(answer, 3)


class StatementWriter(LRSUser):
    """An LMS sending statements in small batches; every id the LRS confirms is recorded."""

    fixed_count = LMS_CLIENTS
    wait_time = between(0.5, 1.5)
    scenario = "lrs writer"

    def on_start(self):
        super().on_start()
        self.rng = random.Random()

    @task
    def post_batch(self):
        batch = [make_statement(self.rng) for _ in range(10)]
        answer = self.client.post("/xapi/statements", json=batch, name="post statements")
        if answer.status_code == 200:
            RECORD.statements.write("\n".join(answer.json()) + "\n")


class CISO(SensiUser):
    """Signs in with password and TOTP, opens the dashboard, downloads the CSV and PDF."""

    fixed_count = 1
    wait_time = between(3, 8)
    scenario = "ciso"

    def on_start(self):
        super().on_start()
        self.signed_in = self.sign_in_with_totp()

    def sign_in_with_totp(self) -> bool:
        if not self.sign_in(WORLD["ciso"]["email"]):
            return False
        challenge = self.client.get("/de/accounts/2fa/authenticate/", name="mfa form")
        csrf = found(CSRF, challenge)
        if csrf is None:
            return False
        code = totp(WORLD["ciso"]["totp_secret"])
        answer = self.client.post(
            "/de/accounts/2fa/authenticate/",
            {"code": code, "csrfmiddlewaretoken": csrf},
            name="mfa",
            allow_redirects=False,
        )
        return answer.status_code == 302

    def _ready(self) -> bool:
        if not self.signed_in:
            self.signed_in = self.sign_in_with_totp()
        return self.signed_in

    @task(3)
    def dashboard(self):
        if self._ready():
            self.client.get(URLS["compliance:reports"], name="compliance dashboard")

    @task(2)
    def csv_exports(self):
        if self._ready():
            self.client.get(URLS["compliance:reports_csv"], name="figures csv")
            self.client.get(URLS["compliance:reports_overdue_csv"], name="overdue csv")

    @task(1)
    def pdf_report(self):
        if self._ready():
            self.client.get(URLS["compliance:reports_pdf"], name="report pdf")
