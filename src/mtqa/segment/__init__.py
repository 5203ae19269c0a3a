"""Sentence and paragraph spans with exact offsets into a text; knows nothing of Documents.

The splitter works on one paragraph at a time (blank-line or single-newline separated
blocks: news text puts one paragraph on a line), so a sentence never spans a paragraph
break and cost stays linear in the text length. Paragraphs are maximal runs of non-blank
lines (one line a paragraph in news text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from mtqa.segment.splitter import split_spans, trim_span

_BLOCK = re.compile(r"[^\n]+")
_LINE = re.compile(r"[^\n]*\S[^\n]*")


def sentence_spans(text: str, regions: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Sentences of ``text`` inside each region (aligned units; the whole text for an article)."""
    for region_start, region_end in regions:
        for block in _BLOCK.finditer(text, region_start, region_end):
            for start, end in split_spans(block.group()):
                yield block.start() + start, block.start() + end


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    # _LINE holds a non-space character, so the trimmed span is never empty.
    return (trim_span(text, *match.span()) for match in _LINE.finditer(text))
