"""Cheap English cues that decide whether a Latin-script sentence needs language ID.

Most English news sentences contain two or more English function words; sentences made
mostly of capitalised words are names, bylines or headlines ("Volodymyr Zelensky",
"Tottenham Hotspur 2 Arsenal 1"), which detectors misjudge and which are not
"untranslated" whatever their origin. Only what passes neither test goes to a detector.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@cache
def function_words() -> frozenset[str]:
    text = resources.files("mtqa.langid").joinpath("english.toml").read_text(encoding="utf-8")
    return frozenset(tomllib.loads(text)["function_words"])


@dataclass(frozen=True, slots=True)
class Cues:
    words: int
    letters: int
    english: int
    capitalised: int

    @property
    def capitalised_share(self) -> float:
        """Share of capitalised words after the first."""
        return self.capitalised / (self.words - 1) if self.words > 1 else 1.0


def cues(text: str) -> Cues:
    english_words = function_words()
    words = english = capitalised = letters = 0
    for m in _WORD.finditer(text):
        word = m.group()
        words += 1
        letters += len(word)
        if word.lower().replace("’", "'") in english_words:
            english += 1
        elif word[0].isupper() and words > 1:
            # The first word is capitalised in any language; German nouns keep the share
            # of the rest well below that of a string of names or a title-case headline.
            capitalised += 1
    return Cues(words, letters, english, capitalised)


def english_at_least(text: str, needed: int) -> bool:
    """Whether ``text`` has ``needed`` English function words (as `cues` counts them);
    stops at the last one needed, which in English news is a few words in."""
    english_words = function_words()
    found = 0
    for m in _WORD.finditer(text):
        if m.group().lower().replace("’", "'") in english_words:
            found += 1
            if found >= needed:
                return True
    return False
