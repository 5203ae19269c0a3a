"""SARIF regions and GitHub annotations point into the file itself.

Plain text and Markdown: the finding's own line and column. JSON Lines, TSV, XLIFF and TMX
build the document text out of the file, so they give the line where the reader found the
segment, with a column only where the segment's characters are the file's (a TSV cell, a
JSON string without escapes, XML character data alone on its line). HTML names the file only.
"""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from tests.conftest import run_mtqa

XLIFF_12 = ('<?xml version="1.0" encoding="{enc}"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            '<file source-language="de" target-language="en" datatype="plaintext" original="x">\n<body>\n'
            '<trans-unit id="u6">\n<source>Das ist gut.</source>\n<target>That is fine.</target>\n</trans-unit>\n'
            '<trans-unit id="u7">\n<source>Er sagte das.</source>\n'
            '<target state="translated">He said the the thing.</target>\n'
            '</trans-unit>\n</body>\n</file>\n</xliff>\n')
# name -> (file bytes, line, column of the repeated word in the file; None: line only).
CASES = {
    "h.tsv": (b"source\ttarget\n\nEr sagte das.\tHe said the the thing.\n", 3, 23),
    # A BOM and CRLF line ends; a header naming a doc column, rows of two documents.
    "bom.tsv": (("\ufeffdoc\tsrc\tmt\r\na\tEs regnet.\tIt rains.\r\nb\tDas ist gut.\tThat is fine.\r\n"
                "a\tEr sagte das.\tHe said the the thing.\r\n").encode("utf-8"), 4, 25),
    "w.jsonl": (b'\n{"id": "a", "target": "Fine text here."}\n\n'
                b'{"id": "b", "source": "Er sagte \\"das\\".", "target": "He said the the thing."}\n', 4, 63),
    # An escape before the flagged words: the text's columns are not the file's.
    "esc.jsonl": (b'{"id": "a", "target": "Fine text here."}\n'
                  b'{"id": "b", "target": "He said \\"the the\\" thing."}\n', 2, None),
    # Lone CR line ends (the line splitter reads them as line ends, as editors do).
    "cr.jsonl": (b'{"target": "Fine text here."}\r\r{"text": "He said the the thing."}\r', 3, 19),
    "u.xlf": (XLIFF_12.format(enc="UTF-8").encode(), 11, 36),
    "u16.xlf": (XLIFF_12.format(enc="UTF-16").replace("\n", "\r\n").encode("utf-16"), 11, 36),
    # The target's text starts on the line after its tag; an entity: line only.
    "multi.xlf": (XLIFF_12.format(enc="UTF-8").replace(
        '<target state="translated">He said', '<target\n  state="translated">\n    He &amp; she said').encode(),
        13, None),
    "v2.xlf": (b'<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" '
               b'srcLang="de" trgLang="en">\n<file id="f1">\n<unit id="1">\n<segment>\n'
               b'<source>Er sagte das.</source>\n<target>He said the the thing.</target>\n</segment>\n'
               b'</unit>\n</file>\n</xliff>\n', 7, 17),
    "m.tmx": (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n'
              b'<header srclang="de" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" '
              b'creationtool="x" creationtoolversion="1"/>\n<body>\n<!-- a <tu> comment -->\n<tu tuid="1">\n'
              b'  <tuv xml:lang="de"><seg>Er sagte das.</seg></tuv>\n'
              b'  <tuv xml:lang="en"><seg>He said <ph x="1">&lt;b/&gt;</ph>the the thing.</seg></tuv>\n'
              b'</tu>\n</body>\n</tmx>\n', 9, None),
    "plain.tmx": (b'<tmx version="1.4"><header srclang="de"/><body>\n<tu>\n'
                  b'<tuv xml:lang="de"><seg>Er sagte das.</seg></tuv>\n'
                  b'<tuv xml:lang="en"><seg>He said the the thing.</seg></tuv>\n</tu>\n</body></tmx>\n', 4, 33),
}
HTML = ("<html><head>\n<title>t</title>\n</head>\n<body>\n<article>\n<p>The strike ended on Monday after "
        "long talks between the port company and the union.</p>\n<p>The minister said the the talks would "
        "continue next week in the capital city.</p>\n</article>\n</body></html>\n")
# Where the repeated word is, as a line and column of the file itself.
FILE_TEXT = {
    "t.txt": ("Fine text here.\n\nHe said the the thing.\n", 3, 9),
    "m.md": ("---\ntitle: Talks\n---\n\n# Talks\n\nHe said the the thing.\n", 7, 9),
}
REPEAT = ("--no-grammar", "--select", "MTQA-CORE-001", "--fail-on", "minor")


def _check(folder, *args: str) -> str:
    result = run_mtqa("check", *args, *REPEAT, cwd=folder)
    assert result.returncode == 1, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("files")
    for name, (data, _, _) in CASES.items():
        (folder / name).write_bytes(data)
    for name, (text, _, _) in FILE_TEXT.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "p.html").write_text(HTML, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def sarif(folder) -> dict:
    return json.loads(_check(folder, *CASES, *FILE_TEXT, "p.html", "-f", "sarif"))


@pytest.fixture(scope="module")
def annotations(folder) -> dict[str, str]:
    lines = [line for line in _check(folder, *CASES, *FILE_TEXT, "p.html", "-f", "github").splitlines()
             if line.startswith("::")]
    by_file = {re.search(r"file=([^,]+),", line).group(1): line for line in lines}
    assert len(by_file) == len(lines)
    return by_file


def _result(sarif: dict, name: str) -> dict:
    [result] = [r for r in sarif["runs"][0]["results"]
                if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == name]
    return result


def _file_line(folder, name: str, line: int) -> str:
    """Line ``line`` of the file as an editor shows it (BOM dropped; CRLF, LF, lone CR end lines)."""
    data = (folder / name).read_bytes()
    text = data.decode("utf-16") if data.startswith(b"\xff\xfe") else data.decode("utf-8-sig")
    return re.split(r"\r\n|\r|\n", text)[line - 1]


@pytest.mark.parametrize("name", CASES)
def test_sarif_region_is_where_the_segment_is_in_the_file(folder, sarif, name):
    _, line, column = CASES[name]
    result = _result(sarif, name)
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == line
    if column is None:
        assert region == {"startLine": line}
    else:
        assert region == {"startLine": line, "startColumn": column, "endLine": line, "endColumn": column + 7,
                          "snippet": {"text": "the the"}}
        assert _file_line(folder, name, line)[column - 1:column + 6] == "the the"
    segment = result["properties"]["segment"]  # named unless it is the line given
    assert result["message"]["text"].endswith(f"(segment {segment})") == (segment != str(line))
    assert "fixes" not in result  # a replacement in such a file would need escaping
    assert result["properties"]["suggestions"] == ["the"]


@pytest.mark.parametrize("name", CASES)
def test_github_annotation_gives_the_file_line(annotations, name):
    _, line, column = CASES[name]
    props = annotations[name].split("::")[1]
    if column is None:
        assert f"file={name},line={line},title=" in props
    else:
        assert f"file={name},line={line},col={column},endLine={line},endColumn={column + 7},title=" in props


@pytest.mark.parametrize("name", FILE_TEXT)
def test_plain_text_and_markdown_keep_the_file_line(sarif, annotations, name):
    _, line, column = FILE_TEXT[name]
    assert f"file={name},line={line},col={column},endLine={line},endColumn={column + 7}," in annotations[name]
    result = _result(sarif, name)
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (line, column)
    assert result["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]["startLine"] == line


def test_html_names_only_the_file(sarif, annotations):
    assert _result(sarif, "p.html")["locations"] == [{"physicalLocation": {"artifactLocation": {"uri": "p.html"}}}]
    assert annotations["p.html"].startswith("::notice file=p.html,title=")


def test_sarif_is_valid(sarif, sarif_schema):
    jsonschema.Draft4Validator(sarif_schema).validate(sarif)


def test_json_report_keeps_the_document_line(folder):
    """The JSON report is unchanged: line and column count in the document text (segment N on line N)."""
    report = json.loads(_check(folder, "h.tsv", "-f", "json"))
    [finding] = report["documents"][0]["findings"]
    assert (finding["line"], finding["column"], finding["segment"]) == (1, 9, "3")
    assert "origin" not in finding


def test_the_line_survives_doc_ids_and_aligned_files(tmp_path):
    """--doc-ids cuts a TSV into documents and --reference gives its rows their references:
    each unit still knows its line in the file."""
    (tmp_path / "a.tsv").write_text("src\ttgt\nEs regnet.\tIt rains.\nDas ist gut.\tThat is fine.\n\n"
                                    "Er sagte das.\tHe said the the thing.\n", encoding="utf-8")
    (tmp_path / "ids.txt").write_text("x\ny\ny\n", encoding="utf-8")
    (tmp_path / "ref.txt").write_text("It is raining.\nThat is good.\nHe said that.\n", encoding="utf-8")
    sarif = json.loads(_check(tmp_path, "a.tsv", "--doc-ids", "ids.txt", "--reference", "ref.txt", "-f", "sarif"))
    [result] = sarif["runs"][0]["results"]
    assert result["properties"]["document"] == "y"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert result["locations"][0]["physicalLocation"]["region"]["startColumn"] == 23


def test_fingerprints_do_not_depend_on_the_file_line(tmp_path):
    data, _, _ = CASES["w.jsonl"]
    (tmp_path / "a.jsonl").write_bytes(data)
    (tmp_path / "b.jsonl").write_bytes(b"\n\n\n" + data)
    sarif = json.loads(_check(tmp_path, "a.jsonl", "b.jsonl", "-f", "sarif"))
    first, second = sarif["runs"][0]["results"]
    assert first["partialFingerprints"] == second["partialFingerprints"]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in (first, second)]
    assert lines == [4, 7]


def test_xml_lines_past_65535_are_exact(tmp_path):
    """libxml2 gives elements past line 65,535 the line where their text ends; the reader
    counts the file's lines itself."""
    body = "<!--" + "\n" * 70_000 + "-->\n"
    text = XLIFF_12.format(enc="UTF-8").replace("<body>\n", "<body>\n" + body).replace(
        "He said the the thing.", "He said the the\nthing.")
    (tmp_path / "big.xlf").write_text(text, encoding="utf-8")
    [result] = json.loads(_check(tmp_path, "big.xlf", "-f", "sarif"))["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 11 + 70_001}
