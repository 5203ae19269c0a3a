"""Paragraph segments: maximal runs of non-blank lines (one line a paragraph in news text)."""

from __future__ import annotations

import re

from mtqa.model import Document, Segment

_LINE = re.compile(r"[^\n]*\S[^\n]*")


def paragraph_segments(document: Document) -> tuple[Segment, ...]:
    text = document.analysis_text
    out = []
    for match in _LINE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(Segment(start, end))
    return tuple(out)
