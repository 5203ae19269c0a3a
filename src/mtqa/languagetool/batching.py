"""Cut a document into LanguageTool requests, and map match offsets back into the document.

Each paragraph (a non-blank line) is one piece; pieces are joined with a blank line, so
the server sees every line as its own paragraph whatever separated them in the input,
and packed into batches of at most ``max_chars`` characters (one request each, far fewer
round trips than one per sentence). A paragraph longer than that is cut at sentence ends.

LanguageTool counts UTF-16 code units; offsets are converted to code points of the batch
text with Utf16Index, then shifted into the document by the piece they fall in.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from mtqa.offsets import Utf16Index

SEPARATOR = "\n\n"
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")


@dataclass(frozen=True)
class Batch:
    """The text of one request and where each of its pieces sits in the document."""

    text: str
    batch_starts: tuple[int, ...]  # code-point start of each piece in ``text``
    doc_starts: tuple[int, ...]  # code-point start of the same piece in the document
    lengths: tuple[int, ...]

    def to_document(self, utf16_offset: int, utf16_length: int, index: Utf16Index | None = None) -> tuple[int, int] | None:
        """Document span of a match, or None when it falls in a separator."""
        index = index or Utf16Index(self.text)
        start = index.to_code_points(utf16_offset)
        end = index.to_code_points(utf16_offset + utf16_length)
        i = bisect.bisect_right(self.batch_starts, start) - 1
        if i < 0:
            return None
        piece_start, length = self.batch_starts[i], self.lengths[i]
        if start >= piece_start + length:
            return None
        end = min(end, piece_start + length)  # a match never leaks into the next paragraph
        shift = self.doc_starts[i] - piece_start
        return start + shift, end + shift


def pieces(text: str, spans: Iterable[tuple[int, int]], max_chars: int) -> Iterator[tuple[int, int]]:
    """Document spans to send, each at most ``max_chars`` long (long paragraphs cut at sentence ends)."""
    for start, end in spans:
        while end - start > max_chars:
            cut = _cut_point(text, start, start + max_chars)
            yield start, cut
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            yield start, end


def _cut_point(text: str, start: int, limit: int) -> int:
    window = text[start:limit]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends and ends[-1] > len(window) // 4:
        return start + ends[-1]
    space = window.rfind(" ")
    return start + space + 1 if space > 0 else limit


def make_batches(text: str, spans: Iterable[tuple[int, int]], max_chars: int) -> list[Batch]:
    batches: list[Batch] = []
    parts: list[str] = []
    batch_starts: list[int] = []
    doc_starts: list[int] = []
    lengths: list[int] = []
    size = 0

    def flush() -> None:
        nonlocal parts, batch_starts, doc_starts, lengths, size
        if parts:
            batches.append(Batch(SEPARATOR.join(parts), tuple(batch_starts), tuple(doc_starts), tuple(lengths)))
        parts, batch_starts, doc_starts, lengths, size = [], [], [], [], 0

    for start, end in pieces(text, spans, max_chars):
        piece = text[start:end]
        if not piece.strip():
            continue
        extra = len(piece) + (len(SEPARATOR) if parts else 0)
        if parts and size + extra > max_chars:
            flush()
        if parts:
            size += len(SEPARATOR)
        batch_starts.append(size)
        doc_starts.append(start)
        lengths.append(len(piece))
        parts.append(piece)
        size += len(piece)
    flush()
    return batches
