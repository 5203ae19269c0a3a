"""Offsets: code points are the truth; this is the one place that converts anything else.

Every finding's ``start``/``end`` are 0-based, half-open code-point offsets into the
document text. Line/column are derived here (1-based line, 1-based column in code
points), and foreign offsets (UTF-16 units from LanguageTool and browsers, UTF-8 bytes
from regex engines that work on bytes) are converted here at the boundary.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence


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

    def offset(self, line: int, column: int) -> int:
        return self._starts[line - 1] + column - 1


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


def utf16_to_code_points(text: str, utf16_offset: int) -> int:
    return Utf16Index(text).to_code_points(utf16_offset)


def code_points_to_utf16(text: str, cp_offset: int) -> int:
    return Utf16Index(text).to_utf16(cp_offset)


def utf8_byte_to_code_points(encoded: bytes, byte_offset: int) -> int:
    """Code-point offset of ``byte_offset`` in UTF-8 ``encoded`` (must fall on a boundary)."""
    return len(encoded[:byte_offset].decode("utf-8"))


class Utf8Index:
    """Converts many UTF-8 byte offsets of one text to code points (re2 reports bytes)."""

    __slots__ = ("_ascii", "_cp_at_byte")

    def __init__(self, text: str) -> None:
        self._ascii = text.isascii()
        self._cp_at_byte: Sequence[int] = ()
        if not self._ascii:
            table: list[int] = []
            for cp, ch in enumerate(text):
                table.extend([cp] * len(ch.encode("utf-8")))
            table.append(len(text))
            self._cp_at_byte = table

    def to_code_points(self, byte_offset: int) -> int:
        if self._ascii:
            return byte_offset
        return self._cp_at_byte[byte_offset]
