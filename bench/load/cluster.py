"""A PostgreSQL cluster of the load test's own (Debian's postgresql-common), on its own port.

The fault stage restarts PostgreSQL; the shared cluster on 5432 serves other people, so the
load test creates `<version>/loadtest<port>` and restarts only that one (one per port, so the
benchmark and the CI test of tests/test_load_stages.py never take each other's)."""

import subprocess
import time
from pathlib import Path

PASSWORD = "sensi-load"


def _version() -> str:
    return sorted(Path("/usr/lib/postgresql").iterdir(), key=lambda p: int(p.name))[-1].name


def _as_postgres(sql: str, port: int) -> str:
    command = ["su", "postgres", "-c", f'psql -p {port} -q -tAc "{sql}"']
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


class Cluster:
    def __init__(self, port: int):
        self.port = port
        self.version = _version()
        self.name = f"loadtest{port}"

    @property
    def url(self) -> str:
        return f"postgres://sensi:{PASSWORD}@127.0.0.1:{self.port}/sensi"

    def exists(self) -> bool:
        listing = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout
        return any(line.split()[:2] == [self.version, self.name] for line in listing.splitlines())

    def create(self) -> None:
        """A fresh cluster with the sensi role and database (an old one is dropped first)."""
        self.drop()
        subprocess.run(
            ["pg_createcluster", self.version, self.name, "-p", str(self.port)],
            check=True,
            capture_output=True,
        )
        self._ctl("start")
        self.wait()
        _as_postgres(f"CREATE ROLE sensi LOGIN CREATEDB PASSWORD '{PASSWORD}'", self.port)
        _as_postgres("CREATE DATABASE sensi OWNER sensi", self.port)

    def _ctl(self, action: str) -> None:
        # A session of its own: the server must not share the caller's process group (a signal
        # to a test run's group would stop it too).
        command = ["pg_ctlcluster", self.version, self.name, action]
        subprocess.run(command, check=True, start_new_session=True)

    def log_tail(self, lines: int = 40) -> str:
        log = Path(f"/var/log/postgresql/postgresql-{self.version}-{self.name}.log")
        try:
            text = log.read_text(errors="replace").splitlines()[-lines:]
        except OSError:
            return f"(no log at {log})"
        return "\n".join([f"--- {log} (last {lines} lines)", *text])

    def ready(self) -> bool:
        probe = ["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(self.port)]
        return subprocess.run(probe).returncode == 0

    def wait(self, timeout: float = 60) -> float:
        """Seconds until the server accepts connections."""
        start = time.monotonic()
        while not self.ready():
            if time.monotonic() - start > timeout:
                raise RuntimeError(f"PostgreSQL on port {self.port} did not come up")
            time.sleep(0.2)
        return time.monotonic() - start

    def stop(self) -> None:
        self._ctl("stop")  # fast shutdown: open connections are terminated

    def start(self) -> None:
        self._ctl("start")

    def postmaster_pid(self) -> int:
        pid_file = Path(f"/var/run/postgresql/{self.version}-{self.name}.pid")
        return int(pid_file.read_text().split()[0])

    def drop(self) -> None:
        if self.exists():
            subprocess.run(
                ["pg_dropcluster", "--stop", self.version, self.name],
                check=True,
                capture_output=True,
            )
