"""SARIF regions and GitHub annotations point into the file: they give a line only where the
finding's line is a line of the file (plain text, Markdown), and name the file alone where
the reader builds the text (HTML article, JSONL/TSV/XLIFF targets joined by newlines)."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from tests.conftest import run_mtqa

BUILT = {
    "h.tsv": "source\ttarget\n\nEr sagte das.\tHe said the the thing.\n",
    "w.jsonl": '\n{"id": "a", "target": "Fine text here."}\n\n{"id": "b", "target": "He said the the thing."}\n',
    "u.xlf": ('<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
              '<file source-language="de" target-language="en" datatype="plaintext" original="x">\n<body>\n'
              '<trans-unit id="u7">\n<source>Er sagte das.</source>\n<target>He said the the thing.</target>\n'
              '</trans-unit>\n</body>\n</file>\n</xliff>\n'),
    "p.html": ("<html><head>\n<title>t</title>\n</head>\n<body>\n<article>\n<p>The strike ended on Monday after "
               "long talks between the port company and the union.</p>\n<p>The minister said the the talks would "
               "continue next week in the capital city.</p>\n</article>\n</body></html>\n"),
}
# Where the repeated word is, as a line and column of the file itself.
FILE_TEXT = {
    "t.txt": ("Fine text here.\n\nHe said the the thing.\n", 3, 9),
    "m.md": ("---\ntitle: Talks\n---\n\n# Talks\n\nHe said the the thing.\n", 7, 9),
}


@pytest.fixture
def folder(tmp_path):
    for name, text in {**BUILT, **{n: t for n, (t, _, _) in FILE_TEXT.items()}}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _annotations(folder, name: str) -> list[str]:
    result = run_mtqa("check", name, "--no-grammar", "--select", "MTQA-CORE-001", "--fail-on", "minor", "-f", "github", cwd=folder)
    assert result.returncode == 1, result.stderr
    return [line for line in result.stdout.splitlines() if line.startswith("::")]


def _results(folder, name: str) -> list[dict]:
    result = run_mtqa("check", name, "--no-grammar", "--select", "MTQA-CORE-001", "--fail-on", "minor", "-f", "sarif", cwd=folder)
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)["runs"][0]["results"]


@pytest.mark.parametrize("name", BUILT)
def test_github_names_only_the_file_when_its_lines_are_unknown(folder, name):
    [annotation] = _annotations(folder, name)
    assert annotation.startswith(f"::notice file={name},title=")
    assert not re.search(r"\b(line|col|endLine|endColumn)=", annotation)


@pytest.mark.parametrize("name", BUILT)
def test_sarif_has_no_region_or_fix_when_the_file_lines_are_unknown(folder, name):
    [result] = _results(folder, name)
    assert result["locations"] == [{"physicalLocation": {"artifactLocation": {"uri": name}}}]
    assert "fixes" not in result
    assert result["properties"]["suggestions"] == ["the"]


def test_sarif_message_names_the_segment_without_a_region(folder):
    [result] = _results(folder, "u.xlf")
    assert result["message"]["text"].endswith("(segment u7)")


@pytest.mark.parametrize("name", FILE_TEXT)
def test_plain_text_and_markdown_keep_the_file_line(folder, name):
    _, line, column = FILE_TEXT[name]
    [annotation] = _annotations(folder, name)
    assert f"file={name},line={line},col={column},endLine={line},endColumn={column + 7}," in annotation
    [result] = _results(folder, name)
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (line, column)
    assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]["startLine"] == line


def test_sarif_without_regions_is_valid(folder, sarif_schema):
    result = run_mtqa("check", *BUILT, "--no-grammar", "-f", "sarif", cwd=folder)
    jsonschema.Draft4Validator(sarif_schema).validate(json.loads(result.stdout))
