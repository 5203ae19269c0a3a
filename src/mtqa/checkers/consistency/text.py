"""Word tokens with offsets and quoted spans: the shared view document-level analyses scan.

Analyses must not flag first person or personification inside quotations, so quoted
spans are found once per document; tokens keep document offsets so findings point at
the exact word.
"""

from __future__ import annotations

import bisect
import re

from mtqa.model import Document
from mtqa.offsets import merge_spans

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# The WORD tokens that start with A-Z or a character from U+00C0 on (a superset of the
# capitalised ones: no upper-case letter lies between "z" and U+00C0): a token starts where
# no letter, and no letter with a joining hyphen or apostrophe, precedes. The look-ahead
# for that first letter comes before the look-behinds, so most characters fail at once
# (a third less time than the look-behinds first).
NOT_LOWER_WORD = re.compile(r"(?=[A-Z\u00c0-\U0010ffff])(?<![^\W\d_])(?<![^\W\d_][-'’])[^\W\d_a-z][^\W\d_]*(?:[-'’][^\W\d_]+)*")


class Token:
    """A word with its document offsets; derived forms are computed once (hot path)."""

    __slots__ = ("start", "end", "text", "initial", "lower", "capitalised", "base")

    def __init__(self, start: int, end: int, text: str, initial: bool) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.initial = initial  # first word of its sentence
        self.lower = text.lower()
        self.capitalised = text[0].isupper()
        # The word without a possessive ending ("Russia's" -> "Russia").
        self.base = text[:-2] if text.endswith(("'s", "’s")) else text

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


def tokenize(text: str, start: int, end: int) -> list[Token]:
    out = [Token(m.start(), m.end(), m.group(), False) for m in WORD.finditer(text, start, end)]
    if out:
        out[0].initial = True
    return out


class SentenceView:
    """One sentence and the paragraph it belongs to; its tokens are made on first use,
    because most analyses read only a few sentences (and names only capitalised words)."""

    __slots__ = ("index", "start", "end", "paragraph", "flags", "_text", "_tokens")

    def __init__(self, index: int, start: int, end: int, paragraph: int, text: str) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.paragraph = paragraph
        self.flags: dict = {}  # per-sentence facts analyses compute once
        self._text = text
        self._tokens: list[Token] | None = None

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = tokenize(self._text, self.start, self.end)
        return self._tokens

    def once(self, key, make):
        """``make()``, computed once per sentence (a fact several pronouns or analyses ask for)."""
        value = self.flags.get(key)
        if value is None:
            value = self.flags[key] = make()
        return value

    def capitalised(self) -> list[tuple[int, str]]:
        """(start, text) of the capitalised tokens, without making the others."""
        if self._tokens is not None:
            return [(t.start, t.text) for t in self._tokens if t.capitalised]
        return [(m.start(), word) for m in NOT_LOWER_WORD.finditer(self._text, self.start, self.end)
                if (word := m.group())[0].isupper()]


def capitalised_words(text: str, views: list[SentenceView]) -> list[list[tuple[int, str]]]:
    """`SentenceView.capitalised` of each sentence, from one scan of the text instead of
    one per sentence. Views are in text order. A sentence scanned alone ends where its
    text ends, so if a match leaves its sentence (a letter right after the sentence's
    end) or lies outside every sentence, each sentence is scanned alone after all."""
    out: list[list[tuple[int, str]]] = [[] for _ in views]
    k, count = 0, len(views)
    for match in NOT_LOWER_WORD.finditer(text):
        start = match.start()
        while k < count and views[k].end <= start:
            k += 1
        if k == count or start < views[k].start or match.end() > views[k].end:
            return [view.capitalised() for view in views]
        if (word := match.group())[0].isupper():
            out[k].append((start, word))
    return out


def sentence_views(document: Document) -> list[SentenceView]:
    """The document's sentences; the checker makes them once per document and shares them."""
    text = document.analysis_text
    para_starts = [p.start for p in document.paragraphs]
    return [SentenceView(i, sentence.start, sentence.end, max(0, bisect.bisect_right(para_starts, sentence.start) - 1), text)
            for i, sentence in enumerate(document.sentences)]


_OPENERS = {"“": "”", "„": "“”", "«": "»", "‹": "›"}


class QuoteIndex:
    """Quoted spans of a document: direct speech, titles and scare quotes.

    Pairs “…”, „…“, «…», straight "…" and single ‘…’ (an opening ‘ must follow a
    space or bracket, so apostrophes are not quotes). A quotation left open at the end of
    a paragraph runs to the paragraph's end (the English convention for quotes that
    continue into the next paragraph).
    """

    def __init__(self, document: Document) -> None:
        text = document.analysis_text
        spans: list[tuple[int, int]] = []
        # One scan of the text; each paragraph with quotation marks gets its own.
        marks = [m.start() for m in _QUOTE_CHARS.finditer(text)]
        if marks:
            for para in document.paragraphs:
                first = bisect.bisect_left(marks, para.start)
                last = bisect.bisect_left(marks, para.end, first)
                if first < last:
                    spans.extend(_paragraph_quotes(text, para.start, para.end, marks[first:last]))
        spans.sort()
        self.spans = spans
        self._union = merge_spans(spans)
        self._starts = [s for s, _ in self._union]

    def inside(self, offset: int) -> bool:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self._union[i][1]


_QUOTE_CHARS = re.compile("[“„«‹”“»›\"‘’]")


def _paragraph_quotes(text: str, start: int, end: int, marks: list[int]) -> list[tuple[int, int]]:
    """Quoted spans of the paragraph ``text[start:end]``; ``marks`` are where its quotation
    marks (`_QUOTE_CHARS`) are."""
    spans = []
    open_at: int | None = None
    closer = ""
    straight_at: int | None = None
    single_at: int | None = None
    for i in marks:
        ch = text[i]
        if open_at is None and ch in _OPENERS:
            open_at, closer = i, _OPENERS[ch]
        elif open_at is not None and ch in closer:
            spans.append((open_at, i + 1))
            open_at = None
        elif ch == '"':
            if straight_at is None:
                straight_at = i
            else:
                spans.append((straight_at, i + 1))
                straight_at = None
        elif ch == "‘" and (i == start or not text[i - 1].isalnum()):
            single_at = i
        elif ch == "’" and single_at is not None and (i + 1 >= end or not text[i + 1].isalnum()):
            spans.append((single_at, i + 1))
            single_at = None
    for opened in (open_at, straight_at):
        if opened is not None:
            spans.append((opened, end))
    return spans
