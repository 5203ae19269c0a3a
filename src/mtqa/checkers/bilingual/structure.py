"""Segment-shape checks: sentence counts, length-ratio outliers, inline tags, finding spans."""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter

from mtqa.model import Document, Segment

# A sentence ends at . ! ? (Latin, CJK, Arabic) followed by space, or at a CJK full stop.
_SENTENCE_END = re.compile(r"(?<=[.!?؟])[\"'»”’)\]]*\s+(?=[\"'«“„(\[]?[^\W\d_])|(?<=[。！？])(?=.)|\s+•\s+")
_ABBREVIATION = re.compile(
    r"(?:\b[^\W\d_]|\d+|\b(?:Dr|Mr|Mrs|Ms|Prof|St|Nr|No|Art|Abs|bzw|usw|etc|ca|vs|Jr|Inc|Ltd|Co|Gen|Sen"
    r"|Lt|Col|Maj|Capt|Sgt|Gov|Rep|Jan|Feb|Aug|Sept|Oct|Nov|Dec|Mio|Mrd|Tsd|tzv|tj|např|atd|resp|mil|mld|т|г|гг|ул|им|тыс|млн|млрд"
    r"|руб|грн|см|др|пр))\.$", re.IGNORECASE)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` by a language-neutral rule; abbreviations and
    ordinals do not split, a bullet between headlines does."""
    spans, start = [], len(text) - len(text.lstrip())
    end_of_text = len(text.rstrip())
    if start >= end_of_text:
        return []
    for match in _SENTENCE_END.finditer(text, start, end_of_text):
        if match.group().strip() != "•":
            before = text[max(0, match.start() - 64):match.start()].rstrip("\"'»”’)]")  # a window: linear
            if _ABBREVIATION.search(before[-8:]) and not before.endswith(("!", "?")):
                continue  # "Dr.", "z. B.", "1." (an ordinal in German and Czech)
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, end_of_text))
    return spans


def unit_span(document: Document, unit: Segment) -> tuple[int, int]:
    """The span a unit-level finding marks: the unit's text, trimmed, clear of placeholders.

    Findings overlapping a masked placeholder are dropped by the pipeline, so a unit with
    inline tags is marked by its longest unmasked stretch; an empty unit by its position.
    """
    text = document.analysis_text
    start, end = unit.start, unit.end
    inside = sorted((s, e) for s, e in document.masked if s < end and start < e)
    stretches, pos = [], start
    for s, e in inside + [(end, end)]:
        stretches.append((pos, max(pos, s)))
        pos = max(pos, e)
    best = max(stretches, key=lambda se: len(text[se[0]:se[1]].strip()))
    s, e = best
    piece = text[s:e]
    if not piece.strip():
        return start, start
    s += len(piece) - len(piece.lstrip())
    e -= len(piece) - len(piece.rstrip())
    return s, e


def tag_differences(source_tokens: list[str], target_tokens: list[str]) -> tuple[list[str], list[str]]:
    """(tokens of the source missing in the target, tokens of the target not in the source)."""
    src, tgt = Counter(t for t in source_tokens if t), Counter(t for t in target_tokens if t)
    return sorted((src - tgt).elements()), sorted((tgt - src).elements())


def length_outliers(pairs: list[tuple[int, int, int]], min_units: int, z_limit: float,
                    min_factor: float) -> dict[int, tuple[float, float]]:
    """Units whose target/source length ratio is an outlier for this document.

    ``pairs`` are (unit index, source length, target length). Returns index ->
    (ratio, median ratio) for the outliers: robust z-score of the log ratio (median/MAD)
    above ``z_limit`` *and* at least ``min_factor`` times off the median, so a tight
    distribution does not turn small differences into findings.
    """
    usable = [(i, s, t) for i, s, t in pairs if s > 0 and t > 0]
    if len(usable) < min_units:
        return {}
    logs = [math.log(t / s) for _, s, t in usable]
    median = statistics.median(logs)
    # A floor on the spread: a document of near-identical ratios must not make every
    # small difference an outlier.
    mad = max(statistics.median(abs(x - median) for x in logs) * 1.4826, 0.1)
    outliers = {}
    for (i, s, t), x in zip(usable, logs):
        if abs(x - median) / mad > z_limit and abs(x - median) >= math.log(min_factor):
            outliers[i] = (t / s, math.exp(median))
    return outliers
