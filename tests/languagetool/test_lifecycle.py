"""Getting LanguageTool, server lifecycle, restarts, the result cache, and no leftover JVMs."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mtqa.checkers.base import CheckerUnavailable
from mtqa.checkers.grammar import GrammarChecker
from mtqa.config.settings import load_settings
from mtqa.languagetool import install
from mtqa.languagetool.server import free_port
from mtqa.model import Document

pytestmark = pytest.mark.languagetool

MTQA = [sys.executable, "-m", "mtqa"]
TEXT = "\n".join(f"Line {i}: he go to school and recieved {i} letters. 😀 It was offical." for i in range(40)) + "\n"


def jvms_owned_by(pid: int) -> list[int]:
    marker = f"-Dmtqa.owner={pid}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


@pytest.fixture
def isolated_state(tmp_path, monkeypatch):
    """A private state dir, so no `mtqa languagetool start` server of the user is reused."""
    state = tmp_path / "state"
    monkeypatch.setenv("MTQA_STATE_DIR", str(state))
    return state


def settings(tmp_path, **overrides):
    return load_settings(None, overrides, search_from=tmp_path)


def check(checker, text=TEXT):
    return [(f.rule, f.start, f.end) for f in checker.check(Document(id="d", path="d.txt", text=text))]


def cli(*args, env=None, cwd=None, timeout=300):
    return subprocess.run([*MTQA, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=timeout)


def test_pom_version_matches_the_code():
    assert f"<languagetool.version>{install.LT_VERSION}</languagetool.version>" in install.pom_text()
    assert "<artifactId>language-all</artifactId>" in install.pom_text()  # as the excluded one


def test_fetch_again_is_quiet(languagetool_server):
    result = cli("languagetool", "fetch", "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    assert install.installed() is not None


def test_second_run_is_served_from_the_cache_without_a_server(languagetool_server, tmp_path, isolated_state):
    cache = str(tmp_path / "results.sqlite3")
    first = GrammarChecker(settings(tmp_path, **{"checkers.grammar.url": languagetool_server,
                                                 "checkers.grammar.cache_path": cache}))
    try:
        expected = check(first)
        assert first.stats["sent"] > 0
    finally:
        first.close()
    # Managed mode, nothing running: the cache must answer everything without starting a JVM.
    second = GrammarChecker(settings(tmp_path, **{"checkers.grammar.cache_path": cache}))
    try:
        assert check(second) == expected
        assert second.stats["sent"] == 0 and second.connection.server is None
    finally:
        second.close()
    assert expected


def test_server_killed_mid_run_is_restarted_and_the_report_is_complete(languagetool_server, tmp_path, isolated_state):
    reference = GrammarChecker(settings(tmp_path, **{"checkers.grammar.url": languagetool_server,
                                                     "checkers.grammar.cache": False,
                                                     "checkers.grammar.batch_chars": 800}))
    try:
        expected = check(reference)
    finally:
        reference.close()

    checker = GrammarChecker(settings(tmp_path, **{"checkers.grammar.cache": False,
                                                   "checkers.grammar.batch_chars": 800}))
    connection = checker.connection
    send = connection.check
    calls = []

    def kill_after_two_batches(text, mother_tongue=None):
        calls.append(text)
        if len(calls) == 3:  # the JVM dies between the 2nd and 3rd request of this document
            os.kill(connection.server.pid, signal.SIGKILL)
        return send(text, mother_tongue)

    connection.check = kill_after_two_batches
    try:
        got = check(checker)
        assert connection.restarts == 1
        assert connection.server is not None and connection.server.alive()
        restarted_pid = connection.server.pid
    finally:
        checker.close()
    assert got == expected and len(calls) > 3
    assert not jvms_owned_by(os.getpid()) or restarted_pid not in jvms_owned_by(os.getpid())


def test_unreachable_url_makes_the_checker_unavailable(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(CheckerUnavailable) as error:
        GrammarChecker(settings(tmp_path, **{"checkers.grammar.url": url}))
    message = str(error.value)
    assert message.startswith("grammar:") and "\n" not in message and url in message


def test_check_cli_says_so_in_one_line_and_exits_2(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("He go to school.\n", encoding="utf-8")
    url = f"http://127.0.0.1:{free_port()}"
    result = cli("check", str(article), "--select", "grammar", "--languagetool-url", url, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("mtqa: error: grammar:"), result.stderr


def test_check_cli_stops_the_jvm_it_started(tmp_path, languagetool_server):
    article = tmp_path / "a.txt"
    article.write_text("He go to school yesterday.\n", encoding="utf-8")
    (tmp_path / "mtqa.toml").write_text("[checkers.grammar]\ncache = false\n", encoding="utf-8")
    env = dict(os.environ, MTQA_STATE_DIR=str(tmp_path / "state"))
    process = subprocess.Popen([*MTQA, "check", str(article), "--select", "grammar", "--format", "json"],
                               cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen_running = []
    while process.poll() is None:
        seen_running += jvms_owned_by(process.pid)
        time.sleep(0.2)
    out, err = process.communicate(timeout=60)
    assert process.returncode in (0, 1), err
    assert '"LT-' in out
    assert seen_running, "the check should have started its own LanguageTool JVM"
    time.sleep(0.5)
    assert not jvms_owned_by(process.pid)
    assert not any(Path(f"/proc/{pid}").exists() for pid in set(seen_running))


def test_start_status_stop_and_check_reuses_the_started_server(tmp_path, isolated_state, languagetool_server):
    env = dict(os.environ)
    assert cli("languagetool", "status", env=env).returncode == 1
    started = cli("languagetool", "start", env=env)
    assert started.returncode == 0, started.stderr
    url = re.search(r"at (http://\S+)", started.stdout).group(1)
    try:
        status = cli("languagetool", "status", env=env)
        assert status.returncode == 0 and url in status.stdout
        again = cli("languagetool", "start", env=env)
        assert "already running" in again.stdout and url in again.stdout
        checker = GrammarChecker(settings(tmp_path, **{"checkers.grammar.cache": False}))
        try:
            assert checker.connection.mode == "daemon" and checker.connection.url == url
            assert ("LT-HE_VERB_AGR", 3, 5) in check(checker, "He go to school yesterday.")
            assert checker.connection.server is None  # nothing started by the check itself
        finally:
            checker.close()
        # The check ended, and the started server is still there for the next one.
        assert cli("languagetool", "status", env=env).returncode == 0
    finally:
        stopped = cli("languagetool", "stop", env=env)
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    assert cli("languagetool", "status", env=env).returncode == 1
    assert "no LanguageTool server" in cli("languagetool", "stop", env=env).stdout


def test_no_grammar_turns_the_checker_off(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("He go to school.\n", encoding="utf-8")
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens: would be exit 2 if grammar ran
    result = cli("check", str(article), "--no-grammar", "--languagetool-url", url, "--format", "json", cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert '"LT-' not in result.stdout


def test_jvm_dies_with_a_killed_check(tmp_path, languagetool_server):
    if not sys.platform.startswith("linux"):
        pytest.skip("PR_SET_PDEATHSIG is Linux-only")
    article = tmp_path / "a.txt"
    article.write_text(TEXT * 20, encoding="utf-8")
    (tmp_path / "mtqa.toml").write_text("[checkers.grammar]\ncache = false\n", encoding="utf-8")
    env = dict(os.environ, MTQA_STATE_DIR=str(tmp_path / "state"))
    process = subprocess.Popen([*MTQA, "check", str(article), "--select", "grammar"], cwd=tmp_path, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    jvms: list[int] = []
    while not jvms and process.poll() is None and time.monotonic() < deadline:
        jvms = jvms_owned_by(process.pid)
        time.sleep(0.1)
    assert jvms, "the check should have started its own LanguageTool JVM"
    process.kill()  # SIGKILL: no atexit, no cleanup code runs in mtqa
    process.wait()
    deadline = time.monotonic() + 20
    while any(Path(f"/proc/{pid}").exists() for pid in jvms) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(Path(f"/proc/{pid}").exists() for pid in jvms)
