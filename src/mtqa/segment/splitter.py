"""Splits one paragraph into sentence spans (start, end), whitespace trimmed.

A compact rule-based splitter tuned for news: it breaks after . ! ? (and closing quotes
or brackets) followed by space and an upper-case letter, digit or opening quote, except
after known abbreviations, initials and single letters.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen col lt maj capt sgt adm gov sen rep rev hon pres
    inc ltd co corp bros no nos vs etc al approx dept est fig jan feb mar apr jun jul aug sep sept oct
    nov dec mon tue wed thu fri sat sun u.s u.k u.n e.g i.e a.m p.m ph.d""".split()
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u0400-\u04FF\u0590-\u05FF\u0600-\u06FF])")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?…]*[\"'”’)\]]*$")


def split_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group()[0] == "." and _is_abbreviation(text[start:end]):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))]


def _is_abbreviation(sentence: str) -> bool:
    m = _WORD_BEFORE.search(sentence)
    if not m:
        return False
    word = m.group(1).rstrip(".").lower()
    if word in _ABBREVIATIONS:
        return True
    # Initials such as "J." or "J.R.R."
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", word))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None
