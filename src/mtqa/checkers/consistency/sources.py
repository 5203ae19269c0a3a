"""Are two spellings of a name in a translation one name of the source?

Two capitalised forms that differ by a vowel or a sound (Silman/Salman, Sheba/Sheva,
Seinfeld/Sheinfeld) may be one name spelt two ways, or two names: a line file of many
articles read as one document is full of such pairs. Where the source is Hebrew, its
letters tell: a form is read back letter by letter (bilingual/names.py) against the words
of the source segments it stands in. Two forms that each spell a word of their own
segments' sources, and no word in common (the vowel letters ו and י aside), come from two
source names. Where either spells
nothing (a garbled name), the source says nothing and the pair is left as it was found.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from mtqa.model import Document

_HEBREW_WORD = re.compile(r"[\u05d0-\u05ea][\u05d0-\u05ea'׳\"״”]*")
_MARKS = re.compile(r"[\"״”'׳]")


def _skeleton(word: str) -> str:
    """A Hebrew word without the vowel letters ו and י after its first letter: a name written
    with or without them is one name (דיזינגוף and דיזנגוף are both Dizengoff)."""
    return word[:1] + word[1:].replace("ו", "").replace("י", "")


class HebrewSources:
    """The Hebrew source of each unit of one document, asked which source words a form spells."""

    def __init__(self, document: Document) -> None:
        # Imported here: the bilingual package costs a tenth of a second to import, which a
        # run without Hebrew sources (and so without this class) should not pay.
        from mtqa.checkers.bilingual.names import prefixed_forms

        units = [u for u in document.units if u.source]
        self._starts = [u.start for u in units]
        self._ends = [u.end for u in units]
        self._words = [tuple(dict.fromkeys(f for w in _HEBREW_WORD.findall(u.source)
                                           for f in prefixed_forms(_MARKS.sub("", w))))
                       for u in units]
        self._spelt: dict[tuple[str, int], frozenset[str]] = {}

    @classmethod
    def of(cls, document: Document) -> HebrewSources | None:
        if document.source_lang != "he" or not any(u.source for u in document.units):
            return None
        return cls(document)

    def _unit(self, offset: int) -> int | None:
        i = bisect_right(self._starts, offset) - 1
        return i if i >= 0 and offset < self._ends[i] else None

    def spelt(self, form: str, spans: Iterable[tuple[int, int]]) -> frozenset[str]:
        """Source words (with and without their prefixes, as ``_skeleton`` writes them) that
        ``form`` spells, in the units where it stands."""
        from mtqa.checkers.bilingual.names import could_spell, letter_form

        found: set[str] = set()
        for start, _ in spans:
            unit = self._unit(start)
            if unit is None:
                continue
            key = (form, unit)
            if key not in self._spelt:
                self._spelt[key] = frozenset(_skeleton(w) for w in self._words[unit]
                                             if (lf := letter_form(w))[1] and could_spell(form, lf))
            found |= self._spelt[key]
        return frozenset(found)

    def two_names(self, form: str, form_spans, other: str, other_spans) -> bool:
        """Does each form spell a source word where it stands, and none in common?"""
        mine = self.spelt(form, form_spans)
        if not mine:
            return False
        theirs = self.spelt(other, other_spans)
        return bool(theirs) and not (mine & theirs)
