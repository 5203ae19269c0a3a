"""A --select that names only what the run switched off checks nothing, so a gate over
it could never fail: `mtqa check --select grammar --no-grammar --fail-on minor` scored 100
and exited 0. It is a usage error now, saying what is off."""

from __future__ import annotations

import pytest

from tests.conftest import run_mtqa

ARTICLE = "The the minister walked on Monday to the parliament building in the capital.\n"


@pytest.mark.parametrize(("args", "message"), [
    (("--select", "grammar", "--no-grammar", "--fail-on", "minor"),
     "--select grammar: the grammar checker is off (--no-grammar)"),
    (("--select", "LT-EN_A_VS_AN", "--no-grammar"), "--select LT-EN_A_VS_AN: the grammar checker is off (--no-grammar)"),
    (("--select", "style", "--no-grammar"), "--select style: the style pack is off (add it to [checkers.rules] enable)"),
    (("--select", "MTQA-STYLE", "--no-grammar"), "--select MTQA-STYLE: the style pack is off (add it to [checkers.rules] enable)"),
])
def test_selecting_only_what_is_off_is_a_usage_error(tmp_path, args, message):
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = run_mtqa("check", "a.txt", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"mtqa: error: {message}"
    assert result.stdout == ""


def test_the_config_file_turning_grammar_off_is_named(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "mtqa.toml").write_text('select = ["grammar"]\n[checkers.grammar]\nenabled = false\n')
    result = run_mtqa("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "select grammar: the grammar checker is off (checkers.grammar.enabled = false)" in result.stderr


@pytest.mark.parametrize("args", [
    ("--select", "grammar,fluency", "--no-grammar"),  # fluency still runs
    ("--select", "style", "--no-grammar", "--config", "style.toml"),  # the pack is on
])
def test_a_selection_with_something_running_is_fine(tmp_path, args):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "style.toml").write_text('[checkers.rules]\nenable = ["style"]\n')
    result = run_mtqa("check", "a.txt", *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
