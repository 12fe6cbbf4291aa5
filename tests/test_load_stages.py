"""The load stages of bench/load/run.py in CI's time (issue 15): one short stage opened by a
sign-in surge, then the fault stage with PostgreSQL away for a few seconds, all through
gunicorn as deployed on a PostgreSQL cluster of the run's own. What is asserted is what must
hold at any speed: no server error, every sign-in succeeds, every scenario is served, nothing
that was confirmed is lost, and the service comes back without a restart. The figures
(latencies, requests per second) are the benchmark's, not a test's (bench/README.md "Load")."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench._serving import free_port

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = {"employee", "moodle", "lrs writer", "ciso"}

pytestmark = pytest.mark.skipif(
    not (shutil.which("pg_createcluster") and os.geteuid() == 0) and not os.environ.get("CI"),
    reason="needs Debian's postgresql-common and root to create the run's own cluster",
)


def run_the_stages(results: Path) -> dict:
    command = [
        sys.executable,
        str(ROOT / "bench" / "load" / "run.py"),
        "--users", "10",
        "--seconds", "25",
        "--surge", "5",
        "--think", "1", "3",
        "--employees", "40",
        "--fault-users", "10",
        "--outage", "3",
        "--pg-port", str(free_port()),  # a cluster of its own, named after the port
        "--results", str(results),
    ]  # fmt: skip
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-8000:]
    return json.loads(results.read_text())


def server_errors(statuses: dict) -> dict:
    return {status: n for status, n in statuses.items() if int(status) >= 500}


def check_the_surge_stage(stage: dict) -> None:
    """Every scenario served without a server error, every sign-in succeeded, nothing lost."""
    scenarios = stage["scenarios"]
    assert set(scenarios) >= SCENARIOS
    for name in SCENARIOS:
        assert scenarios[name]["requests"] > 0, name
        assert server_errors(scenarios[name]["statuses"]) == {}, name
    assert stage["surge"]["sign_ins"] > 0 and stage["surge"]["failed"] == 0
    loss = stage["loss"]
    assert loss["statements_confirmed"] > 0
    assert loss["statements_missing"] == loss["acknowledgements_missing"] == 0


def check_the_fault_stage(fault: dict) -> None:
    """With PostgreSQL away: 503, never 500, and back without a restart, nothing lost."""
    assert fault["outage_seconds"] >= 3
    assert fault["server_errors_500"] == 0
    assert set(server_errors(fault["statuses"]["outage"])) <= {"503"}
    assert fault["server_errors_5xx_more_than_15_s_after"] == 0
    recovered = fault["first_success_after_seconds"]
    assert set(recovered) >= SCENARIOS and None not in recovered.values()
    assert fault["probes_after_run"] == {"login page": 200, "xapi statements": 200}
    loss = fault["loss"]
    assert loss["statements_missing"] == loss["acknowledgements_missing"] == 0


def test_a_surge_and_a_database_outage_cost_no_server_error_no_sign_in_and_no_evidence(
    tmp_path,
):
    """One run for all checks (a run takes about 100 s): a stage opened by a sign-in surge,
    then the fault stage. Half of the employees finished their modules before
    (bench/load/world.py), so acknowledgements, each a ledger append, are part of the load."""
    report = run_the_stages(tmp_path / "load.json")

    (stage,) = report["stages"]
    check_the_surge_stage(stage)
    check_the_fault_stage(report["fault"])
    losses = [stage["loss"], report["fault"]["loss"]]
    assert sum(loss["acknowledgements_confirmed"] for loss in losses) > 0
    assert report["gunicorn_log"]["tracebacks"] == 0
