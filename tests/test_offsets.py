"""Offsets: the one conversion module, checked against Python's own encoders."""

from __future__ import annotations

import pytest

from mtqa.model import Document, Segment, blank_spans
from mtqa.offsets import LineIndex, Utf8Index, Utf16Index

TEXT = "ab😀c\nдве 𝒳 строки\n\nend 🇮🇱 flag"


def test_line_index_matches_splitlines():
    index = LineIndex(TEXT)
    for offset in range(len(TEXT) + 1):
        line, column = index.line_col(offset)
        prefix = TEXT[:offset]
        assert line == prefix.count("\n") + 1
        assert column == len(prefix) - (prefix.rfind("\n") + 1) + 1


def test_line_index_rejects_offsets_outside_text():
    with pytest.raises(ValueError):
        LineIndex("abc").line_col(4)


def test_utf16_round_trip_on_astral_characters():
    index = Utf16Index(TEXT)
    for cp in range(len(TEXT) + 1):
        u16 = len(TEXT[:cp].encode("utf-16-le")) // 2
        assert index.to_utf16(cp) == u16
        assert index.to_code_points(u16) == cp


@pytest.mark.parametrize("text", [TEXT, TEXT * 300, "ascii only"], ids=["short", "many-blocks", "ascii"])
def test_utf8_bytes_to_code_points(text):
    index = Utf8Index(text)
    for cp in [*range(0, len(text), 7 if len(text) > 1000 else 1), len(text)]:
        assert index.to_code_points(len(text[:cp].encode("utf-8"))) == cp


def test_document_finding_derives_text_line_column_and_segment():
    text = "first unit\nsecond 😀 unit here"
    doc = Document(id="d", path="d.jsonl", text=text,
                   units=(Segment(0, 10, id="a"), Segment(11, len(text), id="b")))
    start = text.index("unit here")
    finding = doc.finding(rule="MTQA-X-001", checker="test", category="fluency/grammar", severity="major",
                          message="m", start=start, end=start + 4)
    assert finding.text == "unit" == text[finding.start:finding.end]
    assert (finding.line, finding.column) == (2, start - 11 + 1)
    assert finding.segment == "b"
    assert (finding.segment_start, finding.segment_end) == (start - 11, start - 11 + 4)


def test_document_finding_rejects_bad_span_and_category():
    doc = Document(id="d", path="d", text="abc")
    with pytest.raises(ValueError):
        doc.finding(rule="R", checker="c", category="fluency/grammar", severity="minor", message="m", start=2, end=9)
    with pytest.raises(ValueError):
        doc.finding(rule="R", checker="c", category="fluency/nonsense", severity="minor", message="m", start=0, end=1)


def test_blank_spans_keeps_length_and_newlines():
    text = "keep\ncode\nkeep"
    blanked = blank_spans(text, ((5, 10),))
    assert len(blanked) == len(text)
    assert blanked == "keep\n    \nkeep"
