"""Sensi under mixed load, and while its PostgreSQL restarts.

    .venv/bin/python bench/load/run.py [--users 10 25 50] [--seconds 60] [--quick] [--keep]

Creates a PostgreSQL cluster of its own (bench/load/cluster.py, port 5439; the shared one on
5432 is never touched), migrates, runs `seed_demo --employees 300`, gives employees
passwords and the CISO TOTP (bench/load/world.py), creates an LRS client, collects static
files and starts `gunicorn config.wsgi -c config/gunicorn.py -w 4` (as deployed) with the
production settings over HTTPS (a self-signed certificate: production cookies are Secure).
Then locust runs headless (bench/load/locustfile.py): employees sign in, open "Meine
Schulungen", read lessons, pass quizzes and acknowledge; a Moodle client checks completions
and pages through statements; an LMS posts statements; a CISO signs in with TOTP and
downloads the dashboard, CSV and PDF.

Stages of --seconds each at each user count print requests/s, median and 95th percentile and
errors per scenario. The fault stage runs the same mix and stops PostgreSQL after a third of
the time for --outage seconds, then starts it again. It reports the answers by status before,
during and after the outage, how soon each scenario succeeded again (gunicorn is not
restarted), the tracebacks and 503 warnings in gunicorn's log, and whether every statement
id the LRS confirmed and every acknowledgement confirmed to an employee is in the database.

Everything runs on this machine (2 cores): locust's own CPU counts against the server's.
Results: bench/results/load-postgres.json. The full run takes about 6 minutes, --quick 2.
"""

import argparse
import json
import os
import secrets
import signal
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter, defaultdict
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

    def __init__(self, database_url: str, workdir: Path, port: int, workers: int):
        self.workdir, self.port, self.workers = workdir, port, workers
        self.log = workdir / "gunicorn.log"
        self.process: subprocess.Popen | None = None
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SENSI_SECRET_KEY": secrets.token_urlsafe(50),
            "SENSI_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SENSI_BASE_URL": "https://sensi.example",
            "SENSI_STATIC_ROOT": str(Path(tempfile.gettempdir()) / "sensi-load-static"),
            "SENSI_LOG_LEVEL": "WARNING",
            "SENSI_TRUSTED_PROXY_COUNT": "1",  # locust users send X-Forwarded-For
            "DATABASE_URL": database_url,
        }

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
        command += ["-w", str(self.workers), "-b", f"127.0.0.1:{self.port}"]
        command += ["--certfile", str(cert), "--keyfile", str(key)]
        command += ["--error-logfile", str(self.log)]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, start_new_session=True, stdout=log, stderr=log
            )
        deadline = time.monotonic() + 60
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


# --- locust ------------------------------------------------------------------------------------


def start_locust(server: Server, env: dict, users: int, seconds: int, out: Path):
    out.mkdir(parents=True)
    command = [str(BIN / "locust"), "-f", str(HERE / "locustfile.py"), "--headless"]
    command += ["-u", str(users), "-r", str(max(2, users // 5)), "-t", f"{seconds}s"]
    command += ["--host", server.url, "--stop-timeout", "10", "--only-summary"]
    command += ["--loglevel", "ERROR", "--exit-code-on-error", "0"]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env={**env, "SENSI_LOAD_OUT": str(out), "SENSI_LOAD_USERS": str(users)},
        stdout=(out / "locust.log").open("w"),
        stderr=subprocess.STDOUT,
    )


def read_requests(out: Path) -> list[tuple[float, str, str, int, float]]:
    rows = []
    for line in (out / "requests.csv").read_text().splitlines():
        at, scenario, name, status, ms = line.split(",")
        rows.append((float(at), scenario, name, int(status), float(ms)))
    return rows


def is_error(status: int) -> bool:
    return status == 0 or status >= 400


def summarise(rows, seconds: float) -> dict:
    by_scenario = defaultdict(list)
    for row in rows:
        by_scenario[row[1]].append(row)
    by_scenario["all"] = list(rows)
    summary = {}
    for scenario, found in sorted(by_scenario.items()):
        times = [row[4] for row in found]
        summary[scenario] = {
            "requests": len(found),
            "per_second": round(len(found) / seconds, 1),
            "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(percentile(times, 0.95), 1),
            "errors": sum(1 for row in found if is_error(row[3])),
            "statuses": dict(sorted(Counter(str(row[3]) for row in found).items())),
        }
    return summary


def verify(server: Server, out: Path) -> dict:
    return json.loads(server.run(str(HERE / "world.py"), "verify", str(out)).strip())


def load_stage(server, env, users: int, seconds: int, workdir: Path) -> dict:
    out = workdir / f"stage-{users}"
    print(f"  {users} users for {seconds} s ...", flush=True)
    start_locust(server, env, users, seconds, out).wait()
    return {
        "users": users,
        "seconds": seconds,
        "scenarios": summarise(read_requests(out), seconds),
        "loss": verify(server, out),
    }


def fault_stage(server, env, cluster: Cluster, users: int, seconds: int, outage: float, workdir):
    out = workdir / "fault"
    log_from = server.log_size()
    print(f"  fault: {users} users for {seconds} s, PostgreSQL away for {outage:.0f} s", flush=True)
    locust = start_locust(server, env, users, seconds, out)
    time.sleep(seconds / 3)
    stopped = time.time()
    cluster.stop()
    time.sleep(outage)
    cluster.start()
    cluster.wait()
    back = time.time()
    print(f"    PostgreSQL stopped for {back - stopped:.1f} s", flush=True)
    locust.wait()
    rows = read_requests(out)
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
    import base64

    basic = "Basic " + base64.b64encode(lrs.encode()).decode()
    probes = {
        "login page": server.get("/de/accounts/login/"),
        "xapi statements": server.get(
            "/xapi/statements?limit=1",
            {"Authorization": basic, "X-Experience-API-Version": "1.0.3"},
        ),
    }
    return {
        "users": users,
        "seconds": seconds,
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
        "scenarios": summarise(rows, seconds),
        "loss": verify(server, out),
    }


# --- output ------------------------------------------------------------------------------------


def print_report(report: dict) -> None:
    print(
        "\nLoad (gunicorn -w {workers}, PostgreSQL {pg}; locust on the same 2 cores)".format(
            **report
        )
    )
    print(
        f"{'users':>5}  {'scenario':<11} {'requests':>8} {'req/s':>7} {'median ms':>10}"
        f" {'p95 ms':>8} {'errors':>6}"
    )
    for stage in report["stages"]:
        for scenario, figures in stage["scenarios"].items():
            print(
                f"{stage['users']:>5}  {scenario:<11} {figures['requests']:>8}"
                f" {figures['per_second']:>7.1f} {figures['median_ms']:>10.0f}"
                f" {figures['p95_ms']:>8.0f} {figures['errors']:>6}"
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
    parser.add_argument("--users", type=int, nargs="+", default=[10, 25, 50])
    parser.add_argument("--seconds", type=int, default=60, help="length of each stage")
    parser.add_argument("--fault-users", type=int, default=25)
    parser.add_argument("--outage", type=float, default=5, help="seconds PostgreSQL is away")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--employees", type=int, default=300, help="generated by seed_demo")
    parser.add_argument("--pg-port", type=int, default=5439)
    parser.add_argument("--quick", action="store_true", help="5 and 10 users, 20 s stages")
    parser.add_argument("--no-fault", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the cluster and work dir")
    args = parser.parse_args()
    if args.quick:
        args.users, args.seconds, args.fault_users = [5, 10], 20, 10
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
    started = time.perf_counter()
    workdir = Path(tempfile.mkdtemp(prefix="sensi-load-"))
    cluster = Cluster(args.pg_port)
    server = None
    report = {"workers": args.workers, "stages": []}
    try:
        print(f"PostgreSQL cluster {cluster.version}/loadtest on port {args.pg_port}; {workdir}")
        cluster.create()
        report["pg"] = cluster.version
        server = Server(cluster.url, workdir, free_port(), args.workers)
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
        for users in args.users:
            report["stages"].append(load_stage(server, env, users, args.seconds, workdir))
            write_json(report)
        if not args.no_fault:
            report["fault"] = fault_stage(
                server, env, cluster, args.fault_users, args.seconds, args.outage, workdir
            )
        report["gunicorn_log"] = server.log_counts()
    finally:
        if server is not None:
            server.stop()
        if args.keep:
            print(f"kept: cluster {cluster.url}, {workdir}")
        else:
            cluster.drop()
    report["seconds"] = round(time.perf_counter() - started)
    write_json(report)
    print_report(report)
    print(f"total: {report['seconds']} s; bench/results/load-postgres.json")


def write_json(report: dict) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "load-postgres.json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
