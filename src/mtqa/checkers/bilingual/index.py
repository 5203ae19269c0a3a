"""Lookups that keep the bilingual comparisons linear in the length of a segment.

A segment is user input of any size: a text of thousands of numbers ("1 1 1 …", "18:30
18:30 …") or addresses must not cost thousands squared. Each structure here answers its
question in (amortised) constant or logarithmic time instead of a scan of everything
found so far.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable


class Covered:
    """Which positions of a text lie inside a span already taken (start inclusive, end exclusive)."""

    __slots__ = ("_length", "_mask")

    def __init__(self, length: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._length = length + 1
        self._mask: bytearray | None = None  # allocated on the first span: most texts have none
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        start, end = max(0, start), min(end, self._length)
        if end > start:
            if self._mask is None:
                self._mask = bytearray(self._length)
            self._mask[start:end] = b"\x01" * (end - start)

    def __contains__(self, position: int) -> bool:
        return self._mask is not None and 0 <= position < self._length and bool(self._mask[position])


class Intervals:
    """Closed intervals [low, high]; does one contain a point, does one meet a range?"""

    __slots__ = ("_lows", "_reach")

    def __init__(self, intervals: Iterable[tuple[float, float]]) -> None:
        ordered = sorted(intervals)
        self._lows = [low for low, _ in ordered]
        self._reach: list[float] = []  # the highest end among intervals up to here
        for _, high in ordered:
            self._reach.append(max(high, self._reach[-1]) if self._reach else high)

    def meets(self, low: float, high: float) -> bool:
        """True when some interval overlaps [low, high]."""
        last = bisect_right(self._lows, high) - 1
        return last >= 0 and self._reach[last] >= low


class Points:
    """Sorted values; is one of them within [low, high]?"""

    __slots__ = ("_values",)

    def __init__(self, values: Iterable[float]) -> None:
        self._values = sorted(values)

    def within(self, low: float, high: float) -> bool:
        i = bisect_left(self._values, low)
        return i < len(self._values) and self._values[i] <= high


class Explainers:
    """The target's number forms, each usable once, found by value.

    `take(keys)` hands out the first unused form (in text order) that shares a value with
    `keys`; a per-value cursor skips used forms, so every form is stepped over at most
    once per value it has.
    """

    __slots__ = ("_by_key", "_cursor", "_used")

    def __init__(self, explainers: list[set[float]]) -> None:
        self._by_key: dict[float, list[int]] = defaultdict(list)
        for index, keys in enumerate(explainers):
            for key in keys:
                self._by_key[key].append(index)
        self._cursor: dict[float, int] = defaultdict(int)
        self._used = bytearray(len(explainers))

    def count(self, keys: set[float]) -> int:
        """How many forms share a value with `keys` (a form with two such values counts twice)."""
        return sum(len(self._by_key.get(key, ())) for key in keys)

    def any(self, keys: set[float]) -> bool:
        return any(key in self._by_key for key in keys)

    def take(self, keys: set[float]) -> int | None:
        best = None
        for key in keys:
            forms = self._by_key.get(key)
            if not forms:
                continue
            cursor = self._cursor[key]
            while cursor < len(forms) and self._used[forms[cursor]]:
                cursor += 1
            self._cursor[key] = cursor
            if cursor < len(forms) and (best is None or forms[cursor] < best):
                best = forms[cursor]
        if best is not None:
            self._used[best] = 1
        return best
