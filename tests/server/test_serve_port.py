"""`mtqa serve` takes its port before anything slow starts, and names the port it got."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time

import requests

from tests.conftest import run_mtqa


def test_a_port_in_use_is_one_line_and_exit_2_before_anything_starts():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        # With grammar on: the error comes before LanguageTool would be started.
        result = run_mtqa("serve", "--port", str(port))
    assert result.returncode == 2
    assert result.stderr == f"mtqa: error: cannot listen on 127.0.0.1:{port}: Address already in use\n"


def test_port_out_of_range_names_the_range():
    result = run_mtqa("serve", "--no-grammar", "--port", "70000")
    assert result.returncode == 2
    assert result.stderr == "mtqa: error: server option port must be an integer from 0 to 65535, got 70000\n"


def test_port_0_announces_the_port_it_listens_on():
    process = subprocess.Popen([sys.executable, "-m", "mtqa", "serve", "--no-grammar", "--port", "0"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    try:
        first = process.stderr.readline()
        found = re.fullmatch(r"mtqa serve: http://127\.0\.0\.1:(\d+)/  \(Ctrl\+C to stop\)\n", first)
        assert found and found.group(1) != "0", first
        for _ in range(600):  # the port is announced when taken; it answers once the checkers are up
            try:
                health = requests.get(f"http://127.0.0.1:{found.group(1)}/healthz", timeout=30)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        assert health.status_code == 200 and health.json()["status"] == "ok"
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def test_a_bad_selection_is_one_line_and_exit_2_before_the_url_is_announced():
    for option in ("--select", "--ignore"):
        result = run_mtqa("serve", "--no-grammar", "--port", "0", option, "MTQA-NOPE")
        assert result.returncode == 2
        assert result.stderr == (f"mtqa: error: {option[2:]}: unknown rule code, pack, checker or category: "
                                 "'MTQA-NOPE'\n")
