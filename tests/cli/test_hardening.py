"""`mtqa check` against a hostile run: outputs over inputs, Ctrl-C, terminal escapes, failed writes."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import default_signals, run_mtqa

ARTICLE = "The minister said that the the talks would resume on Monday.\n"


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_output_naming_an_input_is_refused_and_the_input_kept(article, tmp_path, option):
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    hard = tmp_path / "hard.txt"
    os.link(article, hard)
    for target in ("a.txt", "./a.txt", str(article), "link.txt", "hard.txt"):
        result = run_mtqa("check", "--no-grammar", "a.txt", option, target, cwd=tmp_path)
        assert result.returncode == 2, (target, result.stderr)
        assert result.stderr.startswith(f"mtqa: error: {target}: {option} names an input file"), result.stderr
        assert "Traceback" not in result.stderr
        assert article.read_text(encoding="utf-8") == ARTICLE


def test_output_inside_a_checked_folder_over_one_of_its_files_is_refused(article, tmp_path):
    result = run_mtqa("check", "--no-grammar", ".", "-o", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert article.read_text(encoding="utf-8") == ARTICLE
    # A new file in that folder is no input: allowed.
    ok = run_mtqa("check", "--no-grammar", ".", "-o", "report.txt", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert "the the" in (tmp_path / "report.txt").read_text(encoding="utf-8")


def test_output_over_the_baseline_or_both_outputs_on_one_file_is_refused(article, tmp_path):
    made = run_mtqa("check", "--no-grammar", "a.txt", "--write-baseline", "base.json", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    before = (tmp_path / "base.json").read_bytes()
    over = run_mtqa("check", "--no-grammar", "a.txt", "--baseline", "base.json", "-o", "base.json", cwd=tmp_path)
    assert over.returncode == 2 and "Traceback" not in over.stderr
    same = run_mtqa("check", "--no-grammar", "a.txt", "--write-baseline", "base.json", "-o", "base.json",
                    cwd=tmp_path)
    assert same.returncode == 2 and "name the same file" in same.stderr
    assert (tmp_path / "base.json").read_bytes() == before
    # Refreshing a baseline in place stays possible.
    refresh = run_mtqa("check", "--no-grammar", "a.txt", "--baseline", "base.json", "--write-baseline", "base.json",
                       cwd=tmp_path)
    assert refresh.returncode == 0, refresh.stderr


def _wait_until_reading_stdin(pid: int, limit: float = 60.0) -> None:
    """Block until the process sleeps reading its stdin pipe (mtqa is imported and running)."""
    wchan = Path(f"/proc/{pid}/wchan")
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if "pipe" in wchan.read_text():
                return
        except OSError:
            pass
        time.sleep(0.05)
    pytest.fail("mtqa never started reading standard input")


@pytest.mark.skipif(not Path("/proc/self/wchan").exists(), reason="needs Linux /proc")
def test_ctrl_c_exits_130_without_traceback():
    process = subprocess.Popen([sys.executable, "-m", "mtqa", "check", "--no-grammar", "-"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=default_signals)
    try:
        _wait_until_reading_stdin(process.pid)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130, err
    assert "Traceback" not in err and "Aborted" not in err
    assert err.strip() == "mtqa: interrupted"


def test_escape_sequences_in_text_and_file_names_never_reach_the_terminal(tmp_path):
    name = "evil\x1b[2Jname.txt"
    (tmp_path / name).write_text("Hello \x1b]0;owned\x07 world \x1b[31m said the the\u202e minister.\n",
                                 encoding="utf-8")
    result = run_mtqa("check", "--no-grammar", "--no-color", name, "missing\x1b.txt", cwd=tmp_path)
    assert result.returncode == 2
    for stream in (result.stdout, result.stderr):
        assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream
    assert "evil\\x1b[2Jname.txt:1:" in result.stdout
    assert "\\x1b]0;owned\\x07" in result.stdout and "\\u202e" in result.stdout
    assert "mtqa: error: missing\\x1b.txt: no such file" in result.stderr
    # The caret still sits under "the the" although the escapes widened the line.
    lines = result.stdout.splitlines()
    shown = next(line for line in lines if "said the the" in line)
    caret = lines[lines.index(shown) + 1]
    assert shown[caret.index("^"):].startswith("the the")


def test_a_missing_file_prints_no_score(tmp_path):
    result = run_mtqa("check", "--no-grammar", "missing.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "score" not in result.stdout and "0 document(s)" not in result.stdout
    assert result.stdout.strip() == "no document was checked; 1 input error(s)"


def test_a_failed_report_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    from mtqa import atomic
    from mtqa.cli.output import write_output
    from mtqa.errors import MtqaError

    def full_disk(handle, data):
        handle.write(data[:10])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", full_disk)
    with pytest.raises(MtqaError, match=r"report\.json: cannot write report: No space left on device"):
        write_output("{}" * 1000, str(tmp_path / "report.json"))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_report_files_follow_the_umask(article, tmp_path, umask):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for option in ("-o", "--write-baseline"):
        out = tmp_path / f"out{option}.json"
        subprocess.run([sys.executable, "-m", "mtqa", "check", "--no-grammar", str(article), option, str(out)],
                       capture_output=True, env=env, check=False, preexec_fn=lambda: os.umask(umask))
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o666 & ~umask, option


def test_an_existing_report_keeps_its_permission_bits(article, tmp_path):
    out = tmp_path / "report.txt"
    out.write_text("old", encoding="utf-8")
    os.chmod(out, 0o640)
    result = run_mtqa("check", "--no-grammar", str(article), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o640
    assert "the the" in out.read_text(encoding="utf-8")


def test_json_report_of_a_missing_file_has_no_documents(tmp_path):
    result = run_mtqa("check", "--no-grammar", "--format", "json", "missing.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert json.loads(result.stdout)["documents"] == []


def test_a_device_or_fifo_as_output_is_written_not_replaced(article, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    try:
        result = run_mtqa("check", "--no-grammar", str(article), "-o", str(fifo))
        out, _ = reader.communicate(timeout=60)
    finally:
        reader.kill()
        reader.wait()
    assert result.returncode == 0, result.stderr
    assert "the the" in out
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a FIFO, not a file renamed over it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "pipe"]


def test_report_and_new_baseline_on_one_new_file_are_refused(article, tmp_path):
    same = run_mtqa("check", "--no-grammar", "a.txt", "-f", "json", "-o", "r.json", "--write-baseline", "./r.json",
                    cwd=tmp_path)
    assert same.returncode == 2 and "name the same file" in same.stderr
    assert not (tmp_path / "r.json").exists()


@pytest.mark.parametrize("options, message", [
    (["--write-baseline", "-"], "-: --write-baseline writes a file; standard output carries the report"),
    (["--baseline", "-"], "-: a baseline is read from a file, not from standard input"),
    (["-o", ""], "--output: empty path; name a file or '-' for standard output"),
])
def test_baseline_on_standard_streams_and_empty_output_are_one_line_errors(article, tmp_path, options, message):
    result = run_mtqa("check", "--no-grammar", "-f", "json", "a.txt", *options, cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == f"mtqa: error: {message}\n"


def test_a_baseline_saved_with_a_byte_order_mark_is_read(article, tmp_path):
    made = run_mtqa("check", "--no-grammar", "a.txt", "--write-baseline", "base.json", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf" + (tmp_path / "base.json").read_bytes())
    result = run_mtqa("check", "--no-grammar", "a.txt", "--baseline", "bom.json", "--fail-on", "minor", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "known finding(s) hidden, 0 new" in result.stderr


@pytest.mark.parametrize(("command", "option"), [
    *((("check", "a.txt"), option) for option in ("--source", "--reference", "--doc-ids", "--baseline", "--config")),
    (("fix", "--diff", "a.txt"), "--config"),
    (("rules", "list"), "--config"),
])
def test_an_empty_file_name_is_a_usage_error(article, tmp_path, command, option):
    """`--source "$SRC"` with the variable unset checked without the source (or the baseline,
    the document ids, the config) and said nothing."""
    result = run_mtqa(*command, option, "", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines()[-1] == f"Error: Invalid value for '{option}': empty path; name a file"
