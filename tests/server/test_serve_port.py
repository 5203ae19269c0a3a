"""`mtqa serve` takes its port before anything slow starts, and names the port it got once it
answers there."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys

import pytest
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


def test_port_0_announces_the_port_it_listens_on_once_it_answers():
    process = subprocess.Popen([sys.executable, "-m", "mtqa", "serve", "--no-grammar", "--port", "0"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    try:
        first = process.stderr.readline()
        found = re.fullmatch(r"mtqa serve: http://127\.0\.0\.1:(\d+)/  \(Ctrl\+C to stop\)\n", first)
        assert found and found.group(1) != "0", first
        # Announced once the checkers are up and the port listens: the first try is answered.
        health = requests.get(f"http://127.0.0.1:{found.group(1)}/healthz", timeout=120)
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


@pytest.mark.languagetool
def test_a_languagetool_that_fails_to_start_is_one_line_and_no_url(tmp_path):
    """The managed LanguageTool cannot start (a heap no machine has): the user must not be
    shown a URL that never answers, only the error, and exit 2."""
    if shutil.which("java") is None:
        pytest.skip("no Java: the managed LanguageTool cannot be started at all")
    (tmp_path / "mtqa.toml").write_text('[checkers.grammar]\nheap = "100000t"\n', encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "MTQA_STATE_DIR": str(tmp_path / "state")}  # no daemon to reuse
    result = subprocess.run([sys.executable, "-m", "mtqa", "serve", "--port", "0", "--config", "mtqa.toml"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("mtqa: error: grammar: LanguageTool server exited at start-up"), result.stderr


def test_a_selection_of_only_what_is_switched_off_is_refused_before_the_url_is_announced():
    """`mtqa check --select grammar --no-grammar` is refused; the server started and answered
    every check with no finding, which an editor's plug-in shows as a clean article."""
    def serve(*args):  # a server that starts would run until the timeout kills it: the test fails
        return subprocess.run([sys.executable, "-m", "mtqa", "serve", "--no-grammar", "--port", "0", *args],
                              capture_output=True, text=True, timeout=60,
                              env={**os.environ, "PYTHONIOENCODING": "utf-8"})

    result = serve("--select", "grammar")
    assert result.returncode == 2
    assert result.stderr == ("mtqa: error: --select grammar: the grammar checker is off (--no-grammar); "
                             "every check would find nothing\n")
    styled = serve("--select", "style")
    assert styled.returncode == 2
    assert styled.stderr.startswith("mtqa: error: --select style: the style pack is off")
