"""Checker options are validated against their defaults: a typo or a wrong type in any
`[checkers.X]` table is an error naming the file and line, never silently ignored."""

from __future__ import annotations

import pytest

from mtqa.config.settings import load_settings
from mtqa.errors import ConfigError
from tests.conftest import run_mtqa


def test_misspelt_checker_option_is_exit_2_with_file_and_line(tmp_path):
    config = tmp_path / "mtqa.toml"
    config.write_text("[checkers.consistency]\npronoun_window = 3\npronoun_windw = 5\n")
    article = tmp_path / "a.txt"
    article.write_text("Norway rejected the deal. She says her fishermen need more time.\n")
    result = run_mtqa("check", str(article), "--no-grammar", "--config", str(config))
    assert result.returncode == 2
    assert f"{config}:3: unknown option 'checkers.consistency.pronoun_windw'" in result.stderr
    assert "did you mean 'pronoun_window'" in result.stderr


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[tool.mtqa.checkers.fluency]\nfragments = "yes"\n', 2, "must be true or false"),
        ("[tool.mtqa]\nselect = []\n\n[tool.mtqa.checkers.bilingual]\nlength_min_units = 2.5\n", 5, "must be an integer"),
        ("[tool.mtqa.checkers]\nconsistency = { pronoun_window = 2, windw = 1 }\n", 2, "unknown option"),
        ("[tool.mtqa.checkers.nope]\nx = 1\n", 1, "unknown option 'checkers.nope'"),
    ],
)
def test_bad_options_in_pyproject_name_their_line(tmp_path, text, line, words):
    config = tmp_path / "pyproject.toml"
    config.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_settings(config)
    assert str(info.value).startswith(f"{config}:{line}: ")
    assert words in str(info.value)


def test_a_number_for_a_float_option_is_a_float(tmp_path):
    config = tmp_path / "mtqa.toml"
    config.write_text("[checkers.fluency]\nfused_min_zipf = 4\n")
    assert load_settings(config).checker_options("fluency")["fused_min_zipf"] == 4.0
