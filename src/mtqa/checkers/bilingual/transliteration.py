"""Is an English name the transliteration of something in the source?

LanguageTool's dictionary lacks most names in the news, so a name it flags as a spelling
error is usually spelt as intended when the source holds the same name: in Latin script
(German, Czech sources), in pinyin syllables of the Chinese characters, or close to the
romanised Cyrillic. anyascii romanises every script without a model or a download.

Not used for abjads (Hebrew, Arabic, Persian): their romanisation has no vowels, so the
match would also accept a wrongly vowelled name, which is exactly what reviewers mark.
Nor for Japanese: anyascii reads kanji as Chinese, not as the Japanese name.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

_HAN = re.compile(r"[\u3400-\u9fff]")
_SKIP = re.compile(r"[\u0590-\u06ff\u0750-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u3040-\u30ff]")
_SYLLABLE = re.compile(r"[A-Z][a-z]*")
_WORD = re.compile(r"[a-z]+")
MAX_SYLLABLES = 4
# Spelling variants of Cyrillic romanisation ("Zelenskiy"/"Zelensky", "Kharkiv"/"Harkiv").
_FOLD = ((r"(?<=[aeiou])y(?=[aeiou])", "i"), (r"iy\b|yy\b|ij\b", "y"), ("kh", "h"), ("j", "y"),
         ("w", "v"), ("x", "ks"), ("tz", "ts"), ("ck", "k"), (r"(.)\1", r"\1"), ("e", "e"))


def _fold(word: str) -> str:
    for pattern, repl in _FOLD:
        word = re.sub(pattern, repl, word)
    return word


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if "a" <= ch <= "z")


class SourceNames:
    """The romanised source of one segment, asked whether it contains an English name."""

    def __init__(self, source: str) -> None:
        from anyascii import anyascii

        self.usable = bool(source) and not _SKIP.search(source)
        self.single: set[str] = set()  # pinyin syllables of the Chinese characters
        self.runs: set[str] = set()  # runs of 2 to MAX_SYLLABLES of them, joined
        self.words: list[str] = []
        if not self.usable:
            return
        for chunk in re.split(r"([\u3400-\u9fff]+)", source):
            if not chunk:
                continue
            roman = anyascii(chunk)
            if _HAN.match(chunk):
                syllables = [s.lower() for s in _SYLLABLE.findall(roman)]
                self.single.update(syllables)
                for n in range(2, MAX_SYLLABLES + 1):
                    self.runs.update("".join(syllables[i:i + n]) for i in range(len(syllables) - n + 1))
            else:
                self.words += [_fold(w) for w in _WORD.findall(roman.lower()) if len(w) >= 3]

    def contains(self, name: str, neighbours: tuple[str, ...] = ()) -> bool:
        """True when `name` (one English word) is spelt as a word or pinyin run of the source.

        One pinyin syllable alone matches too easily (月 "yue" is in every date), so it
        counts only together with a capitalised neighbour ("Shang Rui": shangrui)."""
        if not self.usable:
            return False
        key = _letters(name)
        if len(key) < 2:
            return False
        if key in self.runs:
            return True
        if key in self.single:
            return any(_letters(n) + key in self.runs or key + _letters(n) in self.runs for n in neighbours)
        folded = _fold(key)
        if len(folded) < 4:
            return folded in self.words
        return any(_close(folded, w) for w in self.words)


def _close(name: str, word: str) -> bool:
    """Same word, or an inflected form of it (Russian cases add endings to names)."""
    if word.startswith(name) and len(word) - len(name) <= 3:
        return True
    if abs(len(word) - len(name)) > 4 or name[:2] != word[:2]:
        return False
    stem = len(word) if len(word) <= len(name) else len(name) + 1
    return SequenceMatcher(None, name, word[:stem]).ratio() >= 0.85


@lru_cache(maxsize=4096)
def source_names(source: str) -> SourceNames:
    return SourceNames(source)
