"""Person shift: a first-person reflexive in third-person narration ("he ... fly there myself").

Hebrew בעצמו/בעצמי ("himself"/"myself") differ by one letter and Russian сам/себя has no
person, so MT picks the wrong one. "myself"/"ourselves" is flagged when the sentence has
no matching first-person word, is not quoted or introduced by a colon, a third-person
subject precedes the reflexive, and the document is not written in the first person
(columns and interviews legitimately say "I ... myself"). Plain "we"/"our" is never
flagged: it is the op-ed author's voice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mtqa.checkers.consistency.text import QuoteIndex, SentenceView

_REFLEXIVES = {
    "myself": frozenset({"i", "me", "my", "mine", "i'm", "i’m", "i'd", "i’d", "i'll", "i’ll", "i've", "i’ve"}),
    "ourselves": frozenset({"we", "us", "our", "ours", "we're", "we’re", "we've", "we’ve", "we'll", "we’ll", "let's", "let’s"}),
}
_FIRST_PERSON = frozenset().union(*_REFLEXIVES.values())
_THIRD_PERSON = frozenset({"he", "she", "it", "they", "who", "which", "his", "her", "its", "their"})


@dataclass(frozen=True, slots=True)
class PersonShift:
    start: int
    end: int
    word: str
    subject: str
    suggestions: tuple[str, ...]


def find_person_shifts(text: str, views: list[SentenceView], quotes: QuoteIndex, *, max_first_person: int = 2) -> Iterator[PersonShift]:
    lowered = text.lower()
    if "myself" not in lowered and "ourselves" not in lowered:
        return
    first_person = {name: 0 for name in _REFLEXIVES}
    for view in views:
        for tok in view.tokens:
            if tok.lower not in _FIRST_PERSON:
                continue  # most words: no need to ask each person's set
            for name, words in _REFLEXIVES.items():
                if tok.lower in words and not quotes.inside(tok.start):
                    first_person[name] += 1

    def has_first_person(view: SentenceView, words: frozenset[str]) -> bool:
        return view.once(("first-person", words), lambda: any(t.lower in words for t in view.tokens))

    for i, view in enumerate(views):
        colon = text.find(":", view.start, view.end)
        subject = None
        for tok in view.tokens:
            if tok.lower in _THIRD_PERSON:
                subject = tok.text
            words = _REFLEXIVES.get(tok.lower)
            if words is None or quotes.inside(tok.start):
                continue
            if first_person[tok.lower] > max_first_person:
                continue
            if colon != -1 and colon < tok.start:
                continue
            if has_first_person(view, words) or (i > 0 and has_first_person(views[i - 1], words)):
                continue
            if subject is None:
                continue
            low = subject.lower()
            if tok.lower == "ourselves" or low in ("they", "their"):
                suggestions = ("themselves",)
            elif low in ("he", "his"):
                suggestions = ("himself",)
            elif low in ("she", "her"):
                suggestions = ("herself",)
            else:
                suggestions = ("himself", "herself", "itself")
            if tok.text[0].isupper():
                suggestions = tuple(s.capitalize() for s in suggestions)
            yield PersonShift(tok.start, tok.end, tok.text, subject, suggestions)
