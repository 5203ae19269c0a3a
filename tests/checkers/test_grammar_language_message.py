"""An unsupported English variant names every variant the grammar checker accepts, and the
config file's line, when the file is read."""

from __future__ import annotations

from tests.conftest import run_mtqa


def test_unsupported_variant_lists_the_supported_ones(tmp_path):
    (tmp_path / "mtqa.toml").write_text('[checkers.grammar]\nlanguage = "en-IN"\n')
    (tmp_path / "a.txt").write_text("The minister spoke on Monday.\n")
    result = run_mtqa("check", "a.txt", cwd=tmp_path)  # refused before any LanguageTool server starts
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"mtqa: error: {tmp_path / 'mtqa.toml'}:2: option 'checkers.grammar.language' must be an English variant "
        "LanguageTool checks: \"en-US\", \"en-GB\", \"en-AU\", \"en-CA\", \"en-NZ\" or \"en-ZA\", got 'en-IN'")
