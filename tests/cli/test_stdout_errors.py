"""A report that cannot reach standard output is a user error (exit 2, one line), not a crash."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

COMMANDS = {
    "check": ["check", "--no-grammar", "{article}"],
    "fix --diff": ["fix", "--no-grammar", "--unsafe-fixes", "--diff", "{article}"],
    "score": ["score", "--no-artifacts", "-r", "{article}", "{article}"],
    "rules list": ["rules", "list"],
}


def _run(args: list[str], article: str, stdout) -> subprocess.CompletedProcess:
    argv = [sys.executable, "-m", "mtqa", *(a.format(article=article) for a in args)]
    return subprocess.run(argv, stdout=stdout, stderr=subprocess.PIPE, text=True,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.fixture
def article(tmp_path) -> str:
    path = tmp_path / "t.txt"
    path.write_text("He said the the thing.\n", encoding="utf-8")
    return str(path)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_disk_on_stdout_is_one_error_line_and_exit_2(article, command):
    with open("/dev/full", "w") as full:
        result = _run(COMMANDS[command], article, full)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "mtqa: error: cannot write report: No space left on device"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_a_closed_stdout_is_one_error_line_and_exit_2(article, command):
    argv = [sys.executable, "-m", "mtqa", *(a.format(article=article) for a in COMMANDS[command])]
    result = subprocess.run(argv, stderr=subprocess.PIPE, text=True, preexec_fn=lambda: os.close(1),
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines()[-1] == "mtqa: error: cannot write report: standard output is closed"
    assert "Traceback" not in result.stderr


def test_a_closed_stdout_does_not_stop_a_report_written_to_a_file(article, tmp_path):
    out = tmp_path / "report.txt"
    argv = [sys.executable, "-m", "mtqa", "check", "--no-grammar", article, "-o", str(out)]
    result = subprocess.run(argv, stderr=subprocess.PIPE, text=True, preexec_fn=lambda: os.close(1))
    assert result.returncode == 0, result.stderr
    assert "MTQA-CORE-001" in out.read_text(encoding="utf-8")


def test_a_reader_that_leaves_early_is_still_no_error(tmp_path):
    reader = subprocess.Popen([sys.executable, "-m", "mtqa", "rules", "list"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    reader.stdout.readline()
    reader.stdout.close()
    stderr = reader.stderr.read()
    assert reader.wait() in (0, 1)
    assert "error" not in stderr and "Traceback" not in stderr



@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "ascii"])
def test_a_stdout_that_is_not_utf8_gets_the_whole_report_with_escapes(tmp_path, encoding):
    """Windows redirects stdout in the ANSI code page; a character it lacks must not crash
    the run. Each is written as a \\uXXXX escape, so a JSON report stays valid and exact."""
    name = "Zürich-Вечер-\U0001f600.txt"
    (tmp_path / name).write_text("Emoji \U0001f600 and Вечером he said the the thing in Zürich.\n",
                                 encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    for fmt in ("text", "json"):
        result = subprocess.run([sys.executable, "-m", "mtqa", "check", "--no-grammar", "-f", fmt, name],
                                capture_output=True, env=env, cwd=tmp_path)
        assert result.returncode == 0, result.stderr.decode(encoding)
        assert b"Traceback" not in result.stderr
        out = result.stdout.decode(encoding)
        if fmt == "json":
            document = json.loads(out)["documents"][0]
            assert document["path"] == name
            assert sorted(f["rule"] for f in document["findings"]) == ["MTQA-CORE-001", "MTQA-LANG-002"]
        else:
            assert "Emoji \\ud83d\\ude00 and \\u0412\\u0435\\u0447\\u0435\\u0440\\u043e\\u043c" in out
            assert "2 finding(s) in 1 document(s)" in out
            assert ("Zürich" in out) == (encoding != "ascii")
