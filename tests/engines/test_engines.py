"""--jobs and --engine dask give the report one process gives; interruptions leave nothing behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import default_signals, run_mtqa

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


def _json(*args: str) -> dict:
    result = run_mtqa("check", "--format", "json", *args)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout)


def _findings(report: dict) -> list:
    return [(d["path"], d["id"], f) for d in report["documents"] for f in d["findings"]]


def test_two_workers_report_what_one_process_reports():
    one = _json("--no-grammar", "--jobs", "1", str(CORPUS))
    two = _json("--no-grammar", "--jobs", "2", str(CORPUS))
    assert len(one["documents"]) > 2
    assert _findings(two) == _findings(one)
    assert [d["id"] for d in two["documents"]] == [d["id"] for d in one["documents"]]


def test_input_errors_keep_their_place_with_workers(tmp_path):
    (tmp_path / "a.txt").write_text("The the minister spoke.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("He will fly there myself.\n", encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "--jobs", "2", "--format", "json", str(tmp_path))
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert [Path(d["path"]).name for d in report["documents"]] == ["a.txt", "c.txt"]
    assert [Path(e["path"]).name for e in report["errors"]] == ["b.txt"]


def test_dask_local_cluster_reports_what_one_process_reports():
    pytest.importorskip("distributed")
    one = _json("--no-grammar", "--jobs", "1", str(CORPUS))
    dask = _json("--no-grammar", "--engine", "dask", "--jobs", "2", str(CORPUS))
    assert _findings(dask) == _findings(one)


def test_a_scheduler_address_without_a_port_is_one_error_line():
    pytest.importorskip("distributed")
    result = run_mtqa("check", "--no-grammar", "--engine", "dask", "--scheduler", "notanaddress", str(CORPUS))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("mtqa: error: cannot reach the Dask scheduler at notanaddress")


def test_dask_engine_without_dask_says_how_to_install_it():
    code = (
        "import sys; sys.modules['distributed'] = None\n"
        "from mtqa.cli import main; sys.argv = ['mtqa', 'check', '--no-grammar', '--engine', 'dask', "
        f"{str(CORPUS)!r}]; main()"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == "mtqa: error: --engine dask needs Dask: pip install 'mtqa[dask]'"


def _children(pid: int) -> list[int]:
    """Every descendant process of ``pid`` (from /proc)."""
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as handle:
                    ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            if ppid == parent:
                found.append(int(entry))
                frontier.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _big_corpus(tmp_path: Path) -> Path:
    lines = (CORPUS / "ar-en-gulf-summit.txt").read_text(encoding="utf-8").splitlines()
    folder = tmp_path / "big"
    folder.mkdir()
    for i in range(40):
        (folder / f"doc{i:02}.txt").write_text("\n".join(lines * 20) + "\n", encoding="utf-8")
    return folder


def _start(args: list[str], state_dir: Path | None = None) -> subprocess.Popen:
    """`mtqa check` in the background; with ``state_dir``, blind to a server that
    `mtqa languagetool start` left running, so that the run starts its own."""
    env = {**os.environ, "MTQA_STATE_DIR": str(state_dir)} if state_dir else None
    return subprocess.Popen([sys.executable, "-m", "mtqa", "check", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, preexec_fn=default_signals, env=env)


def _wait_for(condition, limit: float = 600.0) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def _no_leftovers(pids: list[int]) -> bool:
    return _wait_for(lambda: not any(_alive(p) for p in pids), 60)


def test_a_killed_worker_ends_the_run_with_one_error_line(tmp_path):
    folder = _big_corpus(tmp_path)
    process = _start(["--no-grammar", "--jobs", "2", "--format", "json", str(folder)])
    assert _wait_for(lambda: len(_children(process.pid)) >= 2 or process.poll() is not None)
    workers = _children(process.pid)
    if process.poll() is not None:
        pytest.fail("the run ended before its workers could be seen")
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 2
    assert "Traceback" not in stderr
    assert "mtqa: error: a worker process died" in stderr
    assert _no_leftovers(workers)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_stopping_the_parent_leaves_no_worker_behind(tmp_path, sig):
    folder = _big_corpus(tmp_path)
    process = _start(["--no-grammar", "--jobs", "2", "--format", "json", str(folder)])
    assert _wait_for(lambda: len(_children(process.pid)) >= 2 or process.poll() is not None)
    workers = _children(process.pid)
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == (130 if sig == signal.SIGINT else 128 + signal.SIGTERM)
    assert "Traceback" not in stderr
    assert _no_leftovers(workers)


@pytest.mark.languagetool
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_stopping_a_grammar_run_leaves_no_java_or_worker_behind(tmp_path, sig):
    folder = _big_corpus(tmp_path)
    process = _start(["--jobs", "2", "--format", "json", str(folder)], state_dir=tmp_path / "state")
    java = lambda: [p for p in _children(process.pid) if "java" in _cmdline(p)]  # noqa: E731
    assert _wait_for(lambda: (java() and len(_children(process.pid)) >= 3) or process.poll() is not None)
    everything = _children(process.pid)
    assert java(), "the run should have started its LanguageTool server"
    process.send_signal(sig)
    process.communicate(timeout=120)
    assert _no_leftovers(everything)


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def test_run_wide_state_of_workers_reaches_the_report(tmp_path):
    """Corpus metrics and rule timeouts are kept by the process that checked the document."""
    lines = (CORPUS / "ar-en-gulf-summit.txt").read_text(encoding="utf-8").splitlines()
    lines = [line for line in lines if line.strip()]
    for i in range(4):
        (tmp_path / f"mt{i}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    reference = tmp_path / "ref.txt"
    reference.write_text("\n".join(line.replace("the", "a") for line in lines) + "\n", encoding="utf-8")
    files = [str(tmp_path / f"mt{i}.txt") for i in range(4)]
    one = _json("--no-grammar", "--jobs", "1", "--reference", str(reference), *files)
    two = _json("--no-grammar", "--jobs", "2", "--reference", str(reference), *files)
    assert one["metrics"] and two["metrics"] == one["metrics"]
    assert _findings(two) == _findings(one)
