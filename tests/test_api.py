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
