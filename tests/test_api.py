"""The Python API gives the same Report the CLI builds."""

from __future__ import annotations

import pytest

import mtqa
from mtqa.errors import ConfigError


def test_check_text_returns_report_with_exact_findings():
    text = "The talks resumed on Monday.\nВечером в городе снова объявили воздушную тревогу, и жители ушли в укрытия.\n"
    report = mtqa.check_text(text)
    (doc,) = report.documents
    assert doc.words > 10
    assert doc.findings, "the Cyrillic sentence should be flagged"
    for finding in doc.findings:
        assert text[finding.start:finding.end] == finding.text
    assert "grammar" not in report.provenance["checkers"]


def test_check_files_reports_missing_file(tmp_path):
    report = mtqa.check_files([str(tmp_path / "nope.txt")], **{"checkers.grammar.enabled": False})
    assert report.documents == []
    assert report.errors[0].message == "no such file or directory"


def test_bad_config_value_is_a_config_error():
    with pytest.raises(ConfigError):
        mtqa.check_text("Text.", fail_on="sometimes")


TEXT = "He said the the thing. Russia said she would come back."


@pytest.mark.parametrize("options, message", [
    ({"bogus": 1}, "unknown option 'bogus'"),
    ({"checkers.grammar.languag": "en-GB"}, "unknown option 'checkers.grammar.languag' (did you mean 'language'?)"),
    ({"max_mqm": "x"}, "option 'max_mqm' must be a number, got 'x'"),
    ({"max_mqm": -1}, "max_mqm must be 0 (no limit) or more"),
    ({"fail_on": "sometimes"}, "fail_on: unknown severity 'sometimes'; expected minor, major or critical"),
    ({"min_severity": "huge"}, "min_severity: unknown severity 'huge'; expected minor, major or critical"),
])
def test_unknown_or_bad_options_are_errors_naming_the_argument(options, message):
    """As in mtqa.toml: never silently ignored, and never blamed on the defaults."""
    with pytest.raises(ConfigError) as error:
        mtqa.check_text(TEXT, **options)
    assert str(error.value) == message
    with pytest.raises(ConfigError) as error:
        mtqa.check_files([], **options)
    assert str(error.value) == message


def test_min_severity_hides_lesser_findings_and_rescores():
    every = mtqa.check_text(TEXT).documents[0]
    assert {f.severity.value for f in every.findings} == {"minor", "major"}
    (shown,) = mtqa.check_text(TEXT, min_severity="major").documents
    assert [f.rule for f in shown.findings] == [f.rule for f in every.findings if f.severity.value == "major"]
    assert shown.penalty < every.penalty


def test_a_string_select_is_one_entry():
    (document,) = mtqa.check_text(TEXT, select="MTQA-CORE").documents
    assert [f.rule for f in document.findings] == ["MTQA-CORE-001"]


def test_one_path_is_one_path_not_its_letters(tmp_path, monkeypatch):
    """A name given alone is that file: not m, t, q, a, ".", t, x, t (where "." is the folder)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mtqa.txt").write_text("He said the the thing.\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("He said the the thing.\n", encoding="utf-8")
    for paths in ("mtqa.txt", tmp_path / "mtqa.txt", [tmp_path / "mtqa.txt"]):
        report = mtqa.check_files(paths)
        assert [d.path for d in report.documents] == [str(paths if not isinstance(paths, list) else paths[0])]
        assert report.errors == []
    with pytest.raises(TypeError):
        mtqa.check_files([3])


@pytest.mark.parametrize("text", ["He said \ud800 the the thing.", "Text.\udcff"])
def test_a_lone_surrogate_is_a_value_error_before_any_checker_runs(text):
    """As `mtqa serve` answers 400: half a UTF-16 pair (a bad byte read with surrogateescape,
    half a JSON pair) is not text, and no rule engine can encode it."""
    with pytest.raises(ValueError, match=r"^text contains a lone surrogate \(U\+D[8C][0-9A-F]{2} at offset \d+\)"):
        mtqa.check_text(text)
    with pytest.raises(TypeError, match="text must be a str, not bytes"):
        mtqa.check_text(b"He said the the thing.")
