"""Throughput and latency of Sensi's xAPI LRS as gunicorn serves it, on PostgreSQL and SQLite.

    .venv/bin/python bench/lrs.py [--db postgres sqlite] [--sizes 100000 1000000] [--quick]
                                  [--prefill] [--no-wait]

(bench/README.md gives the commands for the figures of issue 12.)

PostgreSQL must be running (`bin/start-postgres`); the script uses the server of DATABASE_URL
(or --postgres-url, default postgres://sensi:sensi@127.0.0.1:5432/sensi) and a role that may
create databases. For each database it creates a fresh one (PostgreSQL: `<database of the
URL>_bench`, e.g. sensi_bench, dropped
again at the end; SQLite: a file in a directory under /tmp, deleted at the end), runs
`manage.py migrate`, creates an LRS client with `manage.py xapi_client add`, and starts
`gunicorn config.wsgi -c config/gunicorn.py -w 2` (two workers, as deployed) on
127.0.0.1 with the production settings (DEBUG off, HTTP allowed
by SENSI_SECURE_SSL_REDIRECT=false). Then it measures, on the empty store and again each time
the store has been filled up to one of the sizes:

- single POST: statements/s of POSTs of one statement each, from 4 client processes;
- batch POST: statements/s of POSTs of 100 statements each, from 4 client processes;
- load: statements/s while filling the store up to the size (batches of 100, 4 loaders);
  with --prefill only the first 20,000 are POSTed (the load figure is theirs), the rest are
  copies of them with new ids, straight into the database (COPY on PostgreSQL);
- query latency: median and 95th percentile of sequential GETs with random values, filtered
  by agent, by verb, by activity, and Moodle's completion check (agent + verb + activity with
  related_activities=false and format=ids); no `limit`, so a response holds up to a page
  (SENSI_XAPI_PAGE_SIZE, 500) of statements, as for a client that sets none;
- paging: statements/s of one client following the `more` links through all statements
  (limit=500; --page-max bounds it to a prefix).

The statements look like Sensi's own (xapi/recording.py): 20,000 pseudonymous account agents,
10 ADL verbs, 2,000 activities in 50 modules (module, quiz, lessons, questions), one
registration per learner and module, context parents and groupings, results with scores.

It prints the figures as tables and writes them to bench/results/lrs-<db>.json. Gunicorn, the
client processes and the database share one machine, so the figures are for the machine as a
whole. The full run (both databases, 100,000 and 1,000,000 statements) takes about an hour on
2 cores; run it in the background (nohup). `--quick` (2,000 and 10,000 statements) takes a
couple of minutes. Nothing is asserted.
"""

import argparse
import base64
import functools
import http.client
import json
import os
import random
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode

from _databases import DEFAULT_POSTGRES, Postgres, SQLite, bench_database_name
from _serving import free_port, percentile, stop_process_group

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
BASE_URL = "http://127.0.0.1:8000"  # SENSI_BASE_URL of the server: agents' homePage, IRIs
STATEMENTS = "/xapi/statements"
CLIENTS = 4  # concurrent client processes for POSTs
BATCH = 100
LOAD_TASK = 5_000  # statements one loader posts before it reports back
PAGE_LIMIT = 500
QUIET = 0.25  # cores other processes may use while a figure is measured
ATTEMPTS = 4  # measurements of a figure, at most, until one is undisturbed
WAIT_FOR_QUIET = True  # --no-wait: measure at once, once (a shared machine never gets quiet)
AGENTS = 20_000
MODULES = 50
LESSONS = 13  # per module; with the module, its quiz and 25 questions: 40 activities
QUESTIONS = 25
NAMESPACE = uuid.UUID("3b0f3f8e-5a51-4c1e-9d0e-5e6b2f1a7c42")

FULL = {"sizes": [100_000, 1_000_000], "single": 2_000, "batches": 200, "queries": 200}
QUICK = {"sizes": [2_000, 10_000], "single": 200, "batches": 10, "queries": 30}

ADL = "http://adlnet.gov/expapi/verbs/"
VERBS = {
    "launched": (ADL + "launched", "gestartet"),
    "attempted": (ADL + "attempted", "begonnen"),
    "experienced": (ADL + "experienced", "gelesen"),
    "progressed": (ADL + "progressed", "fortgeschritten"),
    "acknowledged": ("https://w3id.org/xapi/dod-isd/verbs/acknowledged", "zur Kenntnis genommen"),
    "answered": (ADL + "answered", "beantwortet"),
    "passed": (ADL + "passed", "bestanden"),
    "failed": (ADL + "failed", "nicht bestanden"),
    "completed": (ADL + "completed", "abgeschlossen"),
    "terminated": (ADL + "terminated", "beendet"),
}
# (verb, what the object is, weight): reading and answering dominate, as in Sensi.
EVENTS = (
    ("launched", "module", 4),
    ("attempted", "module", 6),
    ("experienced", "lesson", 30),
    ("progressed", "lesson", 5),
    ("acknowledged", "lesson", 5),
    ("answered", "question", 30),
    ("passed", "quiz", 5),
    ("failed", "quiz", 3),
    ("completed", "module", 8),
    ("terminated", "module", 4),
)
ACTIVITY_TYPES = {
    "module": "http://adlnet.gov/expapi/activities/module",
    "quiz": "http://adlnet.gov/expapi/activities/assessment",
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "question": "http://adlnet.gov/expapi/activities/cmi.interaction",
}


# --- the statements --------------------------------------------------------------------------


@dataclass(frozen=True)
class Module:
    activity: dict
    quiz: dict
    lessons: tuple[dict, ...]
    questions: tuple[dict, ...]

    def activities(self) -> list[dict]:
        return [self.activity, self.quiz, *self.lessons, *self.questions]


def _activity(label: str, kind: str) -> dict:
    definition = {
        "type": ACTIVITY_TYPES[kind],
        "name": {"de-DE": f"Titel {label}", "en-US": f"Title {label}"},
    }
    if kind == "question":
        definition["interactionType"] = "choice"
        definition["correctResponsesPattern"] = ["a[,]c"]
        definition["choices"] = [
            {"id": choice, "description": {"de-DE": f"Antwort {choice}"}} for choice in "abcd"
        ]
    iri = f"{BASE_URL}/xapi/activities/{uuid.uuid5(NAMESPACE, label)}"
    return {"objectType": "Activity", "id": iri, "definition": definition}


def _module(number: int) -> Module:
    label = f"module {number}"
    return Module(
        activity=_activity(label, "module"),
        quiz=_activity(f"{label} quiz", "quiz"),
        lessons=tuple(_activity(f"{label} lesson {n}", "lesson") for n in range(LESSONS)),
        questions=tuple(_activity(f"{label} question {n}", "question") for n in range(QUESTIONS)),
    )


@functools.cache
def world() -> tuple[tuple[str, ...], tuple[Module, ...]]:
    """The learners' pseudonyms and the modules, the same in every process."""
    pseudonyms = tuple(str(uuid.uuid5(NAMESPACE, f"agent {n}")) for n in range(AGENTS))
    return pseudonyms, tuple(_module(n) for n in range(MODULES))


def actor(pseudonym: str) -> dict:
    return {"objectType": "Agent", "account": {"homePage": BASE_URL, "name": pseudonym}}


def _object_and_parent(rng: random.Random, module: Module, kind: str) -> tuple[dict, dict | None]:
    if kind == "module":
        return module.activity, None
    if kind == "quiz":
        return module.quiz, module.activity
    if kind == "lesson":
        return rng.choice(module.lessons), module.activity
    return rng.choice(module.questions), module.quiz


def _result(rng: random.Random, verb: str) -> dict | None:
    if verb == "answered":
        return {"response": rng.choice(["a[,]c", "a", "b[,]d"]), "success": rng.random() < 0.7}
    if verb in ("passed", "failed"):
        raw = rng.randint(8, 10) if verb == "passed" else rng.randint(0, 7)
        score = {"raw": raw, "min": 0, "max": 10, "scaled": raw / 10}
        return {"score": score, "success": verb == "passed", "completion": True}
    if verb == "completed":
        return {"completion": True}
    return None


def make_statement(rng: random.Random) -> dict:
    pseudonyms, modules = world()
    pseudonym, module = rng.choice(pseudonyms), rng.choice(modules)
    verb, kind, _weight = rng.choices(EVENTS, weights=[e[2] for e in EVENTS])[0]
    obj, parent = _object_and_parent(rng, module, kind)
    context_activities = {}
    if parent is not None:
        context_activities["parent"] = [parent]
    if module.activity not in (obj, parent):
        context_activities["grouping"] = [module.activity]
    iri, german = VERBS[verb]
    when = datetime.now(UTC) - timedelta(seconds=rng.randrange(365 * 24 * 3600))
    statement = {
        "id": str(uuid.uuid4()),
        "actor": actor(pseudonym),
        "verb": {"id": iri, "display": {"de-DE": german, "en-US": verb}},
        "object": obj,
        "context": {
            "registration": str(uuid.uuid5(NAMESPACE, f"{pseudonym} {module.activity['id']}")),
            "contextActivities": context_activities,
            "language": "de-DE",
            "platform": "Sensi",
        },
        "timestamp": when.isoformat(timespec="milliseconds"),
    }
    result = _result(rng, verb)
    if result is not None:
        statement["result"] = result
    return statement


# --- HTTP ------------------------------------------------------------------------------------


class LRS:
    """A keep-alive HTTP client of the LRS (it reconnects when gunicorn closes the connection)."""

    def __init__(self, port: int, key: str = "", secret: str = ""):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        token = base64.b64encode(f"{key}:{secret}".encode()).decode()
        self.headers = {"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"}

    def request(self, method: str, path: str, body: str | None = None) -> tuple[int, bytes]:
        headers = dict(self.headers)
        if body is not None:
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                return response.status, response.read()
            except (http.client.RemoteDisconnected, ConnectionError):
                self.connection.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def get_json(self, path: str):
        status, body = self.request("GET", path)
        if status != 200:
            raise RuntimeError(f"GET {path[:120]} answered {status}: {body[:300]!r}")
        return json.loads(body)


_worker_client: LRS | None = None


def _start_worker(port: int, key: str, secret: str) -> None:
    global _worker_client
    _worker_client = LRS(port, key, secret)
    world()


def _warm_task(_n: int) -> int:
    return len(_worker_client.get_json(f"{STATEMENTS}?limit=1")["statements"])


def _post_task(count: int, batch: int) -> tuple[int, int, float]:
    """POST `count` new statements, `batch` a request (one alone as an object, not a list).
    A failed request is counted, and after 0.1 s sent again with new statements.

    Returns (stored, errors, CPU seconds this client used)."""
    cpu = time.process_time()
    rng = random.Random(secrets.randbits(64))
    stored = errors = failing = 0
    while stored < count:
        size = min(batch, count - stored)
        statements = [make_statement(rng) for _ in range(size)]
        body = json.dumps(statements if batch > 1 else statements[0])
        status, answer = _worker_client.request("POST", STATEMENTS, body)
        if status == 200:
            stored, failing = stored + size, 0
            continue
        errors, failing = errors + 1, failing + 1
        if failing > 50:
            raise RuntimeError(f"POST keeps failing, last {status}: {answer[:300]!r}")
        time.sleep(0.1)
    return stored, errors, time.process_time() - cpu


def _split(total: int, parts: int) -> list[int]:
    return [n for n in (total // parts + (i < total % parts) for i in range(parts)) if n]


# --- databases and the server ----------------------------------------------------------------


class Server:
    """`manage.py` and gunicorn with the production settings on one database."""

    def __init__(self, database_url: str, log: Path):
        self.port = free_port()
        self.log = log
        self.process: subprocess.Popen | None = None
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SENSI_SECRET_KEY": secrets.token_urlsafe(50),
            "SENSI_LEDGER_KEYS": f"bench:{secrets.token_urlsafe(32)}",  # required by the checks
            "SENSI_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SENSI_SECURE_SSL_REDIRECT": "false",
            "SENSI_BASE_URL": BASE_URL,
            "SENSI_LOG_LEVEL": "WARNING",
            "DATABASE_URL": database_url,
        }

    def manage(self, *args: str) -> str:
        command = [sys.executable, "manage.py", *args]
        done = subprocess.run(command, cwd=ROOT, env=self.env, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stderr[-2000:]}")
        return done.stdout

    def create_client(self) -> tuple[str, str]:
        lines = self.manage("xapi_client", "add", "bench", "--read", "--write").splitlines()
        found = dict(line.split(":", 1) for line in lines if line.startswith(("key:", "secret:")))
        return found["key"].strip(), found["secret"].strip()

    def start(self) -> None:
        gunicorn = Path(sys.executable).parent / "gunicorn"
        command = [str(gunicorn), "config.wsgi", "-c", "config/gunicorn.py", "-w", "2"]
        command += ["-b", f"127.0.0.1:{self.port}"]
        command += ["--error-logfile", str(self.log)]
        self.log.unlink(missing_ok=True)
        with self.log.open("ab") as log:  # Python warnings and tracebacks of worker boots
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, start_new_session=True, stdout=log, stderr=log
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if LRS(self.port).request("GET", "/xapi/about")[0] == 200:
                    return
            except OSError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer; see {self.log}")

    def stop(self) -> None:
        stop_process_group(self.process)

    def logged_errors(self) -> int:
        if not self.log.exists():
            return 0
        return self.log.read_text(errors="replace").count("Traceback")


# --- CPU use ---------------------------------------------------------------------------------


def _stat_cpu(stat: str, *, with_ended_children: bool = False) -> float:
    """User and system CPU seconds from the text of /proc/PID/stat, optionally with those of
    the children that ended and were waited for (PostgreSQL backends close after
    SENSI_DB_CONN_MAX_AGE seconds)."""
    fields = [int(n) for n in stat.rsplit(")", 1)[1].split()[11:15]]
    return sum(fields if with_ended_children else fields[:2]) / os.sysconf("SC_CLK_TCK")


def _process_cpu(pid: int, *, with_ended_children: bool = False) -> float:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:  # gone
        return 0.0
    return _stat_cpu(stat, with_ended_children=with_ended_children)


def _tree_cpu(pid: int) -> dict[int, float]:
    """CPU seconds of a process (with its ended children) and of each running child."""
    try:
        children = [
            int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        ]
    except OSError:
        children = []
    found = {child: _process_cpu(child) for child in children}
    found[pid] = _process_cpu(pid, with_ended_children=True)
    return found


def _postgres_cpu(postmaster_pid: int, database: str) -> dict[int, float]:
    """CPU seconds of the PostgreSQL server's processes that work for the bench database: its
    backends and the background processes, not running backends of other databases (ended
    ones count, they cannot be told apart)."""
    found = _tree_cpu(postmaster_pid)
    for pid in list(found):
        try:
            title = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            title = ""
        client_backend = "(" in title or "[local]" in title
        if client_backend and f" {database} " not in title:
            del found[pid]
    return found


def _grown(end: dict[int, float], start: dict[int, float]) -> float:
    """CPU seconds a process tree used between two samples: a child that ended in between
    counts, whole, in its parent's share, and its part before the start is in both sums."""
    return sum(end.values()) - sum(start.values())


def _machine_busy() -> float:
    """CPU seconds all cores spent not idle since boot."""
    ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n")[0].split()[1:9]]
    return (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")


class CpuMeter:
    """Cores used while it runs: by gunicorn, by the PostgreSQL server (its postmaster and
    children), by this script's clients, and by everything else on the machine ("foreign":
    other people's work, the kernel), which should be near 0 for figures to be trusted."""

    def __init__(self, server_pid: int, postmaster_pid: int | None, database: str = ""):
        self.server_pid = server_pid
        self.postmaster_pid = postmaster_pid
        self.database = database
        self.start = self._sample()

    def _sample(self) -> tuple:
        return (
            time.perf_counter(),
            _tree_cpu(self.server_pid),
            _postgres_cpu(self.postmaster_pid, self.database) if self.postmaster_pid else {},
            time.process_time(),
            _machine_busy(),
        )

    def cores(self, client_cpu: float = 0.0) -> dict:
        end = self._sample()
        wall = end[0] - self.start[0]
        server, postgres = _grown(end[1], self.start[1]), _grown(end[2], self.start[2])
        clients = client_cpu + end[3] - self.start[3]
        busy = end[4] - self.start[4]
        return {
            "gunicorn": round(server / wall, 2),
            "postgres": round(postgres / wall, 2),
            "clients": round(clients / wall, 2),
            "foreign": round(max(0.0, busy - server - postgres - clients) / wall, 2),
        }


def _cores_text(cores: dict) -> str:
    return "cores " + ", ".join(f"{name} {value:.2f}" for name, value in cores.items())


def wait_until_quiet(session: "Session", timeout: float = 600) -> None:
    """Wait until other work on the machine uses less than QUIET cores for 3 seconds
    (not at all with --no-wait)."""
    if not WAIT_FOR_QUIET:
        return
    deadline, told = time.monotonic() + timeout, False
    while time.monotonic() < deadline:
        meter = session.cpu_meter()
        time.sleep(3)
        foreign = meter.cores()["foreign"]
        if foreign < QUIET:
            return
        if not told:
            print(f"    (waiting: other processes use {foreign:.2f} cores)", flush=True)
            told = True
    print("    (the machine did not get quiet; measuring anyway)", flush=True)


# --- measurements ----------------------------------------------------------------------------


@dataclass
class Session:
    """What the measurements use: the client processes, a client of our own, gunicorn's pid."""

    pool: ProcessPoolExecutor
    client: LRS
    server_pid: int
    postmaster_pid: int | None
    database: str = ""  # PostgreSQL: the bench database's name
    stored: int = 0  # statements POSTed so far

    def cpu_meter(self) -> CpuMeter:
        return CpuMeter(self.server_pid, self.postmaster_pid, self.database)


def undisturbed(session: Session, measure, *args) -> dict:
    """Measure when the machine is quiet, again if other processes used more than QUIET cores
    meanwhile (ATTEMPTS times at most); the least disturbed of the measurements."""
    tried = []
    for _attempt in range(ATTEMPTS if WAIT_FOR_QUIET else 1):
        wait_until_quiet(session)
        tried.append(measure(session, *args))
        foreign = tried[-1]["cores"]["foreign"]
        if foreign < QUIET or not WAIT_FOR_QUIET:
            break
        print(f"    (disturbed: other processes used {foreign:.2f} cores; again)", flush=True)
    best = min(tried, key=lambda figures: figures["cores"]["foreign"])
    return {**best, "attempts": len(tried)}


def post_rate(session: Session, total: int, batch: int) -> dict:
    meter = session.cpu_meter()
    start = time.perf_counter()
    done = list(session.pool.map(_post_task, _split(total, CLIENTS), [batch] * CLIENTS))
    seconds = time.perf_counter() - start
    stored = sum(d[0] for d in done)
    session.stored += stored
    return {
        "statements": stored,
        "batch": batch,
        "seconds": round(seconds, 2),
        "per_second": round(stored / seconds, 1),
        "errors": sum(d[1] for d in done),
        "cores": meter.cores(sum(d[2] for d in done)),
    }


def load(session: Session, count: int) -> dict:
    """Fill the store with `count` statements; reports the rate every tenth of the way."""
    wait_until_quiet(session)
    meter = session.cpu_meter()
    tasks = [min(LOAD_TASK, count - n) for n in range(0, count, LOAD_TASK)]
    start = time.perf_counter()
    futures = [session.pool.submit(_post_task, n, BATCH) for n in tasks]
    stored = errors = 0
    client_cpu = 0.0
    timeline, next_report = [], count / 10
    for future in as_completed(futures):
        done, failed, cpu = future.result()
        stored, errors, client_cpu = stored + done, errors + failed, client_cpu + cpu
        session.stored += done
        if stored >= next_report or stored == count:
            seconds = time.perf_counter() - start
            timeline.append([stored, round(seconds, 1)])
            print(f"    loaded {stored:>9,} in {seconds:7.1f} s ({stored / seconds:,.0f}/s)")
            next_report += count / 10
    seconds = time.perf_counter() - start
    figures = {
        "statements": stored,
        "seconds": round(seconds, 1),
        "per_second": round(stored / seconds, 1),
        "errors": errors,
        "cores": meter.cores(client_cpu),
        "timeline": timeline,
    }
    print(f"    load: {figures['per_second']:,.0f} statements/s; {_cores_text(figures['cores'])}")
    return figures


def _query_params() -> dict:
    pseudonyms, modules = world()
    verbs = [iri for iri, _german in VERBS.values()]
    activities = [a["id"] for m in modules for a in m.activities()]
    completed = VERBS["completed"][0]

    def agent(rng):
        return json.dumps(actor(rng.choice(pseudonyms)))

    return {
        "agent": lambda rng: {"agent": agent(rng)},
        "verb": lambda rng: {"verb": rng.choice(verbs)},
        "activity": lambda rng: {"activity": rng.choice(activities)},
        "moodle": lambda rng: {
            "agent": agent(rng),
            "verb": completed,
            "activity": rng.choice(modules).activity["id"],
            "related_activities": "false",
            "format": "ids",
        },
    }


def query_latency(session: Session, params, count: int, rng: random.Random) -> dict:
    meter = session.cpu_meter()
    timings, returned = [], []
    for _ in range(count):
        path = f"{STATEMENTS}?{urlencode(params(rng))}"
        start = time.perf_counter()
        status, body = session.client.request("GET", path)
        timings.append((time.perf_counter() - start) * 1000)
        if status != 200:
            raise RuntimeError(f"GET {path[:120]} answered {status}: {body[:300]!r}")
        returned.append(len(json.loads(body)["statements"]))
    return {
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "max_ms": round(max(timings), 1),
        "mean_statements": round(statistics.mean(returned), 1),
        "cores": meter.cores(),
    }


def paging_rate(session: Session, maximum: int | None) -> dict:
    path, seen, pages = f"{STATEMENTS}?limit={PAGE_LIMIT}", 0, 0
    meter = session.cpu_meter()
    start = time.perf_counter()
    while path and (maximum is None or seen < maximum):
        page = session.client.get_json(path)
        seen, pages, path = seen + len(page["statements"]), pages + 1, page["more"]
    seconds = time.perf_counter() - start
    return {
        "statements": seen,
        "pages": pages,
        "whole": not path,
        "seconds": round(seconds, 1),
        "per_second": round(seen / seconds, 1),
        "cores": meter.cores(),
    }


def measure_writes(session: Session, plan: dict) -> dict:
    figures = {}
    for name, total, batch in (
        ("single", plan["single"], 1),
        ("batch", plan["batches"] * BATCH, BATCH),
    ):
        figures[name] = undisturbed(session, post_rate, total, batch)
        print(
            f"    {name} POST: {figures[name]['per_second']:,.0f} statements/s,"
            f" {figures[name]['errors']} errors; {_cores_text(figures[name]['cores'])}",
            flush=True,
        )
    return figures


def measure_reads(session: Session, plan: dict, page_max: int | None) -> dict:
    rng = random.Random(1)
    queries = {}
    for name, params in _query_params().items():
        queries[name] = figures = undisturbed(session, query_latency, params, plan["queries"], rng)
        print(
            f"    {name:<9} median {figures['median_ms']:6.1f} ms  p95 {figures['p95_ms']:6.1f} ms"
            f"  ({figures['mean_statements']:.0f} statements); {_cores_text(figures['cores'])}",
            flush=True,
        )
    paging = undisturbed(session, paging_rate, page_max)
    print(
        f"    paging: {paging['statements']:,} statements at {paging['per_second']:,.0f}/s;"
        f" {_cores_text(paging['cores'])}",
        flush=True,
    )
    return {"queries": queries, "paging": paging}


# --- one database ----------------------------------------------------------------------------


def run_stages(
    session: Session, db, plan: dict, page_max: int | None, report: dict, fill=None
) -> None:
    """Writes on the empty store, then for each size: load (or prefill), reads, writes."""
    for size in [0, *plan["sizes"]]:
        stage = {"store": max(size, session.stored)}
        print(f"  store {stage['store']:,} statements:", flush=True)
        if size > session.stored and fill is not None:
            if session.stored < PREFILL_POOL:  # enough originals for every agent to appear
                stage["load"] = load(session, min(size, PREFILL_POOL) - session.stored)
            if size > session.stored:
                stage["prefill"] = fill(size - session.stored)
                session.stored = size
        elif size > session.stored:
            stage["load"] = load(session, size - session.stored)
        if size:
            stage.update(measure_reads(session, plan, page_max))
        stage["db_mb"] = round(db.size_mb(), 1)
        stage.update(measure_writes(session, plan))
        report["stages"].append(stage)
        write_json(report)


def bench_database(db, plan: dict, page_max: int | None, keep: bool) -> dict:
    started = time.perf_counter()
    print(f"\n== {db.describe()}: sizes {', '.join(f'{s:,}' for s in plan['sizes'])}", flush=True)
    report = {"database": db.name, "version": db.describe(), "plan": plan, "stages": []}
    database_url = db.create()
    server = Server(database_url, Path(tempfile.gettempdir()) / f"sensi-bench-{db.name}.log")
    try:
        server.manage("migrate", "--noinput")
        key, secret = server.create_client()
        server.start()
        init = (server.port, key, secret)
        with ProcessPoolExecutor(CLIENTS, initializer=_start_worker, initargs=init) as pool:
            list(pool.map(_warm_task, range(2 * CLIENTS)))
            client = LRS(server.port, key, secret)
            session = Session(
                pool, client, server.process.pid, db.postmaster_pid(), getattr(db, "database", "")
            )
            fill = functools.partial(prefill, server) if plan.get("prefill") else None
            run_stages(session, db, plan, page_max, report, fill)
    finally:
        server.stop()
        report["server_tracebacks"] = server.logged_errors()
        if keep:
            print(f"  kept the database: DATABASE_URL={database_url}")
        else:
            db.drop()
    report["seconds"] = round(time.perf_counter() - started)
    write_json(report)
    return report


def write_json(report: dict) -> None:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"lrs-{report['database']}.json"
    path.write_text(json.dumps(report, indent=2) + "\n")


# --- prefill: copies of the statements stored so far, straight into the database ------------

PREFILL_CHUNK = 50_000
PREFILL_POOL = AGENTS  # statements POSTed before copying, so that copies spread over all agents


def prefill(server: Server, count: int) -> dict:
    """Add `count` statements in a `manage.py`-like child process with the server's settings;
    returns its figures."""
    started = time.perf_counter()
    command = [sys.executable, str(Path(__file__).resolve()), "--prefill-child", str(count)]
    done = subprocess.run(command, cwd=ROOT, env=server.env, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"prefill failed:\n{done.stderr[-3000:]}")
    seconds = time.perf_counter() - started
    print(f"    prefilled {count:,} statements in {seconds:.1f} s ({count / seconds:,.0f}/s)")
    return {"statements": count, "seconds": round(seconds, 1)}


def prefill_child(count: int) -> None:
    """Copy the stored statements (those the write measurements POSTed through the LRS, with
    every column the LRS derived) round-robin with new ids until `count` more are stored:
    COPY on PostgreSQL, executemany on SQLite. The copies' columns come from the model, so
    the fill keeps up with columns added later."""
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection, transaction

    from xapi.models import Statement

    columns = [f.column for f in Statement._meta.concrete_fields if f.column != "seq"]
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    table = connection.ops.quote_name(Statement._meta.db_table)
    postgres = connection.vendor == "postgresql"
    select = ", ".join(
        f"{connection.ops.quote_name(c)}::text" if postgres else connection.ops.quote_name(c)
        for c in columns
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {select} FROM {table} ORDER BY seq LIMIT {PREFILL_POOL}")
        templates = cursor.fetchall()
    if not templates:
        raise RuntimeError("nothing stored to copy")
    id_at, data_at = columns.index("statement_id"), columns.index("data")

    def copies(n: int, start: int):
        for i in range(start, start + n):
            row = list(templates[i % len(templates)])
            new = uuid.uuid4()
            old = str(uuid.UUID(str(row[id_at])))
            row[data_at] = row[data_at].replace(old, str(new))
            row[id_at] = str(new) if postgres else new.hex
            yield row

    done = 0
    while done < count:
        n = min(PREFILL_CHUNK, count - done)
        with transaction.atomic(), connection.cursor() as cursor:
            if postgres:
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in copies(n, done):
                        copy.write_row(row)
            else:
                placeholders = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {table} ({names}) VALUES ({placeholders})", copies(n, done)
                )
        done += n
    if postgres:
        # What autovacuum does after a bulk insert (the inserts pass its threshold): without
        # it the measurements after a fill compete with an autovacuum run, a store in a state
        # that production leaves within minutes
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {table}")


# --- the tables ------------------------------------------------------------------------------


def _cell(stage: dict, *keys: str, fmt: str = "{:,.0f}") -> str:
    value = stage
    for key in keys:
        if key not in value:
            return "-"
        value = value[key]
    return fmt.format(value)


def _latency(stage: dict, name: str) -> str:
    if "queries" not in stage:
        return "-"
    figures = stage["queries"][name]
    return f"{figures['median_ms']:.1f} / {figures['p95_ms']:.1f}"


def print_tables(reports: list[dict]) -> None:
    print("\nWrites (statements/s; gunicorn -w 2, 4 client processes; cores of batch POSTs)")
    print(
        f"{'database':<10} {'store':>10} {'single POST':>12} {'batch 100':>10} {'load':>8}"
        f" {'errors':>7} {'DB MB':>8}   cores gunicorn/postgres/clients/foreign"
    )
    for report in reports:
        for stage in report["stages"]:
            errors = sum(stage[k]["errors"] for k in ("single", "batch", "load") if k in stage)
            rates = [_cell(stage, k, "per_second") for k in ("single", "batch", "load")]
            cores = "/".join(f"{v:.2f}" for v in stage["batch"]["cores"].values())
            print(
                f"{report['database']:<10} {stage['store']:>10,} {rates[0]:>12} {rates[1]:>10}"
                f" {rates[2]:>8} {errors:>7} {stage['db_mb']:>8,.0f}   {cores}"
            )
    print("\nReads (ms median / p95 of sequential GETs; paging in statements/s)")
    names = ("agent", "verb", "activity", "moodle")
    print(f"{'database':<10} {'store':>10} " + " ".join(f"{n:>15}" for n in names) + "   paging")
    for report in reports:
        for stage in report["stages"]:
            if "queries" not in stage:
                continue
            paging = stage["paging"]
            note = "" if paging["whole"] else f" (first {paging['statements']:,})"
            print(
                f"{report['database']:<10} {stage['store']:>10,} "
                + " ".join(f"{_latency(stage, n):>15}" for n in names)
                + f"   {paging['per_second']:>7,.0f}{note}"
            )
    for report in reports:
        print(
            f"{report['database']}: {report['version']}, {report['seconds']:,} s,"
            f" {report['server_tracebacks']} tracebacks in the gunicorn log,"
            f" at most {_most_foreign(report):.2f} cores used by other processes while measuring"
        )


def _most_foreign(report: dict) -> float:
    found = []
    for stage in report["stages"]:
        for name in ("single", "batch", "load", "paging"):
            if name in stage:
                found.append(stage[name]["cores"]["foreign"])
        found += [q["cores"]["foreign"] for q in stage.get("queries", {}).values()]
    return max(found, default=0.0)


# --- main ------------------------------------------------------------------------------------


def main() -> None:
    if sys.argv[1:2] == ["--prefill-child"]:
        prefill_child(int(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", nargs="+", choices=["postgres", "sqlite"], default=None)
    parser.add_argument("--sizes", type=int, nargs="+", help="store sizes to measure at")
    parser.add_argument("--quick", action="store_true", help="small sizes, to try it out")
    parser.add_argument("--single", type=int, help="single-statement POSTs per measurement")
    parser.add_argument("--batches", type=int, help="batch POSTs per measurement")
    parser.add_argument("--queries", type=int, help="GETs per query kind")
    parser.add_argument("--page-max", type=int, help="page through at most this many")
    parser.add_argument("--postgres-url", default=None, help="a database on the server to use")
    parser.add_argument("--keep", action="store_true", help="keep the databases (to EXPLAIN)")
    parser.add_argument(
        "--prefill",
        action="store_true",
        help="POST the first 20,000 statements, then fill the store up to each size with"
        " copies of them straight into the database (COPY): minutes instead of an hour for"
        " 1,000,000; the load figure is then that of the first 20,000 only",
    )
    parser.add_argument(
        "--no-wait",
        action="store_true",
        help="measure at once and once, without waiting for the machine to be quiet",
    )
    args = parser.parse_args()
    global WAIT_FOR_QUIET
    WAIT_FOR_QUIET = not args.no_wait
    # `kill` or `timeout`: stop gunicorn and drop the database on the way out, as with Ctrl+C
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
    plan = dict(QUICK if args.quick else FULL)
    for name in ("sizes", "single", "batches", "queries"):
        if getattr(args, name):
            plan[name] = getattr(args, name)
    plan["prefill"] = args.prefill
    plan["sizes"] = sorted(plan["sizes"])
    admin_url = args.postgres_url or os.environ.get("DATABASE_URL", "")
    if not admin_url.startswith("postgres"):
        admin_url = DEFAULT_POSTGRES
    database = bench_database_name(admin_url, "bench")
    makers = {"postgres": lambda: Postgres(admin_url, database), "sqlite": SQLite}
    started = time.perf_counter()
    reports = [
        bench_database(makers[name](), plan, args.page_max, args.keep) for name in args.db or makers
    ]
    print_tables(reports)
    print(f"total: {time.perf_counter() - started:,.0f} s")


if __name__ == "__main__":
    main()
