"""Numeric options are validated against the ranges declared in config/ranges.toml:
a value with no meaning (a batch of 0 characters, a confidence of 5, a negative window)
is an error naming the file and line, not a run that hangs or quietly reports less."""

from __future__ import annotations

import re

import pytest

from mtqa.config.settings import load_settings, option_ranges, packaged_defaults
from mtqa.errors import ConfigError
from tests.conftest import run_mtqa

ARTICLE = "Norway rejected the deal on Monday. She says her fishermen need more time.\n"


def test_zero_batch_chars_is_a_config_error_not_a_hang(tmp_path):
    (tmp_path / "mtqa.toml").write_text("# grammar\n[checkers.grammar]\nbatch_chars = 0\n")
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = run_mtqa("check", "a.txt", cwd=tmp_path)  # grammar on: validated before any server starts
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"mtqa: error: {tmp_path / 'mtqa.toml'}:3: option 'checkers.grammar.batch_chars' must be at least 1, got 0")


@pytest.mark.parametrize(
    ("table", "line", "message"),
    [
        ("[checkers.language]\nmin_confidence = 5", 2, "'checkers.language.min_confidence' must be between 0 and 1"),
        ("[checkers.consistency]\npronoun_window = -1", 2, "'checkers.consistency.pronoun_window' must be at least 0"),
        ("[checkers.fluency]\nfused_min_zipf = -5", 2, "'checkers.fluency.fused_min_zipf' must be between 0 and 8"),
        ("[checkers.grammar]\nmax_suggestions = -3", 2, "'checkers.grammar.max_suggestions' must be at least 0"),
        ("[checkers]\ngrammar = { batch_chars = -1 }", 2, "'checkers.grammar.batch_chars' must be at least 1"),
        ("[checkers.grammar.server]\nmaxCheckThreads = 0", 2, "'checkers.grammar.server.maxCheckThreads' must be"),
        ("select = []\n[inputs]\nmax_bytes = 0", 3, "'inputs.max_bytes' must be at least 1"),
    ],
)
def test_out_of_range_option_names_file_and_line(tmp_path, table, line, message):
    config = tmp_path / "mtqa.toml"
    config.write_text(table + "\n")
    with pytest.raises(ConfigError) as info:
        load_settings(config)
    assert str(info.value).startswith(f"{config}:{line}: option {message}")


def test_range_in_pyproject_names_its_line(tmp_path):
    config = tmp_path / "pyproject.toml"
    config.write_text("[project]\nname = 'x'\n\n[tool.mtqa.checkers.naturalness]\nmin_confidence = 1.5\n")
    with pytest.raises(ConfigError, match=rf"^{config}:5: option 'checkers.naturalness.min_confidence'"):
        load_settings(config)


def test_values_at_the_bounds_are_accepted(tmp_path):
    config = tmp_path / "mtqa.toml"
    config.write_text("[checkers.language]\nmin_confidence = 1\n[checkers.consistency]\npronoun_window = 0\n")
    settings = load_settings(config)
    assert settings.checker_options("language")["min_confidence"] == 1.0
    assert settings.checker_options("consistency")["pronoun_window"] == 0


def _leaves(table, where=""):
    for key, value in table.items():
        if {"min", "max", "pattern"} & value.keys():
            yield f"{where}{key}", value
        else:
            yield from _leaves(value, f"{where}{key}.")


def test_every_range_names_a_numeric_option_whose_default_is_inside_it():
    defaults = packaged_defaults()
    ranges = list(_leaves(option_ranges()))
    assert ranges
    for dotted, bounds in ranges:
        value = defaults
        for part in dotted.split("."):
            value = value[part]
        if "pattern" in bounds:  # a string option of a declared form
            assert set(bounds) == {"pattern", "want"} and isinstance(value, str), dotted
            assert re.fullmatch(bounds["pattern"], value), dotted
            continue
        assert isinstance(value, (int, float)) and not isinstance(value, bool), dotted
        assert set(bounds) <= {"min", "max"}, dotted
        assert bounds.get("min", value) <= value <= bounds.get("max", value), dotted
