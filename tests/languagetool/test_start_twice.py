"""Two `mtqa languagetool start` at once leave one server, tracked, which `stop` stops."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from mtqa.languagetool.server import MAIN_CLASS

pytestmark = pytest.mark.languagetool

MTQA = [sys.executable, "-m", "mtqa"]


def languagetool_jvms_of(state: Path) -> list[int]:
    """LanguageTool JVMs started with their configuration in ``state``."""
    config = str(state / "server.properties").encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if MAIN_CLASS.encode() in cmdline and config in cmdline:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_two_starts_at_once_start_one_server_and_stop_leaves_no_jvm(tmp_path, languagetool_server):
    state = tmp_path / "state"
    env = {**os.environ, "MTQA_STATE_DIR": str(state)}
    starts = [subprocess.Popen([*MTQA, "languagetool", "start"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env) for _ in range(2)]
    outputs = [process.communicate(timeout=600) for process in starts]
    try:
        assert [process.returncode for process in starts] == [0, 0], [err for _, err in outputs]
        said = sorted(re.search(r"(started|already running) at (\S+) \(pid (\d+)\)", out).groups()
                      for out, _ in outputs)
        assert [verb for verb, _, _ in said] == ["already running", "started"]
        assert said[0][1:] == said[1][1:]  # the same URL and pid
        assert languagetool_jvms_of(state) == [int(said[0][2])]
    finally:
        stopped = subprocess.run([*MTQA, "languagetool", "stop"], capture_output=True, text=True, env=env)
        left = languagetool_jvms_of(state)
        for pid in left:  # an untracked JVM this test started: never leave it running
            os.kill(pid, signal.SIGKILL)
    assert stopped.returncode == 0 and "stopped" in stopped.stdout, stopped.stderr
    assert left == []
    status = subprocess.run([*MTQA, "languagetool", "status"], capture_output=True, text=True, env=env)
    assert status.returncode == 1 and "not running" in status.stdout
