"""Sentence segments of a document, offsets exact, within paragraphs and aligned units.

The splitter works on one paragraph at a time (blank-line or single-newline separated
blocks: news text puts one paragraph on a line), so a sentence never spans a paragraph
break and cost stays linear in the text length.
"""

from __future__ import annotations

import re

from mtqa.model import Document, Segment
from mtqa.segment.splitter import split_spans

_BLOCK = re.compile(r"[^\n]+")


def sentence_segments(document: Document) -> tuple[Segment, ...]:
    text = document.analysis_text
    regions = [(u.start, u.end) for u in document.units] if document.units else [(0, len(text))]
    segments: list[Segment] = []
    for region_start, region_end in regions:
        for block in _BLOCK.finditer(text, region_start, region_end):
            for start, end in split_spans(block.group()):
                segments.append(Segment(block.start() + start, block.start() + end))
    return tuple(segments)
