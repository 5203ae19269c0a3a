"""No LanguageTool JVM outlives the mtqa process that started it, however that process ends.

`mtqa serve` starts its JVM before it listens and reports it ready on /healthz; stopped
with SIGTERM or SIGHUP it stops the JVM itself (uvicorn re-raises SIGTERM, which used to
kill Python before any clean-up); killed outright (SIGKILL) the kernel's parent-death
signal takes the JVM along, even when the JVM was started from a worker thread that has
since ended. Real processes and a real LanguageTool throughout; waits are bounded polls.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
import requests

from mtqa.languagetool.server import free_port
from tests.conftest import default_signals
from tests.languagetool.test_lifecycle import jvms_owned_by

pytestmark = pytest.mark.languagetool

START_LIMIT = 300  # seconds to wait for a JVM start on a loaded machine (a bound, not an assertion)


def wait_for(condition, limit: float, what: str):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"gave up waiting for {what}")


def no_jvm_of(pid: int) -> bool:
    return not jvms_owned_by(pid)


@pytest.fixture
def env(tmp_path):
    """A private state dir (no user server reused) and a private, empty result cache."""
    (tmp_path / "mtqa.toml").write_text(
        f'[checkers.grammar]\ncache_path = "{tmp_path / "results.sqlite3"}"\n', encoding="utf-8")
    return {**os.environ, "MTQA_STATE_DIR": str(tmp_path / "state"), "PYTHONIOENCODING": "utf-8"}


def start_serve(tmp_path, env) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "mtqa", "serve", "--port", str(port), "--log-level", "warning"],
                               cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"

    def grammar_ready():
        if process.poll() is not None:
            pytest.fail(f"mtqa serve exited early: {process.stderr.read().decode(errors='replace')[-2000:]}")
        try:
            health = requests.get(f"{url}/healthz", timeout=5)
        except requests.RequestException:
            return False
        return health.status_code == 200 and health.json().get("grammar") == "ready"

    try:
        wait_for(grammar_ready, START_LIMIT, "mtqa serve to report grammar ready")
    except BaseException:
        end(process)
        raise
    return process, url


def end(process: subprocess.Popen) -> None:
    """Leave nothing behind, whatever the test found."""
    if process.poll() is None:
        process.kill()
        process.wait()
    for pid in jvms_owned_by(process.pid):
        os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL])
def test_serve_takes_its_languagetool_along(tmp_path, env, stop):
    process, url = start_serve(tmp_path, env)
    try:
        jvms = jvms_owned_by(process.pid)
        assert len(jvms) == 1, "the JVM runs from start-up, before any check"
        answer = requests.post(f"{url}/v2/check", data={"language": "en-US", "text": "He go to school."}, timeout=120)
        assert any(m["rule"]["id"].startswith("LT-") for m in answer.json()["matches"])
        process.send_signal(stop)
        code = process.wait(timeout=120)
        if stop != signal.SIGKILL:
            assert code == 128 + stop, process.stderr.read().decode(errors="replace")[-2000:]
        wait_for(lambda: no_jvm_of(process.pid), 60, f"the JVM {jvms} to end after {stop.name}")
    finally:
        end(process)


EXITS_CLEANLY = """
import atexit, os, sys, time
from mtqa.languagetool.lifetime import exit_on_signals

exit_on_signals()
atexit.register(lambda: open(sys.argv[1], "w").write("cleaned up"))  # as ServerProcess's stop-all hook
print("ready", flush=True)
time.sleep(600)
"""


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_run_the_clean_up(tmp_path, stop):
    """Python's default for both is to die on the spot, skipping atexit, where JVMs are stopped."""
    marker = tmp_path / "marker"
    child = subprocess.Popen([sys.executable, "-c", EXITS_CLEANLY, str(marker)], stdout=subprocess.PIPE,
                             preexec_fn=default_signals)
    try:
        assert child.stdout.readline() == b"ready\n"
        child.send_signal(stop)
        assert child.wait(timeout=60) == 128 + stop
        assert marker.read_text() == "cleaned up"
    finally:
        end(child)


def test_serve_hangup_is_a_graceful_stop(tmp_path):
    """SIGHUP while serving shuts uvicorn down like SIGTERM and exits 129 (no grammar: fast)."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "mtqa", "serve", "--no-grammar", "--port", str(port)],
                               cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        def up():
            try:
                return requests.get(f"http://127.0.0.1:{port}/healthz", timeout=5).json()["grammar"] == "off"
            except requests.RequestException:
                return process.poll() is not None and pytest.fail("mtqa serve exited early")
        wait_for(up, START_LIMIT, "mtqa serve --no-grammar to answer")
        process.send_signal(signal.SIGHUP)
        assert process.wait(timeout=60) == 129
        assert b"Traceback" not in process.stderr.read()
    finally:
        end(process)


WORKER_STARTS_JVM = """
import sys, threading
from mtqa.languagetool.install import require_installed
from mtqa.languagetool.server import ServerProcess

server = ServerProcess(require_installed(), heap="512m")
worker = threading.Thread(target=server.start)  # as `mtqa serve` restarts a dead JVM: from a worker
worker.start()
worker.join()
print(server.pid, flush=True)
sys.stdin.read()  # wait to be killed
"""


def test_a_jvm_started_from_an_ended_thread_dies_with_its_owner(tmp_path, env):
    owner = subprocess.Popen([sys.executable, "-c", WORKER_STARTS_JVM], cwd=tmp_path, env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        line = owner.stdout.readline().decode().strip()
        assert line.isdigit(), owner.stderr.read().decode(errors="replace")[-2000:]
        assert jvms_owned_by(owner.pid) == [int(line)]
        owner.kill()
        owner.wait(timeout=60)
        wait_for(lambda: no_jvm_of(owner.pid), 60, "the JVM to end with its owner")
    finally:
        end(owner)


def test_languagetool_dying_at_every_start_still_writes_the_report(tmp_path, env):
    """The other checkers' findings are reported; grammar is marked failed; exit 2."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"The dictatormost feared man left in {2000 + i}. He go home.\n",
                                          encoding="utf-8")
    report = tmp_path / "report.json"
    # One process: the JVMs of `--jobs` workers are owned by the workers, not by `run`.
    run = subprocess.Popen([sys.executable, "-m", "mtqa", "check", str(folder), "--jobs", "1", "--format", "json",
                            "-o", str(report)],
                           cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killed: set[int] = set()
    deadline = time.monotonic() + START_LIMIT
    while run.poll() is None:  # kill every JVM the run starts, as soon as it appears
        if time.monotonic() > deadline:
            end(run)
            pytest.fail("mtqa check did not end while its LanguageTool kept dying")
        for pid in jvms_owned_by(run.pid):
            try:
                os.kill(pid, signal.SIGKILL)
                killed.add(pid)
            except ProcessLookupError:
                pass
        time.sleep(0.05)
    stderr = run.stderr.read().decode(errors="replace")
    assert killed, "the run never started a JVM: the test proves nothing"
    assert run.returncode == 2, stderr
    assert "grammar" in stderr and "Traceback" not in stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert "grammar" in data["provenance"]["failed"]
    assert len(data["documents"]) == 3
    for doc in data["documents"]:
        assert [f["suggestions"] for f in doc["findings"] if f["rule"] == "MTQA-FLU-001"] == [["dictator most"]]
        assert not any(f["checker"] == "grammar" for f in doc["findings"])
