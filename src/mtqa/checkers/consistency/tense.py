"""Tense clash: a future passive between two past sentences about the same event.

Hebrew has no perfect and Russian marks aspect, not tense, so MT may write "One hundred
countries will be represented at the conference" right after "the conference ... last
week" and before "It was attended by ...". Only that sandwich is flagged: the sentence
before names a past time, the sentence after uses a past passive, and the future sentence
itself has no time expression of its own (that would make the future deliberate).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mtqa.checkers.consistency.text import QuoteIndex, SentenceView

_FUTURE = re.compile(r"\bwill be (\w+(?:ed|en|wn|ne|t))\b")
_PAST_TIME = re.compile(
    r"\b(?:last (?:week|month|year|night|weekend|summer|winter|spring|autumn|fall|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)|yesterday|earlier this (?:week|month|year)|(?:\d+|two|three|four|five|"
    r"several|a few) (?:days|weeks|months|years) ago)\b"
)
_PAST_PASSIVE = re.compile(r"\b(?:was|were) (?:\w+ )?\w+(?:ed|en|wn|ne|t)\b")
_OWN_TIME = re.compile(
    r"\b(?:next|tomorrow|coming|soon|later|future|upcoming|until|by then|from now|in \d{4}|this (?:week|month|year)|"
    r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b|\b20[3-9]\d\b"
)


def find_tense_clashes(text: str, views: list[SentenceView], quotes: QuoteIndex) -> Iterator[tuple[int, int]]:
    for i in range(1, len(views) - 1):
        view, before, after = views[i], views[i - 1], views[i + 1]
        if not (before.paragraph == view.paragraph == after.paragraph):
            continue
        sentence = text[view.start:view.end]
        match = _FUTURE.search(sentence)
        if match is None or _OWN_TIME.search(sentence):
            continue
        start = view.start + match.start()
        if quotes.inside(start):
            continue
        if not _PAST_TIME.search(text[before.start:before.end]):
            continue
        if not _PAST_PASSIVE.search(text[after.start:after.end]):
            continue
        yield start, view.start + match.end()
