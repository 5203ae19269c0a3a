"""Paragraph segments: maximal runs of non-blank lines (one line a paragraph in news text)."""

from __future__ import annotations

import re

from mtqa.model import Document, Segment
from mtqa.segment.splitter import trim_span

_LINE = re.compile(r"[^\n]*\S[^\n]*")


def paragraph_segments(document: Document) -> tuple[Segment, ...]:
    text = document.analysis_text
    out = []
    for match in _LINE.finditer(text):
        # _LINE holds a non-space character, so the trimmed span is never empty.
        out.append(Segment(*trim_span(text, *match.span())))
    return tuple(out)
