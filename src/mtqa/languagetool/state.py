"""The long-lived server of `mtqa languagetool start`: its state file, status and stop.

The state file (JSON: pid, port, url, version) lives in the state directory, by default
``<cache>/languagetool``; MTQA_STATE_DIR moves it (tests use that to stay apart from a
user's server). `mtqa check` reads it to reuse the running server instead of starting a JVM.

Start and stop hold an exclusive lock on ``server.lock`` there: two `mtqa languagetool start`
at once (two CI steps, two terminals, `make -j`) would otherwise both find no server, both
start a JVM, and the state file would keep only the second, leaving the first untracked.
The second one waits for the first and finds its server running.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mtqa.atomic import atomic_write
from mtqa.languagetool.install import cache_root, require_installed
from mtqa.languagetool.server import ServerProcess, is_languagetool_process, process_alive

STATE_FILE = "server.json"
LOCK_FILE = "server.lock"


def state_dir() -> Path:
    override = os.environ.get("MTQA_STATE_DIR")
    return Path(override) if override else cache_root() / "languagetool"


def state_path() -> Path:
    return state_dir() / STATE_FILE


def read_state() -> dict[str, Any] | None:
    try:
        data = json.loads(state_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and "pid" in data and "url" in data else None


def running_server() -> dict[str, Any] | None:
    """The state of the started server while its JVM lives, else None.

    Whether it answers is not asked: a server busy with long checks can leave its health
    check unanswered for minutes, and taking that for "not running" made `start` launch a
    second JVM over the state of the first, which then ran untracked. Only a dead process
    (or a pid now used by another program) means there is no server; a client that then
    gets no answer at all handles that as a server gone (it starts one of its own).
    """
    state = read_state()
    if state is None:
        return None
    pid = int(state["pid"])
    return state if is_languagetool_process(pid, state.get("port")) else None


@contextmanager
def _exclusive() -> Iterator[None]:
    """The state directory's lock, held until the block ends (the kernel drops it if this
    process dies). The detached JVM does not inherit it: Python opens files non-inheritable."""
    directory = state_dir()
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / LOCK_FILE, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield


def start_daemon(options: Mapping[str, Any]) -> tuple[dict[str, Any], bool]:
    """Start the detached server unless one runs; returns (state, started_now)."""
    with _exclusive():
        current = running_server()
        if current is not None:
            return current, False
        installation = require_installed()
        directory = state_dir()
        server = ServerProcess.for_grammar(installation, options, detached=True, log_path=directory / "server.log")
        server.start()
        state = {"pid": server.pid, "port": server.port, "url": server.url, "version": installation.version,
                 "heap": server.heap, "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                 "log": str(server.log_path)}
        atomic_write(str(state_path()), json.dumps(state, indent=2).encode("utf-8"))
        return state, True


def stop_daemon(timeout: float = 15.0) -> bool:
    """Stop the started server; False when none was running. Removes the state file.
    A start still under way is waited for, then stopped."""
    if not state_dir().is_dir():
        return False  # nothing was ever started here; do not create the folder to say so
    with _exclusive():
        return _stop(timeout)


def _stop(timeout: float) -> bool:
    state = read_state()
    if state is None:
        return False
    pid = int(state["pid"])
    stopped = False
    if is_languagetool_process(pid, state.get("port")):
        os.kill(pid, signal.SIGTERM)
        os.kill(pid, signal.SIGCONT)  # a stopped JVM (SIGSTOP, Ctrl-Z) acts on SIGTERM only once continued
        deadline = time.monotonic() + timeout
        while process_alive(pid) and time.monotonic() < deadline:
            _reap(pid)
            time.sleep(0.1)
        if process_alive(pid):
            os.kill(pid, signal.SIGKILL)
        stopped = True
    state_path().unlink(missing_ok=True)
    return stopped


def _reap(pid: int) -> None:
    """Collect the exit status when the server is our own child (tests start and stop in one process)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
