"""Document-level sentence and paragraph segments: exact offsets, units and masks respected."""

from __future__ import annotations

import itertools

from mtqa.model import Document
from mtqa.readers.segments import Unit, document_from_units


def _texts(doc, segments):
    return [doc.text[s.start : s.end] for s in segments]


def test_sentences_never_cross_lines_and_offsets_are_exact():
    text = "Mr. Smith left. He came back\nthe next day. Nobody knew.\n\n  The end.  \n"
    doc = Document(id="d", path="d", text=text)
    assert _texts(doc, doc.sentences) == [
        "Mr. Smith left.", "He came back", "the next day.", "Nobody knew.", "The end."
    ]


def test_paragraphs_are_trimmed_non_blank_lines():
    doc = Document(id="d", path="d", text="  First para. Two.\n\n\tSecond para.\n   \n")
    assert _texts(doc, doc.paragraphs) == ["First para. Two.", "Second para."]


def test_units_bound_sentences():
    doc = document_from_units("d", "d", [Unit("One. Two."), Unit("Three"), Unit("")], None)
    segs = doc.sentences
    assert _texts(doc, segs) == ["One.", "Two.", "Three"]
    assert [doc.unit_index(s.start) for s in segs] == [0, 0, 1]


def test_masked_spans_are_not_segmented():
    text = "Visible sentence. ```code. Not prose.``` Tail here."
    start = text.index("```")
    end = text.rindex("```") + 3
    doc = Document(id="d", path="d", text=text, masked=((start, end),))
    for seg in doc.sentences:
        assert not doc.is_masked(seg.start, seg.end)


def test_wmt_sample_offsets_exact(wmt_dir):
    """A few hundred lines of every pair: segments are trimmed, ordered and cover all text."""
    for path in sorted(wmt_dir.glob("*/*/systems/*.txt"))[::4]:
        with path.open(encoding="utf-8") as handle:
            text = "".join(itertools.islice(handle, 200))
        doc = Document(id=str(path), path=str(path), text=text)
        segs = doc.sentences
        last = 0
        covered = 0
        for seg in segs:
            piece = text[seg.start : seg.end]
            assert piece == piece.strip() and piece
            assert "\n" not in piece
            assert seg.start >= last
            last = seg.end
            covered += sum(1 for ch in piece if not ch.isspace())
        assert covered == sum(1 for ch in text if not ch.isspace())
