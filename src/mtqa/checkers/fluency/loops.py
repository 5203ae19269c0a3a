"""Repetition loops: the same short unit over and over, a degenerate MT output.

Neural MT that loses its way in a sentence can emit one word or phrase again and again
("In, in, in, in, …" a hundred times for "Заходимо, заходимо, заходимо..."). The sentence
is lost. The doubled-word rule (MTQA-CORE-001) cannot see this: it reads words separated
by spaces only (a comma breaks it) and deliberately skips a third repetition, since "ha ha
ha" is prose.

A loop is a unit of one to four words repeated at least ``MIN_REPEATS`` times in a row,
with nothing but spaces and punctuation between. Songs, chants and onomatopoeia repeat in
the source too ("ля-ля-ля ля-ля-ля", "ゴロゴロゴロ…", a Wordle grid), so when the source is
known the loop must run more than ``SOURCE_FACTOR`` times as long as the longest repetition
in the source; without a source the loop must run ``MIN_REPEATS_WITHOUT_SOURCE`` times. On
the WMT 2022/2023 human references no line repeats a unit five times except those that
mirror their source.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

MIN_REPEATS = 5
# Without a source nothing tells a song or a sound from a loop: "La la la …" (9), "Rumbling
# rumbling …" (7, a human reference) repeat their source. Only a longer run is reported.
MIN_REPEATS_WITHOUT_SOURCE = 10
MAX_UNIT_WORDS = 4
SOURCE_FACTOR = 2
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
# Between repeats only spaces and punctuation; markup ("<!-- x <!-- x") is no loop of prose.
_SEPARATOR = re.compile(r"[\s,;.!?…:\"'“”‘’()«»\-–—]*")
# A run of one to six characters (a CJK syllable, a hyphenated sound) repeated in the source.
_SOURCE_RUN = re.compile(r"([^\W_]{1,6}?)(?:[\s\-‐,、，・.…!?！？]*\1)+")


@dataclass(frozen=True, slots=True)
class Loop:
    start: int
    end: int
    unit: str
    repeats: int


def loops(text: str, start: int = 0, end: int | None = None, min_repeats: int = MIN_REPEATS) -> Iterator[Loop]:
    """Loops in text[start:end], longest coverage first at each position; linear in the text."""
    end = len(text) if end is None else end
    # A unit repeated k times has each of its words k times: most sentences have no word
    # min_repeats times and are done here (counted on the words alone, without their
    # places), and no other word can start a loop.
    counts = Counter(_WORD.findall(text[start:end].lower()))
    if not counts or max(counts.values()) < min_repeats:
        return
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    words = [text[s:e].lower() for s, e in spans]
    i = 0
    while i < len(words):
        if counts[words[i]] < min_repeats:
            i += 1
            continue
        best = None
        for n in range(1, MAX_UNIT_WORDS + 1):
            unit = words[i:i + n]
            if len(unit) < n:
                break
            if any(n % d == 0 and unit == unit[:d] * (n // d) for d in range(1, n)):
                continue  # "in in" is the one-word unit, counted above
            k = 1
            while words[i + k * n:i + (k + 1) * n] == unit and _SEPARATOR.fullmatch(
                    text, spans[i + k * n - 1][1], spans[i + k * n][0]):
                k += 1
            if k >= min_repeats and (best is None or k * n > best[0] * best[1]):
                best = (n, k)
        if best is None:
            i += 1
            continue
        n, k = best
        yield Loop(spans[i][0], spans[i + n * k - 1][1], text[spans[i][0]:spans[i + n - 1][1]], k)
        i += n * k


def longest_repetition(source: str) -> int:
    """How many times the source repeats its most repeated short unit in a row (1 if none)."""
    longest = max((loop.repeats for loop in loops(source, min_repeats=2)), default=1)
    for match in _SOURCE_RUN.finditer(source):
        longest = max(longest, len(re.findall(re.escape(match.group(1)), match.group())))
    return longest
