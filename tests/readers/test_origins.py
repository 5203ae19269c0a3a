"""Each unit of a JSONL, TSV, XLIFF or TMX file knows where its target starts in the file
(``Segment.origin``: line, and column where its characters are the file's), through
document splitting and aligned files."""

from __future__ import annotations

import re

from mtqa.config.settings import load_settings
from mtqa.readers import iter_documents
from mtqa.report import InputProblem


def _units(*paths, **run_options) -> list[tuple[str, tuple]]:
    settings = load_settings(overrides={"checkers.bilingual.language_id": False}, run_options=run_options)
    documents = list(iter_documents([str(p) for p in paths], settings))
    assert not [d for d in documents if isinstance(d, InputProblem)], documents
    return [(u.id, u.origin) for d in documents for u in d.units]


def _at(path, line: int, column: int) -> str:
    """The file's text from (line, column) to the end of that line."""
    text = path.read_bytes().decode("utf-8-sig")
    return re.split(r"\r\n|\r|\n", text)[line - 1][column - 1:]


def test_xml_skips_comments_cdata_and_finds_empty_and_missing_targets(tmp_path):
    path = tmp_path / "a.xlf"
    path.write_text(
        '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file source-language="de" target-language="en" datatype="plaintext" original="x">\n<body>\n'
        '<!-- <target>not a unit</target> -->\n'
        '<trans-unit id="u1">\n<source>Er sagte das heute.</source>\n'
        '<target><![CDATA[<target>x</target>]]> He said it.</target>\n</trans-unit>\n'
        '<trans-unit id="u2">\n<source>Er sagte das gestern.</source>\n</trans-unit>\n'
        '<trans-unit id="u3"><source>Er sagte das.</source><target/></trans-unit>\n'
        '<trans-unit id="u4"><source a=">">Ja.</source><target xml:lang="en">Yes.</target></trans-unit>\n'
        '</body>\n</file>\n</xliff>\n', encoding="utf-8")
    units = dict(_units(path))
    assert units["u1"] == (8, None)  # CDATA: the text's characters are not the file's
    assert units["u2"] == (11, None)  # no <target>: the unit's first line inside it
    assert units["u3"] == (13, None)
    line, column = units["u4"]
    assert line == 14 and _at(path, line, column).startswith("Yes.</target>")


def test_xliff_2_segments_of_one_unit(tmp_path):
    path = tmp_path / "b.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en">\n'
        '<file id="f"><unit id="1">\n'
        '<segment id="s1"><source>Eins.</source><target>One.</target></segment>\n'
        '<segment id="s2"><source>Zwei.</source>\n  <target>Two.</target></segment>\n'
        '</unit></file></xliff>\n', encoding="utf-8")
    units = _units(path)
    assert [(unit_id, origin[0]) for unit_id, origin in units] == [("1/s1", 3), ("1/s2", 5)]
    for _, (line, column) in units:
        assert _at(path, line, column)[:4] in ("One.", "Two.")


def test_jsonl_keeps_its_lines_with_an_aligned_source_file(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "x", "target": "It rains."}\n\n'
                                      '{"target": "It said \\"no\\".", "id": "y"}\n', encoding="utf-8")
    (tmp_path / "src.txt").write_text("Es regnet.\nEs sagte nein.\n", encoding="utf-8")
    assert _units(tmp_path / "a.jsonl", source_file=str(tmp_path / "src.txt")) == [("x", (1, 24)), ("y", (3, None))]


def test_tsv_split_at_blank_lines_keeps_its_lines(tmp_path):
    path = tmp_path / "a.tsv"
    path.write_bytes("\ufeffEs regnet.\tIt rains.\r\n\r\nDas ist gut.\tThat is fine.\r\n".encode("utf-8"))
    assert _units(path, split_docs="blank-line") == [("1", (1, 12)), ("3", (3, 14))]
    assert _at(path, 3, 14) == "That is fine."
