"""Segment-based inputs: a finding's location names the segment id, not only a line."""

from __future__ import annotations

import json

import pytest

from mtqa.config import load_settings
from mtqa.pipeline import Pipeline
from mtqa.reporters import render


@pytest.mark.parametrize("format_name", ["markdown", "junit", "github"])
def test_jsonl_locations_show_the_segment_id(tmp_path, format_name):
    path = tmp_path / "wire.jsonl"
    path.write_text("".join(json.dumps({"id": i, "target": t}) + "\n" for i, t in
                            [("s-17", "The talks went well."), ("s-18", "The the minister said so.")]),
                    encoding="utf-8")
    with Pipeline(load_settings(None, {"checkers.grammar.enabled": False})) as pipeline:
        report = pipeline.run([str(path)])
    assert any(f.segment == "s-18" for _, f in report.iter_findings())
    assert "(segment s-18)" in render(report, format_name)


@pytest.mark.parametrize("format_name", ["text", "markdown", "junit"])
def test_a_split_document_is_named_once_with_its_number(tmp_path, monkeypatch, format_name):
    # "w.txt[w.txt#2]" said the path twice; the document's own part is what tells them apart.
    from click.testing import CliRunner

    from mtqa.cli import cli

    (tmp_path / "w.txt").write_text("He said the the thing.\n\nShe said the the other.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "w.txt", "--split-docs", "blank-line", "--no-grammar", "-q",
                                      "--exit-zero", "--format", format_name])
    assert result.exit_code == 0, result.output
    shown = result.output.replace("\\[", "[").replace("\\]", "]")  # Markdown escapes brackets
    assert "w.txt[#2]:3:10" in shown
    assert "[w.txt#" not in shown and "w.txt#w.txt" not in shown
