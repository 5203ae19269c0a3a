"""Shared fixtures: where the repository, the seed article and the shared WMT corpus are."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MTQA_SHARED", REPO.parent / "shared"))
SEED = SHARED / "seed"
WMT = SHARED / "corpus" / "wmt"

pytest_plugins = ["tests.plugins.languagetool"]


def default_signals() -> None:
    """`preexec_fn` for children a test interrupts: SIGINT and SIGHUP at their defaults.

    A suite started in the background (`cmd &`) or under `nohup` hands its children SIGINT or
    SIGHUP ignored, and Python keeps an inherited "ignore", so Ctrl+C tests would test nothing.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seed_article() -> Path:
    path = SEED / "article.txt"
    if not path.is_file():
        pytest.skip(f"seed article not found at {path}")
    return path


@pytest.fixture(scope="session")
def seed_expected() -> list[dict]:
    path = SEED / "expected.jsonl"
    if not path.is_file():
        pytest.skip(f"seed expectations not found at {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def wmt_dir() -> Path:
    if not WMT.is_dir():
        pytest.skip(f"shared WMT corpus not found at {WMT}")
    return WMT


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def run_mtqa(*args: str, cwd=None, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run the real `mtqa` command (as `python -m mtqa`) and capture its output."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "mtqa", *args], capture_output=True, text=True, cwd=cwd, input=stdin, env=env
    )
