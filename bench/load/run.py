"""Sensi under mixed load in stages of growing user counts, each opened by a sign-in surge, and
while its PostgreSQL restarts.

    .venv/bin/python bench/load/run.py [--users 25 50 100 200] [--seconds 120] [--surge 50]
                                       [--think 5 15] [--workers N] [--threads N] [--quick] [--keep]

Creates a PostgreSQL cluster of its own (bench/load/cluster.py, port 5439; the shared one on
5432 is never touched), migrates, runs `seed_demo --employees 300`, gives employees
passwords and the CISO TOTP (bench/load/world.py), creates an LRS client, collects static
files and starts `gunicorn config.wsgi -c config/gunicorn.py` (as deployed; --workers and
--threads override it) with the production settings over HTTPS (a self-signed certificate:
production cookies are Secure). Then locust runs headless (bench/load/locustfile.py), one run
per stage: employees sign in, land on "Meine Schulungen", read lessons, pass quizzes and
acknowledge, with --think seconds on each page (a person reading a lesson); a Moodle client
checks completions and pages through statements; an LMS posts statements (one of each per ten
users); a CISO signs in with TOTP and downloads the dashboard, CSV and PDF.

The surge: locust starts a stage's users at users/--surge per second, so all of them, and the
employees' sign-ins, arrive within the stage's first --surge seconds (100 users: 2 a second).

Per stage it prints requests/s, median, 95th percentile and errors per scenario; the surge's
sign-ins (login POSTs: how many, how many within 60 s, median and p95); the cores used by
gunicorn, the PostgreSQL cluster and locust, from /proc per process group, sampled every
--cpu-interval seconds, for the whole stage, the surge and the rest, and by everything else
("foreign": on a shared machine the figures are pessimistic, read them with it and with the
load average); and the slowest requests. The fault stage runs the same mix and stops
PostgreSQL after a third of the time for --outage seconds, then starts it again. It reports the
answers by status before, during and after the outage, how soon each scenario succeeded again
(gunicorn is not restarted), the tracebacks and 503 warnings in gunicorn's log, and whether
every statement id the LRS confirmed and every acknowledgement confirmed to an employee is in
the database.

Everything runs on this machine (2 cores): locust's own CPU counts against the server's.
Results: bench/results/load-postgres.json. The full run takes about 18 minutes on the shared
machine (90 s stages: 1,071 s); --quick runs every stage briefly (5, 10, 20 and 40 users, 25 s
each, then the fault stage): about 3 minutes of stages after the setup (migrate, seed_demo,
collectstatic), 9 minutes in all on the shared machine at load 13-17.
"""

import argparse
import base64
import itertools
import json
import os
import runpy
import secrets
import signal
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.append(str(HERE.parent))  # bench/, last: its compliance.py is not the app
from _serving import free_port, percentile, stop_process_group  # noqa: E402
from cluster import Cluster  # noqa: E402

RESULTS = ROOT / "bench" / "results"
BIN = Path(sys.executable).parent


class Server:
    """manage.py and gunicorn over HTTPS, with the production settings, on the test cluster."""

    def __init__(self, database_url: str, workdir: Path, port: int, workers, threads):
        self.workdir, self.port, self.workers, self.threads = workdir, port, workers, threads
        self.log = workdir / "gunicorn.log"
        self.process: subprocess.Popen | None = None
        self.env = {
            # Not the caller's database or Sensi settings: under CI's test run those point at
            # its own cluster and replica (DATABASE_REPLICA_URL would send the LRS's reads there).
            **{
                name: value
                for name, value in os.environ.items()
                if not name.startswith(("DATABASE_", "SENSI_", "DJANGO_"))
            },
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SENSI_SECRET_KEY": secrets.token_urlsafe(50),
            "SENSI_LEDGER_KEYS": f"load:{secrets.token_urlsafe(32)}",  # required by the checks
            "SENSI_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SENSI_BASE_URL": "https://sensi.example",
            "SENSI_STATIC_ROOT": str(Path(tempfile.gettempdir()) / "sensi-load-static"),
            "SENSI_LOG_LEVEL": "WARNING",
            "SENSI_TRUSTED_PROXY_COUNT": "1",  # locust users send X-Forwarded-For
            "DATABASE_URL": database_url,
        }

    def describe(self) -> str:
        """The worker model as deployed (config/gunicorn.py) with --workers/--threads applied."""
        deployed = runpy.run_path(str(ROOT / "config" / "gunicorn.py"))
        workers = self.workers or deployed.get("workers", 1)
        threads = self.threads or deployed.get("threads", 1)
        kind = deployed.get("worker_class", "sync") if threads == 1 else "gthread"
        return f"{kind}, {workers} workers x {threads} threads"

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=self.env, capture_output=True, text=True
        )
        if done.returncode:
            raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
        return done.stdout

    def create_lrs_client(self) -> str:
        lines = self.run("manage.py", "xapi_client", "add", "load", "--read", "--write")
        found = dict(
            line.split(":", 1)
            for line in lines.splitlines()
            if line.startswith(("key:", "secret:"))
        )
        return f"{found['key'].strip()}:{found['secret'].strip()}"

    def _certificate(self) -> tuple[Path, Path]:
        cert, key = self.workdir / "cert.pem", self.workdir / "key.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
            + ["-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
            check=True,
            capture_output=True,
        )
        return cert, key

    def start(self) -> None:
        cert, key = self._certificate()
        command = [str(BIN / "gunicorn"), "config.wsgi", "-c", "config/gunicorn.py"]
        command += ["-b", f"127.0.0.1:{self.port}"]
        command += ["-w", str(self.workers)] if self.workers else []
        command += ["--threads", str(self.threads)] if self.threads else []
        command += ["--certfile", str(cert), "--keyfile", str(key)]
        command += ["--error-logfile", str(self.log)]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, start_new_session=True, stdout=log, stderr=log
            )
        deadline = time.monotonic() + 180  # a busy machine loads the app slowly
        while time.monotonic() < deadline:
            if self.get("/de/accounts/login/") == 200:
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not answer; see {self.log}")

    def get(self, path: str, headers: dict | None = None) -> int:
        context = ssl._create_unverified_context()  # the self-signed certificate
        request = urllib.request.Request(self.url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, context=context, timeout=30) as answer:
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return 0

    def stop(self) -> None:
        stop_process_group(self.process)

    def log_counts(self, since: int = 0) -> dict:
        text = self.log.read_text(errors="replace")[since:] if self.log.exists() else ""
        return {
            "tracebacks": text.count("Traceback"),
            "internal_server_error_lines": text.count("Internal Server Error"),
            "database_unavailable_warnings": text.count("Database unavailable"),
        }

    def log_size(self) -> int:
        return len(self.log.read_text(errors="replace")) if self.log.exists() else 0


# --- CPU: cores used by gunicorn, PostgreSQL and locust, from /proc ----------------------------

TICK = os.sysconf("SC_CLK_TCK")


def _proc_stat(pid: str) -> tuple[int, int, int, float, float] | None:
    """(ppid, pgid, pid, own CPU s, CPU s of its ended children) from /proc/PID/stat."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:  # ended meanwhile
        return None
    fields = text.rsplit(")", 1)[1].split()
    utime, stime, cutime, cstime = (int(n) for n in fields[11:15])
    own, ended = (utime + stime) / TICK, (cutime + cstime) / TICK
    return int(fields[1]), int(fields[2]), int(pid), own, ended


def _machine_busy() -> float:
    """CPU seconds all cores spent not idle since boot."""
    ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n")[0].split()[1:9]]
    return (sum(ticks) - ticks[3] - ticks[4]) / TICK


class CpuSampler:
    """Cores used by gunicorn (its process group), the test's PostgreSQL cluster (the postmaster
    and its children) and locust (its process group), sampled every --cpu-interval seconds while
    a stage runs, and by everything else on the machine ("foreign": the other helpers' work).

    A process that ended between two samples counts in its parent's times of waited-for
    children (gunicorn's master, the postmaster, locust): its CPU is not lost."""

    GROUPS = ("gunicorn", "postgres", "locust")

    def __init__(self, gunicorn_pgid: int, postmaster_pid, locust_pgid: int, interval: float):
        self.gunicorn, self.locust = gunicorn_pgid, locust_pgid
        self.postmaster_pid = postmaster_pid  # a callable: the fault stage restarts PostgreSQL
        self.interval = interval
        self.samples: list[tuple[float, dict]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> tuple[float, dict]:
        try:
            postmaster = self.postmaster_pid()
        except OSError:  # stopped (the fault stage)
            postmaster = -1
        used = dict.fromkeys(self.GROUPS, 0.0)
        for pid in os.listdir("/proc"):
            if not pid.isdigit() or (found := _proc_stat(pid)) is None:
                continue
            ppid, pgid, pid, own, ended = found
            if pgid == self.gunicorn:
                group = "gunicorn"
            elif pgid == self.locust:
                group = "locust"
            elif postmaster in (pid, ppid):
                group = "postgres"
            else:
                continue
            roots = (self.gunicorn, self.locust, postmaster)
            used[group] += own + (ended if pid in roots else 0.0)
        used["machine"] = _machine_busy()
        return time.monotonic(), used

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append(self._sample())
            self._stop.wait(self.interval)

    def start(self) -> "CpuSampler":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self.samples.append(self._sample())

    def cores(self, since: float = 0, until: float = float("inf")) -> dict:
        """Average cores per group between the samples taken `since`..`until` seconds after the
        first one; a restarted PostgreSQL (its times start again) counts no negative share."""
        if not self.samples:
            return {}
        first = self.samples[0][0]
        window = [s for s in self.samples if since <= s[0] - first <= until]
        if len(window) < 2:
            return {}
        used = dict.fromkeys([*self.GROUPS, "machine"], 0.0)
        for (_at, before), (_later, after) in itertools.pairwise(window):
            for group in used:
                used[group] += max(0.0, after[group] - before[group])
        wall = window[-1][0] - window[0][0]
        cores = {group: round(used[group] / wall, 2) for group in self.GROUPS}
        ours = sum(used[group] for group in self.GROUPS)
        cores["foreign"] = round(max(0.0, used["machine"] - ours) / wall, 2)
        return cores


# --- locust ------------------------------------------------------------------------------------


def start_locust(server: Server, env: dict, stage: "Stage", out: Path):
    out.mkdir(parents=True)
    command = [str(BIN / "locust"), "-f", str(HERE / "locustfile.py"), "--headless"]
    command += ["-u", str(stage.users), "-r", f"{stage.spawn_rate:.2f}", "-t", f"{stage.seconds}s"]
    command += ["--host", server.url, "--stop-timeout", "10", "--only-summary"]
    command += ["--loglevel", "ERROR", "--exit-code-on-error", "0"]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={
            **env,
            "SENSI_LOAD_OUT": str(out),
            "SENSI_LOAD_USERS": str(stage.users),
            "SENSI_LOAD_THINK": f"{stage.think[0]},{stage.think[1]}",
        },
        stdout=(out / "locust.log").open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, for the CPU sampler
    )


def read_requests(out: Path) -> list[tuple[float, str, str, int, float]]:
    rows = []
    for line in (out / "requests.csv").read_text().splitlines():
        at, scenario, name, status, ms = line.split(",")
        rows.append((float(at), scenario, name, int(status), float(ms)))
    return rows


def is_error(status: int) -> bool:
    return status == 0 or status >= 400


def figures(found: list, seconds: float) -> dict:
    times = [row[4] for row in found] or [0.0]
    return {
        "requests": len(found),
        "per_second": round(len(found) / seconds, 1),
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "errors": sum(1 for row in found if is_error(row[3])),
        "statuses": dict(sorted(Counter(str(row[3]) for row in found).items())),
    }


def summarise(rows, seconds: float) -> dict:
    by_scenario = defaultdict(list)
    for row in rows:
        by_scenario[row[1]].append(row)
    by_scenario["all"] = list(rows)
    return {scenario: figures(found, seconds) for scenario, found in sorted(by_scenario.items())}


def slowest_pages(rows, count: int = 5) -> list[dict]:
    """The request names with the highest p95: where to look next."""
    by_name = defaultdict(list)
    for row in rows:
        by_name[f"{row[1]}: {row[2]}"].append(row[4])
    ranked = sorted(by_name.items(), key=lambda item: -percentile(item[1], 0.95))
    return [
        {
            "name": name,
            "requests": len(times),
            "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(percentile(times, 0.95), 1),
        }
        for name, times in ranked[:count]
    ]


def surge(rows, started: float) -> dict:
    """The sign-ins (login POSTs) of the stage: how many, how fast, by when the last one ended."""
    logins = [r for r in rows if r[2] == "login"]  # employees and the CISO
    ok = [r for r in logins if r[3] == 302]
    # requests.csv records when a request ended
    last = max((r[0] for r in ok), default=started) - started
    times = [r[4] for r in logins] or [0.0]
    return {
        "sign_ins": len(ok),
        "failed": len(logins) - len(ok),
        "median_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "last_done_after_s": round(last, 1),
        "within_60_s": sum(1 for r in ok if r[0] - started <= 60),
    }


def verify(server: Server, out: Path) -> dict:
    return json.loads(server.run(str(HERE / "world.py"), "verify", str(out)).strip())


@dataclass
class Stage:
    users: int
    seconds: int
    surge: float  # all users have started (and signed in) within this many seconds
    think: tuple[float, float]  # an employee's seconds on a page

    @property
    def spawn_rate(self) -> float:
        return self.users / self.surge


def run_stage(server, env, cluster, stage: Stage, out: Path, args, during=None) -> dict:
    """Locust for one stage with the CPU sampler beside it; `during` runs meanwhile (the fault)."""
    started = time.time()
    load_before = os.getloadavg()
    locust = start_locust(server, env, stage, out)
    sampler = CpuSampler(server.process.pid, cluster.postmaster_pid, locust.pid, args.cpu_interval)
    sampler.start()
    extra = during() if during else None
    locust.wait()
    sampler.stop()
    rows = read_requests(out)
    result = {
        "users": stage.users,
        "seconds": stage.seconds,
        "spawn_per_second": round(stage.spawn_rate, 2),
        "think_seconds": list(stage.think),
        "load_average": [round(n, 1) for n in (*load_before, *os.getloadavg())],
        "scenarios": summarise(rows, stage.seconds),
        "surge": surge(rows, started),
        "cores": sampler.cores(),
        "cores_surge": sampler.cores(until=stage.surge + 10),
        "cores_after_surge": sampler.cores(since=stage.surge + 10),
        "slowest": slowest_pages(rows),
        "loss": verify(server, out),
    }
    return result, rows, extra


def load_stage(server, env, cluster, stage: Stage, workdir: Path, args) -> dict:
    out = workdir / f"stage-{stage.users}"
    print(
        f"  {stage.users} users for {stage.seconds} s, {stage.spawn_rate:.1f} starting per"
        " second ...",
        flush=True,
    )
    result, _rows, _ = run_stage(server, env, cluster, stage, out, args)
    return result


def fault_stage(server, env, cluster: Cluster, stage: Stage, outage: float, workdir, args):
    out = workdir / "fault"
    log_from = server.log_size()
    print(
        f"  fault: {stage.users} users for {stage.seconds} s, PostgreSQL away for {outage:.0f} s",
        flush=True,
    )

    def outage_now():
        time.sleep(stage.seconds / 3)
        stopped = time.time()
        cluster.stop()
        time.sleep(outage)
        cluster.start()
        cluster.wait()
        back = time.time()
        print(f"    PostgreSQL stopped for {back - stopped:.1f} s", flush=True)
        return stopped, back

    result, rows, (stopped, back) = run_stage(
        server, env, cluster, stage, out, args, during=outage_now
    )
    phases = {
        "before": [r for r in rows if r[0] < stopped],
        "outage": [r for r in rows if stopped <= r[0] < back],
        "after": [r for r in rows if r[0] >= back],
    }
    recovered = {}
    for scenario in sorted({r[1] for r in rows}):
        ok = [r[0] for r in phases["after"] if r[1] == scenario and not is_error(r[3])]
        recovered[scenario] = round(min(ok) - back, 1) if ok else None
    late = [r for r in phases["after"] if r[0] > back + 15 and r[3] >= 500]
    lrs = env["SENSI_LOAD_LRS"]
    basic = "Basic " + base64.b64encode(lrs.encode()).decode()
    probes = {
        "login page": server.get("/de/accounts/login/"),
        "xapi statements": server.get(
            "/xapi/statements?limit=1",
            {"Authorization": basic, "X-Experience-API-Version": "1.0.3"},
        ),
    }
    return {
        **result,
        "outage_seconds": round(back - stopped, 1),
        "statuses": {
            phase: dict(sorted(Counter(str(r[3]) for r in found).items()))
            for phase, found in phases.items()
        },
        "server_errors_500": sum(1 for r in rows if r[3] == 500),
        "server_errors_5xx_more_than_15_s_after": len(late),
        "first_success_after_seconds": recovered,
        "probes_after_run": probes,
        "gunicorn_log": server.log_counts(log_from),
    }


# --- output ------------------------------------------------------------------------------------


def _cores_text(cores: dict) -> str:
    return " ".join(f"{name} {value:.2f}" for name, value in cores.items()) or "-"


def print_report(report: dict) -> None:
    print(
        "\nLoad (gunicorn {gunicorn}, PostgreSQL {pg}; locust on the same machine)".format(**report)
    )
    print(
        f"{'users':>5}  {'scenario':<11} {'requests':>8} {'req/s':>7} {'median ms':>10}"
        f" {'p95 ms':>8} {'errors':>6}"
    )
    stages = report["stages"] + ([report["fault"]] if report.get("fault") else [])
    for stage in stages:
        label = f"{stage['users']}" + ("F" if stage is report.get("fault") else "")
        for scenario, found in stage["scenarios"].items():
            print(
                f"{label:>5}  {scenario:<11} {found['requests']:>8}"
                f" {found['per_second']:>7.1f} {found['median_ms']:>10.0f}"
                f" {found['p95_ms']:>8.0f} {found['errors']:>6}"
            )
    print(
        f"\n{'users':>5}  {'sign-ins':>8} {'failed':>6} {'in 60 s':>7} {'last at s':>9}"
        f" {'median ms':>10} {'p95 ms':>8}   the surge (login POSTs)"
    )
    for stage in stages:
        found = stage["surge"]
        label = f"{stage['users']}" + ("F" if stage is report.get("fault") else "")
        print(
            f"{label:>5}  {found['sign_ins']:>8} {found['failed']:>6} {found['within_60_s']:>7}"
            f" {found['last_done_after_s']:>9.1f} {found['median_ms']:>10.0f}"
            f" {found['p95_ms']:>8.0f}"
        )
    print("\ncores used (whole stage | surge | after the surge); load average before → after")
    for stage in stages:
        label = f"{stage['users']}" + ("F" if stage is report.get("fault") else "")
        load = stage["load_average"]
        print(
            f"{label:>5}  {_cores_text(stage['cores'])} | {_cores_text(stage['cores_surge'])}"
            f" | {_cores_text(stage['cores_after_surge'])}; load {load[0]} → {load[3]}"
        )
    print("\nslowest requests (p95 ms) per stage")
    for stage in stages:
        label = f"{stage['users']}" + ("F" if stage is report.get("fault") else "")
        print(
            f"{label:>5}  "
            + "; ".join(f"{s['name']} {s['p95_ms']:.0f}" for s in stage["slowest"][:4])
        )
    for stage in report["stages"]:
        loss = stage["loss"]
        print(
            f"{stage['users']:>5} users: {loss['statements_confirmed']} statements and"
            f" {loss['acknowledgements_confirmed']} acknowledgements confirmed,"
            f" {loss['statements_missing']} / {loss['acknowledgements_missing']} missing"
        )
    fault = report.get("fault")
    if not fault:
        return
    print(f"\nFault: {fault['users']} users, PostgreSQL stopped for {fault['outage_seconds']} s")
    for phase, statuses in fault["statuses"].items():
        print(f"  {phase:<7} " + ", ".join(f"{s}: {n}" for s, n in statuses.items()))
    print(
        f"  500 answers: {fault['server_errors_500']};"
        f" 5xx more than 15 s after the restart: {fault['server_errors_5xx_more_than_15_s_after']}"
    )
    print(
        "  first success after the restart (s): "
        + ", ".join(f"{s} {t}" for s, t in fault["first_success_after_seconds"].items())
    )
    print(f"  probes after the run (no gunicorn restart): {fault['probes_after_run']}")
    print(f"  gunicorn log: {fault['gunicorn_log']}")
    loss = fault["loss"]
    print(
        f"  confirmed: {loss['statements_confirmed']} statements,"
        f" {loss['acknowledgements_confirmed']} acknowledgements;"
        f" missing: {loss['statements_missing']} statements,"
        f" {loss['acknowledgements_missing']} acknowledgements"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, nargs="+", default=[25, 50, 100, 200])
    parser.add_argument("--seconds", type=int, default=120, help="length of each stage")
    parser.add_argument(
        "--surge",
        type=float,
        default=50,
        help="seconds within which a stage's users all start and sign in (spawn rate users/surge)",
    )
    parser.add_argument(
        "--think", type=float, nargs=2, default=[5, 15], help="employees' seconds on a page"
    )
    parser.add_argument("--fault-users", type=int, default=50)
    parser.add_argument("--outage", type=float, default=5, help="seconds PostgreSQL is away")
    parser.add_argument("--workers", type=int, help="gunicorn -w (default: config/gunicorn.py)")
    parser.add_argument("--threads", type=int, help="gunicorn --threads (config/gunicorn.py)")
    parser.add_argument("--employees", type=int, default=300, help="generated by seed_demo")
    parser.add_argument("--pg-port", type=int, default=5439)
    parser.add_argument("--cpu-interval", type=float, default=2, help="seconds between samples")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="every stage briefly: 5, 10, 20, 40 users, 25 s each, 2-4 s think times",
    )
    parser.add_argument("--no-fault", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the cluster and work dir")
    parser.add_argument(
        "--results", type=Path, default=RESULTS / "load-postgres.json", help="the JSON report"
    )
    args = parser.parse_args()
    if args.quick:
        args.users, args.seconds, args.surge = [5, 10, 20, 40], 25, 10
        args.think, args.fault_users, args.outage, args.employees = [2, 4], 10, 3, 100
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
    started = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="sensi-load-"))
    cluster = Cluster(args.pg_port)
    server = None
    report = {"stages": [], "nproc": os.cpu_count()}
    try:
        print(
            f"PostgreSQL cluster {cluster.version}/{cluster.name} on port {args.pg_port}; {workdir}"
        )
        cluster.create()
        report["pg"] = cluster.version
        server = Server(cluster.url, workdir, free_port(), args.workers, args.threads)
        report["gunicorn"] = server.describe()
        server.run("manage.py", "migrate", "--noinput")
        server.run(
            "manage.py", "seed_demo", "--allow-demo-accounts", "--employees", str(args.employees)
        )
        server.run("manage.py", "collectstatic", "--noinput")
        world = workdir / "world.json"
        print(
            server.run(str(HERE / "world.py"), "prepare", str(world), "--employees", "200"), end=""
        )
        env = {
            **os.environ,
            "SENSI_LOAD_WORLD": str(world),
            "SENSI_LOAD_LRS": server.create_lrs_client(),
        }
        server.start()
        think = (args.think[0], args.think[1])
        for users in args.users:
            stage = Stage(users, args.seconds, args.surge, think)
            report["stages"].append(load_stage(server, env, cluster, stage, workdir, args))
            write_json(report, args.results)
        if not args.no_fault:
            stage = Stage(args.fault_users, args.seconds, args.surge, think)
            report["fault"] = fault_stage(server, env, cluster, stage, args.outage, workdir, args)
        report["gunicorn_log"] = server.log_counts()
    except BaseException:
        print(cluster.log_tail(), file=sys.stderr)  # why the run failed, if PostgreSQL knows
        raise
    finally:
        if server is not None:
            server.stop()
        if args.keep:
            print(f"kept: cluster {cluster.url}, {workdir}")
        else:
            cluster.drop()
    report["seconds"] = round(time.perf_counter() - started)
    write_json(report, args.results)
    print_report(report)
    print(f"total: {report['seconds']} s; {args.results}")


def write_json(report: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
