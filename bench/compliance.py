"""Compliance at scale: generating a large organisation, verifying its ledger, and the CISO's
reports, on PostgreSQL and SQLite.

    .venv/bin/python bench/compliance.py [--db postgres sqlite] [--sizes 30000 150000]
                                         [--runs 5] [--quick] [--keep]
    .venv/bin/python bench/compliance.py --ledger DATABASE_URL [--runs 5]

PostgreSQL must be running (`bin/start-postgres`); the script uses the server of DATABASE_URL
(or --postgres-url, default postgres://sensi:sensi@127.0.0.1:5432/sensi) and a role that may
create databases. For each database it creates a fresh one (PostgreSQL: `<database of the
URL>_bench_compliance`, dropped again at the end; SQLite: a file in a directory under /tmp,
deleted at the end), migrates it and runs `seed_demo` (the demo organisation and accounts).
Then, for each size in increasing order, it grows the generated organisation to that many
employees with demo/scale.py (additive: 30,000, then 120,000 more for 150,000) and measures:

- generation: seconds to add the employees, their statuses and ledger entries;
- verify_ledger: seconds to check the whole hash chain; then (in fresh processes) with one
  process and with one per core (`SENSI_LEDGER_VERIFY_WORKERS`), wall and CPU seconds
  (the caller's, its workers' and their PostgreSQL server processes') and peak memory;
- the trend function for everything: live (as before the monthly snapshots) and from the
  snapshots (the first call takes the missing months);
- the reports, each in a fresh process logged in as the demo CISO (group "CISO", everything
  in scope) through Django's test Client: the dashboard and the trend page (median of --runs
  requests after a first, cold one; the SQL queries of one), the figures CSV, the named CSV
  of overdue acknowledgements and the PDF report (median of --runs // 2 + 1). For each, the
  process's peak memory while the response is read chunk by chunk: the growth of
  ru_maxrss over the warmed-up process (what the operating system sees), and tracemalloc's
  peak of Python allocations (in a separate request, since tracing slows Python down).

A flat memory profile means the CSVs' peaks do not grow from the smaller size to the larger.
It prints the figures as a table and writes them to bench/results/compliance-<db>.json,
with the machine's load average before and after. Nothing is asserted. The full run (both
databases, 30,000 and 150,000 employees, over a million ledger entries) takes a long time on
2 cores; run it in the background (nohup). `--quick` (1,000 and 3,000 employees) takes a few
minutes.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from _databases import DEFAULT_POSTGRES, Postgres, SQLite, bench_database_name

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
CISO_EMAIL = "ciso@sensi.example"

FULL = {"sizes": [30_000, 150_000], "runs": 5}
QUICK = {"sizes": [1_000, 3_000], "runs": 3}

# The reports as the CISO opens them: URL name, query parameters. Names that do not resolve
# (the report views are not there yet) are reported as missing.
REPORTS = {
    "dashboard": ("compliance:reports", {}),
    "trend": ("compliance:reports_trend", {}),
    "csv": ("compliance:reports_csv", {}),  # figures per Ressort and Dienststelle
    "overdue_csv": ("compliance:reports_overdue_csv", {}),  # a line per overdue person
    "pdf": ("compliance:reports_pdf", {}),
}
TIMED_OFTEN = ("dashboard", "trend")  # pages: --runs requests; exports: --runs // 2 + 1


# --- inside a child process: Django on the bench database ------------------------------------


def _django(database_url: str):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    # This file is bench/compliance.py: the app of that name must win the import.
    here = Path(__file__).resolve().parent
    sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() != here]
    import django

    django.setup()


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def step_prepare(database_url: str) -> dict:
    """Migrate and load the demo (site, curriculum, accounts, demo organisation)."""
    _django(database_url)
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", allow_demo_accounts=True, verbosity=0)
    return {"seconds": round(time.perf_counter() - started, 1)}


def step_grow(database_url: str, employees: int) -> dict:
    """Grow the generated organisation to `employees`; then verify the whole ledger."""
    _django(database_url)
    from compliance.ledger.verify import verify_ledger
    from compliance.models import Employee, LedgerEntry, ObligationStatus
    from demo import scale

    present = Employee.objects.filter(personnel_number__startswith=scale.NUMBER_PREFIX).count()
    started = time.perf_counter()
    result = scale.generate(employees=employees - present)
    generation = time.perf_counter() - started
    started = time.perf_counter()
    verification = verify_ledger()
    verify = time.perf_counter() - started
    return {
        "employees": Employee.objects.count(),
        "generated": present + result.employees,
        "statuses": ObligationStatus.objects.count(),
        "ledger_entries": LedgerEntry.objects.count(),
        "generation_s": round(generation, 1),
        "generation_phases_s": {k: round(v, 1) for k, v in result.seconds.items()},
        "generation_peak_rss_mb": round(_maxrss_mb()),
        "verify_s": round(verify, 1),
        "ledger_ok": verification.ok,
    }


def _cpu_s() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its finished child processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


class _BackendCpu:
    """The CPU seconds of the PostgreSQL server processes serving `database` (on this
    machine), sampled from /proc every 50 ms while the check runs: a backend's last 50 ms
    before it ends may be missed."""

    def __init__(self, database_url: str):
        import threading

        import psycopg

        self.database = psycopg.conninfo.conninfo_to_dict(database_url)["dbname"]
        self.monitor = psycopg.connect(database_url, autocommit=True)
        self.own = self.monitor.info.backend_pid
        self.seen: dict[int, float] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.tick = os.sysconf("SC_CLK_TCK")

    def _cpu(self, pid: int) -> float | None:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        return (int(fields[11]) + int(fields[12])) / self.tick  # utime, stime

    def _sample(self) -> None:
        while not self.stop.wait(0.05):
            pids = self.monitor.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
                (self.database, self.own),
            ).fetchall()
            for (pid,) in pids:
                if (cpu := self._cpu(pid)) is not None:
                    self.seen[pid] = max(cpu, self.seen.get(pid, 0.0))

    def __enter__(self):
        self.before = {}
        for (pid,) in self.monitor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
            (self.database, self.own),
        ).fetchall():
            self.before[pid] = self._cpu(pid) or 0.0
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.stop.set()
        self.thread.join()
        self.monitor.close()

    def seconds(self) -> float:
        return sum(cpu - self.before.get(pid, 0.0) for pid, cpu in self.seen.items())


def step_verify(database_url: str, workers: int) -> dict:
    """A full verify_ledger with `workers` processes (0: one per core): wall and CPU
    seconds (of this process, its workers, and the PostgreSQL server processes serving
    them), and the peak memory of this process and of the largest worker."""
    _django(database_url)
    from django.conf import settings

    from compliance.ledger.verify import verify_ledger

    settings.SENSI_LEDGER_VERIFY_WORKERS = workers
    own_before, children_before = _cpu_s()
    with _BackendCpu(database_url) as server:
        started = time.perf_counter()
        verification = verify_ledger()
        wall = time.perf_counter() - started
    own_after, children_after = _cpu_s()
    return {
        "workers": workers or os.cpu_count(),
        "entries": verification.entries,
        "ok": verification.ok,
        "wall_s": round(wall, 1),
        "cpu_s": round(own_after - own_before, 1),
        "workers_cpu_s": round(children_after - children_before, 1),
        "postgres_cpu_s": round(server.seconds(), 1),
        "peak_rss_mb": round(_maxrss_mb()),
        "worker_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
    }


def step_trend(database_url: str, runs: int) -> dict:
    """The trend of the CISO's selection (everything): live, as before the snapshots, and
    from the snapshots (the first call takes the missing ones); median of `runs`."""
    _django(database_url)
    from compliance.models import TrendSnapshot
    from compliance.reports.access import Report, open_report
    from compliance.reports.scopes import operator_scope
    from compliance.reports.selectors import available_obligations, select
    from compliance.reports.trend import trend

    scope = operator_scope()
    opened = open_report(scope=scope, report=Report.DASHBOARD, parameters={}, actor="bench")
    selection = select(opened, available_obligations(scope))

    def timed(**options) -> float:
        started = time.perf_counter()
        trend(selection, **options)
        return time.perf_counter() - started

    live = [timed(live=True) for _ in range(runs)]
    had = TrendSnapshot.objects.count()
    first = timed()
    taken = TrendSnapshot.objects.count() - had
    cached = [timed() for _ in range(runs)]
    return {
        "live_median_s": round(statistics.median(live), 3),
        "snapshots_taken_by_first": taken,
        "first_s": round(first, 3),
        "snapshot_median_s": round(statistics.median(cached), 3),
        "equal": trend(selection) == trend(selection, live=True),
    }


def _read(response) -> int:
    """The body's size, read the way a client reads it: chunk by chunk when streamed."""
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def step_report(database_url: str, kind: str, runs: int) -> dict:
    """One report in a fresh process: warm up, then time, memory and queries."""
    _django(database_url)
    from django.contrib.auth import get_user_model
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    name, params = REPORTS[kind]
    try:
        with translation.override("de"):
            url = reverse(name)
    except NoReverseMatch:
        return {"missing": name}
    client = Client()
    client.force_login(get_user_model().objects.get(email=CISO_EMAIL))

    def fetch() -> tuple[float, int, int]:
        started = time.perf_counter()
        response = client.get(url, params)
        size = _read(response)
        return time.perf_counter() - started, response.status_code, size

    # Warm-up on a small page: imports, templates, translations, the session.
    client.get(reverse("courses:my_training"))
    baseline = _maxrss_mb()
    first, status, size = fetch()  # cold: the first request of this report in the process
    rss_growth = _maxrss_mb() - baseline
    timings = [fetch()[0] for _ in range(runs)]
    request_started.disconnect(reset_queries)  # keep the query log of one request
    with CaptureQueriesContext(connection) as queries:
        fetch()
    query_count = len(queries.captured_queries)  # read now: it is a view of the live log
    tracemalloc.start()
    fetch()
    _current, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "url": url,
        "status": status,
        "bytes": size,
        "first_s": round(first, 3),
        "median_s": round(statistics.median(timings), 3),
        "runs": runs,
        "queries": query_count,
        "rss_growth_mb": round(rss_growth, 1),
        "traced_peak_mb": round(traced_peak / 1e6, 1),
    }


STEPS = {
    "prepare": step_prepare,
    "grow": step_grow,
    "report": step_report,
    "verify": step_verify,
    "trend": step_trend,
}


def child_main(argv: list[str]) -> None:
    step, database_url, *rest = argv
    args = [int(a) if a.isdigit() else a for a in rest]
    print(json.dumps(STEPS[step](database_url, *args)))


def run_step(step: str, database_url: str, *args) -> dict:
    """Run one step in a fresh Python process and return what it printed last (JSON)."""
    command = [sys.executable, __file__, "--step", step, database_url, *map(str, args)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"step {step} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the run ---------------------------------------------------------------------------------


def bench_database(db, plan: dict, keep: bool) -> dict:
    started = time.perf_counter()
    print(f"\n== {db.describe()}: sizes {', '.join(f'{s:,}' for s in plan['sizes'])}", flush=True)
    report = {
        "database": db.name,
        "version": db.describe(),
        "plan": plan,
        "load_before": os.getloadavg(),
        "stages": [],
    }
    database_url = db.create()
    try:
        report["prepare"] = run_step("prepare", database_url)
        for size in sorted(plan["sizes"]):
            stage = run_step("grow", database_url, size)
            stage["db_mb"] = round(db.size_mb())
            print(
                f"  {size:,} employees: generated in {stage['generation_s']} s, "
                f"{stage['ledger_entries']:,} ledger entries verified in {stage['verify_s']} s",
                flush=True,
            )
            stage["ledger"] = ledger_figures(database_url, plan["runs"])
            for kind in REPORTS:
                runs = plan["runs"] if kind in TIMED_OFTEN else plan["runs"] // 2 + 1
                stage[kind] = run_step("report", database_url, kind, runs)
                print(f"    {kind}: {_summary(stage[kind])}", flush=True)
            report["stages"].append(stage)
    finally:
        if keep:
            print(f"  kept the database: DATABASE_URL={database_url}")
        else:
            db.drop()
    report["load_after"] = os.getloadavg()
    report["seconds"] = round(time.perf_counter() - started)
    write_json(report)
    return report


def ledger_figures(database_url: str, runs: int) -> dict:
    """verify_ledger with one process and with one per core, and the trend function live
    and from snapshots, each step in a fresh process."""
    return {
        "load_before": os.getloadavg(),
        "verify_one_process": run_step("verify", database_url, 1),
        "verify_parallel": run_step("verify", database_url, 0),
        "trend": run_step("trend", database_url, runs),
        "load_after": os.getloadavg(),
    }


def _summary(figures: dict) -> str:
    if "missing" in figures:
        return f"not available (no URL named {figures['missing']})"
    return (
        f"HTTP {figures['status']}, {figures['bytes']:,} bytes, median {figures['median_s']} s "
        f"(first {figures['first_s']} s), {figures['queries']} queries, "
        f"+{figures['rss_growth_mb']} MB RSS, {figures['traced_peak_mb']} MB traced"
    )


def write_json(report: dict) -> None:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"compliance-{report['database']}.json"
    path.write_text(json.dumps(report, indent=2) + "\n")


def print_table(reports: list[dict]) -> None:
    print(
        f"\n{'database':<9} {'employees':>9} {'ledger':>10} {'gen s':>7} {'verify s':>8}"
        f" {'DB MB':>7}"
    )
    for report in reports:
        for stage in report["stages"]:
            print(
                f"{report['database']:<9} {stage['employees']:>9,} {stage['ledger_entries']:>10,}"
                f" {stage['generation_s']:>7} {stage['verify_s']:>8} {stage['db_mb']:>7,}"
            )
    print(
        f"\n{'database':<9} {'employees':>9} {'report':<12} {'median s':>9} {'first s':>8}"
        f" {'queries':>7} {'bytes':>11} {'RSS +MB':>8} {'traced MB':>9}"
    )
    for report in reports:
        for stage in report["stages"]:
            for kind in REPORTS:
                figures = stage.get(kind, {})
                if "missing" in figures:
                    print(f"{report['database']:<9} {stage['employees']:>9,} {kind:<12} missing")
                    continue
                print(
                    f"{report['database']:<9} {stage['employees']:>9,} {kind:<12}"
                    f" {figures['median_s']:>9.3f} {figures['first_s']:>8.3f}"
                    f" {figures['queries']:>7} {figures['bytes']:>11,}"
                    f" {figures['rss_growth_mb']:>8.1f} {figures['traced_peak_mb']:>9.1f}"
                )
    print(
        "gen s: adding that step's employees; RSS +MB: growth of the process's peak RSS while"
        " reading the first response; traced MB: tracemalloc's peak of Python allocations."
    )
    for report in reports:
        before = ", ".join(f"{v:.2f}" for v in report["load_before"])
        after = ", ".join(f"{v:.2f}" for v in report["load_after"])
        print(
            f"{report['database']}: {report['version']}, {report['seconds']:,} s in all;"
            f" load average before {before}, after {after}"
        )


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--step":
        child_main(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", nargs="+", choices=["postgres", "sqlite"], default=["postgres"])
    parser.add_argument("--sizes", type=int, nargs="+")
    parser.add_argument("--runs", type=int)
    parser.add_argument("--quick", action="store_true", help="1,000 and 3,000 employees")
    parser.add_argument("--postgres-url", default=os.environ.get("DATABASE_URL", DEFAULT_POSTGRES))
    parser.add_argument("--keep", action="store_true", help="keep the databases afterwards")
    parser.add_argument(
        "--ledger",
        metavar="DATABASE_URL",
        help="only the ledger figures on an existing database (e.g. one kept by --keep): "
        "verify_ledger in one process and in parallel, and the trend live and from snapshots",
    )
    args = parser.parse_args()
    if args.ledger:
        print(json.dumps(ledger_figures(args.ledger, args.runs or 5), indent=2))
        return
    plan = dict(QUICK if args.quick else FULL)
    if args.sizes:
        plan["sizes"] = sorted(args.sizes)
    if args.runs:
        plan["runs"] = args.runs
    database = bench_database_name(args.postgres_url, "bench_compliance")
    databases = {
        "postgres": lambda: Postgres(args.postgres_url, database),
        "sqlite": lambda: SQLite("sensi-bench-compliance-"),
    }
    reports = [bench_database(databases[name](), plan, args.keep) for name in args.db]
    print_table(reports)


if __name__ == "__main__":
    main()
