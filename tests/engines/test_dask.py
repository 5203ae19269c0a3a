"""`--engine dask` on a real 2-worker LocalCluster: run-wide state, bad options, stopping."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from tests.conftest import default_signals, run_mtqa
from tests.engines.test_engines import (CORPUS, _big_corpus, _children, _findings, _json, _no_leftovers, _start,
                                        _wait_for)

pytest.importorskip("distributed")


def test_run_wide_state_of_dask_workers_reaches_the_report(tmp_path):
    """Corpus metrics summed on the workers reach the report as one process computes them."""
    lines = [line for line in (CORPUS / "ar-en-gulf-summit.txt").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    files = []
    for i in range(4):
        files.append(tmp_path / f"mt{i}.txt")
        files[-1].write_text("\n".join(lines[i:] + lines[:i]) + "\n", encoding="utf-8")
    reference = tmp_path / "ref.txt"
    reference.write_text("\n".join(line.replace("the", "a") for line in lines) + "\n", encoding="utf-8")
    args = ["--no-grammar", "--reference", str(reference), *map(str, files)]
    one = _json(*args, "--jobs", "1")
    dask = _json(*args, "--engine", "dask", "--jobs", "2")
    assert one["metrics"] and dask["metrics"] == one["metrics"]
    assert _findings(dask) == _findings(one)


def test_an_unknown_rule_is_one_error_line_on_dask():
    result = run_mtqa("check", "--no-grammar", "--engine", "dask", "--jobs", "2", "--select", "NO-SUCH-RULE",
                      str(CORPUS))
    assert result.returncode == 2
    assert result.stderr.strip().startswith("mtqa: error:") and "NO-SUCH-RULE" in result.stderr
    assert "Traceback" not in result.stderr and "distributed" not in result.stderr


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_stopping_a_dask_run_leaves_no_worker_behind(tmp_path, sig):
    folder = _big_corpus(tmp_path)
    process = _start(["--no-grammar", "--engine", "dask", "--jobs", "2", "--format", "json", str(folder)])
    assert _wait_for(lambda: len(_children(process.pid)) >= 2 or process.poll() is not None)
    workers = _children(process.pid)
    if process.poll() is not None:
        pytest.fail("the run ended before its workers could be seen")
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == (130 if sig == signal.SIGINT else 128 + signal.SIGTERM)
    assert "Traceback" not in stderr
    assert _no_leftovers(workers)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_to_the_whole_process_group_stops_a_dask_run_cleanly(tmp_path, sig):
    """Ctrl+C in a terminal (or a service manager's SIGTERM) reaches the workers too."""
    folder = _big_corpus(tmp_path)
    process = subprocess.Popen([sys.executable, "-m", "mtqa", "check", "--no-grammar", "--engine", "dask", "--jobs",
                                "2", "--format", "json", str(folder)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, preexec_fn=default_signals, start_new_session=True)
    assert _wait_for(lambda: _busy_workers(process.pid) >= 2 or process.poll() is not None)
    workers = _children(process.pid)
    if process.poll() is not None:
        pytest.fail("the run ended before its workers could be seen")
    os.killpg(process.pid, sig)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 128 + sig
    assert stderr.strip() == ("mtqa: interrupted" if sig == signal.SIGINT else "")
    assert _no_leftovers(workers)


def _busy_workers(pid: int) -> int:
    """Children of ``pid`` that have used CPU time since they started (checking, not starting)."""
    busy = 0
    for child in _children(pid):
        try:
            with open(f"/proc/{child}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        busy += int(fields[11]) + int(fields[12]) > 50  # more than half a second of CPU (in ticks)
    return busy


def test_a_dask_worker_killed_mid_run_never_leaves_a_silently_partial_report(tmp_path):
    """Dask checks a dead worker's documents again, but what that worker had summed (here the
    corpus metrics against the reference) dies with it: the run either ends with one error
    line, or, when the worker had not finished a partition yet, reports what one process does."""
    folder = _big_corpus(tmp_path)
    references = tmp_path / "refs"
    references.mkdir()
    for i, mt in enumerate(sorted(folder.iterdir())):  # each document its own distance to its reference
        lines = mt.read_text(encoding="utf-8").splitlines()
        (references / mt.name).write_text("\n".join(line.replace(" the ", " a ") if k % 40 < i else line
                                                    for k, line in enumerate(lines)) + "\n", encoding="utf-8")
    args = ["--no-grammar", "--format", "json", "--exit-zero", "--reference", str(references), str(folder)]
    process = subprocess.Popen([sys.executable, "-m", "mtqa", "check", "--engine", "dask", "--jobs", "2", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=default_signals)
    # A second of CPU: a worker that has likely returned a partition already.
    assert _wait_for(lambda: max(map(_cpu_ticks, _children(process.pid)), default=0) > 100 or process.poll() is not None)
    if process.poll() is not None:
        pytest.fail("the run ended before its workers could be seen")
    busy = [pid for pid in _children(process.pid) if _cpu_ticks(pid) > 100]
    os.kill(busy[0], signal.SIGKILL)
    stdout, stderr = process.communicate(timeout=600)
    assert "Traceback" not in stderr
    if process.returncode == 2:
        assert "mtqa: error: a Dask worker died during the run" in stderr
        assert stdout == ""
    else:
        assert process.returncode == 0, stderr
        one = _json("--jobs", "1", *args)
        assert json.loads(stdout)["metrics"] == one["metrics"]


def _cpu_ticks(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])
