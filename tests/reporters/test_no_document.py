"""A run that read no document has no score in any format: 100 would read as "clean"."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import run_mtqa


def _check(tmp_path, format_name: str):
    result = run_mtqa("check", "nonexist.txt", "--no-grammar", "--format", format_name, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("mtqa: error: nonexist.txt: ")
    return result.stdout


def test_json_score_is_null(tmp_path):
    summary = json.loads(_check(tmp_path, "json"))["summary"]
    assert summary["documents"] == 0 and summary["score"] is None and summary["mqm_per_1000_words"] is None
    assert summary["words"] == 0 and summary["penalty"] == 0 and summary["findings"] == 0


def test_junit_has_no_score_property(tmp_path):
    root = ET.fromstring(_check(tmp_path, "junit"))
    properties = {p.get("name"): p.get("value") for p in root.iter("property")}
    assert "score" not in properties and properties["words"] == "0"
    assert root.get("errors") == "1"


@pytest.mark.parametrize("format_name", ["markdown", "text"])
def test_summary_line_says_no_document_was_checked(tmp_path, format_name):
    out = _check(tmp_path, format_name)
    assert "no document was checked; 1 input error(s)" in out
    assert "score" not in out
    assert "nonexist.txt" in out or format_name == "text"  # markdown lists the input errors


def test_html_shows_no_score(tmp_path):
    out = _check(tmp_path, "html")
    stats = dict(re.findall(r"<dt>([^<]*)</dt><dd>([^<]*)</dd>", out))
    assert stats["documents"] == "0" and stats["score"] == "—" and stats["per 1,000 words"] == "—"
