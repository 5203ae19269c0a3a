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


def test_the_text_report_names_the_segment_after_the_message(tmp_path):
    """docs/ci.md: line N of a JSONL/XLIFF document is its Nth segment, and the text report
    names the segment id too; `path:line:col:` stays first for editors and problem matchers."""
    from tests.conftest import run_mtqa

    (tmp_path / "a.jsonl").write_text('{"id":"s1","target":"He said the the thing."}\n\n'
                                      '{"id":"s2","target":"Russia said she would come."}\n', encoding="utf-8")
    (tmp_path / "b.xlf").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file source-language="de" target-language="en" datatype="plaintext" original="a.txt"><body>\n'
        '<trans-unit id="u1"><source>Er sagte das.</source><target>He said the the thing.</target></trans-unit>\n'
        '<trans-unit id="2"><source>Sie kommt.</source><target>Russia said she would come.</target></trans-unit>\n'
        '</body></file></xliff>\n', encoding="utf-8")
    result = run_mtqa("check", "a.jsonl", "b.xlf", "--no-grammar", "-q", "--select", "MTQA-CORE-001,MTQA-CONS-001",
                      cwd=tmp_path)
    assert [line for line in result.stdout.splitlines() if not line.startswith(" ")] == [
        "a.jsonl:1:9: MTQA-CORE-001 minor 'the the' repeats a word; delete one. (segment s1)",
        "a.jsonl:2:13: MTQA-CONS-001 major 'she' refers to Russia, which English calls 'it' (segment s2)",
        "b.xlf:1:9: MTQA-CORE-001 minor 'the the' repeats a word; delete one. (segment u1)",
        "b.xlf:2:13: MTQA-CONS-001 major 'she' refers to Russia, which English calls 'it'",  # its id is the line
    ]
