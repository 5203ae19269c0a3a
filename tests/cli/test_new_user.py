"""What a new user met: an off style pack speaking through another checker, a "safe" fix that
changed a house style, and `make demo` claiming a screenshot it did not take."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, run_mtqa


def _rules(result) -> list[tuple[str, str, list[str]]]:
    report = json.loads(result.stdout)
    return [(f["rule"], f["text"], f["suggestions"]) for d in report["documents"] for f in d["findings"]]


def test_kiev_is_left_alone_while_the_style_pack_is_off(tmp_path):
    (tmp_path / "a.txt").write_text("The mayor of Kiev met officials from Kharkov and Odessa on Monday.\n",
                                    encoding="utf-8")
    off = run_mtqa("check", "--no-grammar", "-f", "json", "a.txt", cwd=tmp_path)
    assert off.returncode == 0, off.stderr
    assert _rules(off) == []
    (tmp_path / "mtqa.toml").write_text('[checkers.rules]\nenable = ["style"]\n', encoding="utf-8")
    on = run_mtqa("check", "--no-grammar", "-f", "json", "a.txt", cwd=tmp_path)
    fixes = {text: suggestions[0] for _, text, suggestions in _rules(on)}
    assert fixes == {"Kiev": "Kyiv", "Kharkov": "Kharkiv", "Odessa": "Odesa"}


def test_a_spaced_ellipsis_is_not_fixed(tmp_path):
    text = "He paused . . . and then he spoke again about the plan.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    checked = run_mtqa("check", "--no-grammar", "-f", "json", "a.txt", cwd=tmp_path)
    assert _rules(checked) == []
    for args in ((), ("--unsafe-fixes",)):
        fixed = run_mtqa("fix", "--no-grammar", *args, "a.txt", cwd=tmp_path)
        assert fixed.returncode == 0, fixed.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == text


def test_space_before_a_mark_is_an_unsafe_fix(tmp_path):
    (tmp_path / "a.txt").write_text("The port reopened on Sunday . Ships are waiting.\n", encoding="utf-8")
    report = json.loads(run_mtqa("check", "--no-grammar", "-f", "json", "a.txt", cwd=tmp_path).stdout)
    [finding] = report["documents"][0]["findings"]
    assert (finding["rule"], finding["applicability"]) == ("MTQA-CORE-004", "unsafe")
    assert run_mtqa("fix", "--no-grammar", "a.txt", cwd=tmp_path).returncode == 0
    assert "Sunday ." in (tmp_path / "a.txt").read_text(encoding="utf-8")  # safe fixes only: unchanged


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_demo_says_when_no_screenshot_was_taken(tmp_path):
    (tmp_path / "report.html").write_text("<!doctype html><title>r</title><p>report</p>", encoding="utf-8")
    (tmp_path / "report.png").write_bytes(b"stale picture of an earlier run")
    result = subprocess.run(["make", "-s", "-C", str(REPO), "screenshot-report", f"BUILD={tmp_path}",
                             f"BIN={Path(sys.executable).parent}", "MTQA_CHROMIUM=/nonexistent/chromium"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "(screenshot:" not in result.stdout
    assert "no screenshot: Chromium is not installed" in result.stdout
    assert not (tmp_path / "report.png").exists()  # a stale picture is not passed off as this run's
