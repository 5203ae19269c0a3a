"""Mixed quotation styles: single and double quotes used for the same job in one document.

The founding article writes "‘peace conference’" and "“bilateral guarantees”" side by
side: both are short top-level quotations, so one style is wrong. Only top-level quotes
(not a single quote nested in a double one) are compared, and only short ones (titles,
terms, scare quotes), since long direct speech follows its own house rules. The
minority style is flagged.
"""

from __future__ import annotations

from collections.abc import Iterator

from mtqa.checkers.consistency.text import QuoteIndex

_STYLE = {"‘": "single", "“": "double", '"': "double"}


def find_mixed_quotes(text: str, quotes: QuoteIndex, *, max_words: int = 6) -> Iterator[tuple[int, int, str, str]]:
    top: list[tuple[int, int, str]] = []
    last_end = -1
    for start, end in quotes.spans:  # sorted by start; nested spans start inside a previous one
        if start < last_end:
            continue
        last_end = end
        style = _STYLE.get(text[start])
        if style is None or text[end - 1] not in "’”\"":
            continue
        if len(text[start:end].split()) > max_words:
            continue
        top.append((start, end, style))
    singles = [q for q in top if q[2] == "single"]
    doubles = [q for q in top if q[2] == "double"]
    if not singles or not doubles:
        return
    minority, majority = (singles, "double") if len(singles) <= len(doubles) else (doubles, "single")
    for start, end, style in minority:
        yield start, end, style, majority
