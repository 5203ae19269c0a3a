"""A started server that does not answer its health check (busy, or stopped with SIGSTOP as
here) is still the running server: `status` says so and `start` starts no second JVM.

SIGSTOP stands in for a server too busy to answer within the health check's timeout, as a
shared server under parallel `mtqa check --jobs` runs is.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys

import pytest

from tests.languagetool.test_start_twice import MTQA, languagetool_jvms_of

pytestmark = [pytest.mark.languagetool,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")]


@pytest.fixture
def state(tmp_path):
    if shutil.which("java") is None:
        pytest.skip("no Java: the LanguageTool tests need Java 17 or newer")
    from mtqa.languagetool.install import fetch

    fetch()  # a no-op when LanguageTool is installed
    directory = tmp_path / "state"
    yield directory
    for pid in languagetool_jvms_of(directory):  # never leave a JVM behind, stopped or not
        os.kill(pid, signal.SIGCONT)
        os.kill(pid, signal.SIGKILL)


def mtqa(*args, state):
    return subprocess.run([*MTQA, "languagetool", *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "MTQA_STATE_DIR": str(state)})


def test_a_server_that_does_not_answer_is_still_running_and_never_replaced(state):
    started = mtqa("start", state=state)
    assert started.returncode == 0 and " started at " in started.stdout, started.stdout + started.stderr
    recorded = (state / "server.json").read_text(encoding="utf-8")
    pid = json.loads(recorded)["pid"]
    assert languagetool_jvms_of(state) == [pid]

    os.kill(pid, signal.SIGSTOP)
    status = mtqa("status", state=state)
    assert status.returncode == 0, status.stdout
    assert f"(pid {pid}," in status.stdout and "not running" not in status.stdout
    again = mtqa("start", state=state)
    assert again.returncode == 0 and f"already running at " in again.stdout and f"(pid {pid})" in again.stdout
    assert languagetool_jvms_of(state) == [pid]  # no second JVM
    assert (state / "server.json").read_text(encoding="utf-8") == recorded  # and its state kept

    stopped = mtqa("stop", state=state)  # still stopped: `stop` must end it all the same
    assert stopped.returncode == 0 and "LanguageTool server stopped" in stopped.stdout, stopped.stderr
    assert languagetool_jvms_of(state) == []
    assert not (state / "server.json").exists()
    assert mtqa("status", state=state).returncode == 1


def test_a_state_naming_a_dead_or_foreign_process_is_no_server(tmp_path, monkeypatch):
    """Only a live LanguageTool JVM on the recorded port is the started server; `stop` never
    signals anything else (here: this test's own process)."""
    from mtqa.languagetool.state import running_server, stop_daemon

    monkeypatch.setenv("MTQA_STATE_DIR", str(tmp_path))
    dead = subprocess.Popen(["true"])
    dead.wait()
    for pid in (dead.pid, os.getpid()):
        (tmp_path / "server.json").write_text(json.dumps({"pid": pid, "port": 8081, "url": "http://127.0.0.1:8081"}),
                                              encoding="utf-8")
        assert running_server() is None
        assert stop_daemon() is False
        assert not (tmp_path / "server.json").exists()
