"""Offsets: code points are the truth; this is the one place that converts anything else.

Every finding's ``start``/``end`` are 0-based, half-open code-point offsets into the
document text. Line/column are derived here (1-based line, 1-based column in code
points), and foreign offsets (UTF-16 units from LanguageTool and browsers, UTF-8 bytes
from regex engines that work on bytes) are converted here at the boundary.
"""

from __future__ import annotations

import bisect
import re

# Half of a UTF-16 pair: valid in JSON ("\ud800") and in a file name that is not UTF-8
# (each bad byte), but not text; no encoder, checker or report can handle one.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of ``spans`` as sorted, disjoint spans (touching ones joined)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class LineIndex:
    """Maps code-point offsets to (line, column) by bisecting line starts."""

    __slots__ = ("_starts", "_length")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts
        self._length = len(text)

    def line_col(self, offset: int) -> tuple[int, int]:
        if not 0 <= offset <= self._length:
            raise ValueError(f"offset {offset} outside text of length {self._length}")
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Code-point span of 1-based ``line`` without its newline."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else self._length
        return start, end


class Utf16Index:
    """Converts UTF-16 code-unit offsets (LanguageTool, JavaScript) to code points and back.

    Only astral-plane characters (emoji, some CJK) differ, so the index stores just their
    positions and stays tiny for ordinary text.
    """

    __slots__ = ("_astral_cp", "_astral_u16")

    def __init__(self, text: str) -> None:
        astral_cp: list[int] = []
        if not text.isascii():
            astral_cp = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._astral_cp = astral_cp
        # UTF-16 offset at which each astral character starts.
        self._astral_u16 = [cp + n for n, cp in enumerate(astral_cp)]

    def to_code_points(self, utf16_offset: int) -> int:
        # Each astral character before the offset used two units for one code point.
        before = bisect.bisect_left(self._astral_u16, utf16_offset)
        return utf16_offset - before

    def to_utf16(self, cp_offset: int) -> int:
        return cp_offset + bisect.bisect_left(self._astral_cp, cp_offset)


class Utf8Index:
    """Converts UTF-8 byte offsets of one text to code points (RE2 reports bytes).

    Keeps the byte offset of every 1,024th code point, so a conversion decodes at most one
    block: linear to build, tiny in memory, and cheap however many hits a text has.
    """

    __slots__ = ("_text", "_ascii", "_block_bytes")

    _BLOCK = 1024

    def __init__(self, text: str) -> None:
        self._text = text
        self._ascii = text.isascii()
        self._block_bytes: list[int] = []
        if not self._ascii:
            total = 0
            for start in range(0, len(text), self._BLOCK):
                self._block_bytes.append(total)
                total += len(text[start:start + self._BLOCK].encode("utf-8"))

    def to_code_points(self, byte_offset: int) -> int:
        if self._ascii:
            return byte_offset
        block = bisect.bisect_right(self._block_bytes, byte_offset) - 1
        start_cp = block * self._BLOCK
        chunk = self._text[start_cp:start_cp + self._BLOCK].encode("utf-8")
        return start_cp + len(chunk[: byte_offset - self._block_bytes[block]].decode("utf-8"))
