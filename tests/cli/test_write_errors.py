"""A report or baseline that cannot be written says which one, and why, in one line."""

from __future__ import annotations

import os

import pytest

from tests.conftest import run_mtqa


@pytest.mark.parametrize(("option", "what"), [("--write-baseline", "baseline"), ("-o", "report")])
def test_a_missing_folder_is_named(tmp_path, option, what):
    (tmp_path / "a.txt").write_text("He said the the thing.\n", encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", "-q", option, "nope/out.json", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"mtqa: error: nope/out.json: cannot write {what}: folder nope does not exist")
    assert not (tmp_path / "nope").exists()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_under_the_baseline_says_baseline(tmp_path):
    (tmp_path / "a.txt").write_text("He said the the thing.\n", encoding="utf-8")
    result = run_mtqa("check", "a.txt", "--no-grammar", "-q", "--write-baseline", "/dev/full", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == (
        "mtqa: error: /dev/full: cannot write baseline: No space left on device")
