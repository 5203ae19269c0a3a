"""`mtqa check` end to end on good and bad inputs: one error line each, good files checked."""

from __future__ import annotations

import json
import os

import pytest

from tests.conftest import run_mtqa

GOOD = "The minister said that the talks would resume on Monday.\n"


@pytest.fixture
def bad_folder(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03ELF" * 100)
    (folder / "invalid.txt").write_bytes("Café ".encode() + b"\xff\xfe" + "naïve".encode())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.jsonl").write_text('{"target": "ok"}\n{not json\n', encoding="utf-8")
    return folder


def test_each_bad_input_gets_one_error_line_and_good_files_are_checked(bad_folder, tmp_path):
    missing = tmp_path / "does-not-exist.txt"
    result = run_mtqa("check", "--no-grammar", "--format", "json", str(bad_folder), str(missing))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("mtqa: error: ")]
    assert len(errors) == 5, result.stderr
    assert len(result.stderr.splitlines()) == 5
    report = json.loads(result.stdout)
    reasons = {os.path.basename(e["path"]): e["message"] for e in report["errors"]}
    assert set(reasons) == {"binary.txt", "invalid.txt", "empty.txt", "broken.jsonl", "does-not-exist.txt"}
    assert "binary" in reasons["binary.txt"]
    assert "invalid UTF-8" in reasons["invalid.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "line 2" in reasons["broken.jsonl"]
    assert "no such file" in reasons["does-not-exist.txt"]
    assert [os.path.basename(d["path"]) for d in report["documents"]] == ["good.txt"]


def test_huge_single_line_file_is_refused_without_reading_it(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        chunk = b"word " * 200_000  # 1 MB, no newline
        for _ in range(50):
            handle.write(chunk)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "--format", "json", str(huge), str(good))
    assert result.returncode == 2
    assert result.stderr.strip().startswith(f"mtqa: error: {huge}: file too large")
    report = json.loads(result.stdout)
    assert [d["path"] for d in report["documents"]] == [str(good)]


def test_stdin_is_read_with_dash():
    result = run_mtqa("check", "--no-grammar", "--format", "json", "-", stdin=GOOD)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["documents"][0]["path"] == "<stdin>"
    assert report["documents"][0]["words"] == 10


def test_unknown_config_option_is_one_line_error(tmp_path):
    (tmp_path / "mtqa.toml").write_text("fial_on = 'major'\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"mtqa: error: {tmp_path / 'mtqa.toml'}:1: unknown option 'fial_on' (did you mean 'fail_on'?)"]


def test_usage_error_exits_2():
    result = run_mtqa("check", "--fail-on", "sometimes", "x.txt")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_folder_without_matching_files_is_an_input_error(tmp_path):
    (tmp_path / "notes.py").write_text("print('not an article')\n", encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == f"mtqa: error: {tmp_path}: no files to check in this folder (see [inputs] include and exclude)"


def test_quoted_glob_is_expanded(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "two.md").write_text(GOOD, encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "--format", "json", "**/*.txt", "*.md", "none/*.txt", cwd=tmp_path)
    assert result.returncode == 2
    report = json.loads(result.stdout)
    assert [d["path"] for d in report["documents"]] == ["a/one.txt", "two.md"]
    assert report["errors"] == [{"path": "none/*.txt", "message": "no files match this pattern"}]


def test_a_small_size_limit_is_said_in_bytes(tmp_path):
    """`[inputs] max_bytes = 100` said "file too large (0.0 MB; the limit is 0.0 MB)"."""
    (tmp_path / "mtqa.toml").write_text("[inputs]\nmax_bytes = 100\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("word " * 40, encoding="utf-8")
    checked = run_mtqa("check", "--no-grammar", "-q", "a.txt", cwd=tmp_path)
    assert checked.returncode == 2
    assert checked.stderr.strip() == "mtqa: error: a.txt: file too large (200 bytes; the limit is 100 bytes)"
    piped = run_mtqa("check", "--no-grammar", "-q", "-", cwd=tmp_path, stdin="word " * 40)
    assert piped.stderr.strip() == "mtqa: error: <stdin>: input too large (over the limit of 100 bytes)"
    fixed = run_mtqa("fix", "--no-grammar", "a.txt", cwd=tmp_path)
    assert fixed.returncode == 2
    assert fixed.stderr.splitlines()[0] == "mtqa: error: a.txt: file too large to fix (200 bytes; the limit is 100 bytes)"
