"""Is an English name the transliteration of something in the source?

LanguageTool's dictionary lacks most names in the news, so a name it flags as a spelling
error is usually spelt as intended when the source holds the same name: in Latin script
(German, Czech sources), in pinyin syllables of the Chinese characters, or close to the
romanised Cyrillic. anyascii romanises every script without a model or a download.

A foreign name in a Chinese source is written by its sounds (卡萨托诺夫, ka-sa-tuo-nuo-fu,
for Kasatonov), so an English name also matches when its consonants, in order and by
class (mandarin_sounds.toml), are those of a run of source characters. That match is
loose, and a wrong transcription sounds alike too ("Cocosiri" for 可可西里, which English
calls Hoh Xil), so it counts only for a name English text already uses (wordfreq) and
not for pinyin-shaped words, which must match the pinyin exactly.

Not used for abjads (Hebrew, Arabic, Persian): their romanisation has no vowels, so the
match would also accept a wrongly vowelled name, which is exactly what reviewers mark.
Nor for Japanese: anyascii reads kanji as Chinese, not as the Japanese name.
"""

from __future__ import annotations

import re
import tomllib
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from itertools import product

from mtqa.wordlists import zipf

_HAN = re.compile(r"[\u3400-\u9fff]")
_SKIP = re.compile(r"[\u0590-\u06ff\u0750-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u3040-\u30ff]")
_WORD = re.compile(r"[a-z]+")
MAX_SYLLABLES = 4
MAX_TRANSCRIBED = 7  # characters of one transcribed name (布罗佐维奇: 5)
MIN_CONSONANTS = 3  # fewer would match some run of almost any source
KNOWN_ZIPF = 1.0  # in wordfreq's English list at all
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
        self.sounds: list[list[frozenset[str]]] = []  # consonant classes per character, per run of Han
        if not self.usable:
            return
        for chunk in re.split(r"([\u3400-\u9fff]+)", source):
            if not chunk:
                continue
            if _HAN.match(chunk):
                readings = [r for r in map(_han_readings, chunk) if r]
                self.single.update(s for r in readings for s in r)
                self.sounds.append([_consonants(r[0], "pinyin") for r in readings])
                for n in range(2, MAX_SYLLABLES + 1):
                    for i in range(len(readings) - n + 1):
                        self.runs.update("".join(p) for p in product(*readings[i:i + n]))
            else:
                self.words += [_fold(w) for w in _WORD.findall(anyascii(chunk).lower()) if len(w) >= 3]

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
        if folded in self.words if len(folded) < 4 else any(_close(folded, w) for w in self.words):
            return True
        return self.transcribes(key)

    def transcribes(self, key: str) -> bool:
        """Do the consonants of `key` (lower-case letters) sound out a run of Han characters?"""
        if not self.sounds or pinyin_shaped(key) or zipf(key) < KNOWN_ZIPF:
            return False
        name = _consonants(key, "english")
        if len(name) < MIN_CONSONANTS:
            return False
        for chars in self.sounds:
            for i in range(len(chars)):
                run: list[frozenset[str]] = []
                for per_char in chars[i:i + MAX_TRANSCRIBED]:
                    run += per_char
                    if len(run) == len(name) and all(a & b for a, b in zip(name, run)):
                        return True
                    if len(run) >= len(name):
                        break
        return False


def _close(name: str, word: str) -> bool:
    """Same word, or an inflected form of it (Russian cases add endings to names)."""
    if word.startswith(name) and len(word) - len(name) <= 3:
        return True
    if abs(len(word) - len(name)) > 4 or name[:2] != word[:2]:
        return False
    stem = len(word) if len(word) <= len(name) else len(name) + 1
    return SequenceMatcher(None, name, word[:stem]).ratio() >= 0.85


@lru_cache(maxsize=8192)
def _han_readings(char: str) -> tuple[str, ...]:
    """The pinyin of one character: anyascii's, then those names give it (han_readings.toml)."""
    from anyascii import anyascii

    everyday = anyascii(char).lower()
    return tuple(r for r in dict.fromkeys((everyday, *_name_readings().get(char, ()))) if r.isalpha())


@lru_cache(maxsize=1)
def _name_readings() -> dict[str, list[str]]:
    text = resources.files("mtqa.checkers.bilingual").joinpath("han_readings.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)["readings"]


@lru_cache(maxsize=1)
def _sound_table() -> dict[str, list[tuple[str, frozenset[str]]]]:
    text = resources.files("mtqa.checkers.bilingual").joinpath("mandarin_sounds.toml").read_text(encoding="utf-8")
    return {side: sorted(((group, frozenset(classes)) for group, classes in table.items()),
                         key=lambda item: -len(item[0]))
            for side, table in tomllib.loads(text).items()}


@lru_cache(maxsize=16384)
def _consonants(word: str, side: str) -> list[frozenset[str]]:
    """Classes of the consonants of `word` in order; English doubles count once."""
    if side == "english":
        word = re.sub(r"([^aeiou])\1", r"\1", word)
    groups, out, i = _sound_table()[side], [], 0
    while i < len(word):
        for group, classes in groups:
            if word.startswith(group, i):
                out.append(classes)
                i += len(group)
                break
        else:
            i += 1
    return out


# Interjections (呣 m, 嗯 ng, 噷 hm): syllables of no name, and they would let almost any
# word through ("Samnan": sa-m-nan).
_NOT_NAME_SYLLABLES = frozenset({"", "m", "n", "ng", "hm", "hng"})


@lru_cache(maxsize=1)
def _pinyin_syllables() -> frozenset[str]:
    from anyascii import anyascii

    return frozenset(anyascii(chr(c)).lower() for c in range(0x4E00, 0xA000)) - _NOT_NAME_SYLLABLES


def pinyin_shaped(key: str) -> bool:
    """Can `key` (lower-case letters) be cut into pinyin syllables ("jining": ji-ning)?"""
    syllables = _pinyin_syllables()
    ends = {0}
    for i in range(len(key)):
        if i in ends:
            ends.update(j for j in range(i + 1, min(len(key), i + 6) + 1) if key[i:j] in syllables)
    return len(key) in ends


@lru_cache(maxsize=4096)
def source_names(source: str) -> SourceNames:
    return SourceNames(source)
