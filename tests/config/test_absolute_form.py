"""`make run` (manage.py runserver) answers absolute-form request lines, as TinCanPHP sends
them (RFC 9112 §3.2.2): tested against the real development server over a raw socket."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def dev_server(tmp_path_factory):
    port = free_port()
    database = tmp_path_factory.mktemp("devserver") / "db.sqlite3"  # /xapi/about reads none
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "runserver",
            "--noreload",
            "--skip-checks",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield port
    process.terminate()
    process.wait(timeout=10)


def raw_get(port: int, target: str) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(
            f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode()
        )
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return data


def test_an_absolute_form_request_line_is_answered_like_origin_form(dev_server):
    port = dev_server
    origin = raw_get(port, "/xapi/about?")
    absolute = raw_get(port, f"http://127.0.0.1:{port}/xapi/about")
    assert origin.startswith(b"HTTP/1.1 200") or origin.startswith(b"HTTP/1.0 200")
    assert absolute.split(b"\r\n")[0] == origin.split(b"\r\n")[0]
    assert b'"version"' in absolute


def test_an_absolute_form_target_keeps_its_query_string(dev_server):
    port = dev_server
    response = raw_get(port, f"http://127.0.0.1:{port}/xapi/statements?limit=1")
    assert b" 401 " in response.split(b"\r\n")[0]  # reached the LRS, which asks for credentials


def test_a_target_on_another_host_is_not_served(dev_server):
    response = raw_get(dev_server, "http://elsewhere.example/xapi/about")
    assert b" 200 " not in response.split(b"\r\n")[0]
