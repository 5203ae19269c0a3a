"""Sentence and paragraph spans with exact offsets into a text; knows nothing of Documents.

The splitter works on one paragraph at a time (blank-line or single-newline separated
blocks: news text puts one paragraph on a line), so a sentence never spans a paragraph
break and cost stays linear in the text length. Paragraphs are maximal runs of non-blank
lines (one line a paragraph in news text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from mtqa.segment.splitter import split_spans

_BLOCK = re.compile(r"[^\n]+")
# A line from its first to its last non-space character: the trimmed span of each line
# that holds one.
_TRIMMED_LINE = re.compile(r"\S(?:[^\n]*\S)?")


def sentence_spans(text: str, regions: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Sentences of ``text`` inside each region (aligned units; the whole text for an article)."""
    for region_start, region_end in regions:
        if text.find("\n", region_start, region_end) == -1:  # one line, as an aligned unit mostly is
            blocks = [(region_start, text[region_start:region_end])] if region_end > region_start else []
        else:
            blocks = [(block.start(), block.group()) for block in _BLOCK.finditer(text, region_start, region_end)]
        for offset, block in blocks:
            for start, end in split_spans(block):
                yield offset + start, offset + end


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    return (match.span() for match in _TRIMMED_LINE.finditer(text))
