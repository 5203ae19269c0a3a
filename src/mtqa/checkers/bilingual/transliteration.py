"""Is an English name the transliteration of something in the source?

LanguageTool's dictionary lacks most names in the news, so a name it flags as a spelling
error is usually spelt as intended when the source holds the same name: in Latin script
(German, Czech sources, or a Latin word quoted in any source), in pinyin syllables of the
Chinese characters, or in a standard romanisation of the Cyrillic (romanise.py). These
matches are exact: a name that only nearly matches ("Bebek" for Бебех) is the wrong name
reviewers mark. anyascii romanises every script without a model or a download.

A foreign name in a Chinese source is written by its sounds (卡萨托诺夫, ka-sa-tuo-nuo-fu,
for Kasatonov), so an English name also matches when its consonants, in order and by
class (mandarin_sounds.toml), are those of a run of source characters. That match is
loose, and a wrong transcription sounds alike too ("Cocosiri" for 可可西里, which English
calls Hoh Xil), so it counts only for a name English text already uses (wordfreq) and
not for pinyin-shaped words, which must match the pinyin exactly.

Abjads (Hebrew, Arabic, Persian) are not romanised: their romanisation has no vowels, so
the match would also accept a wrongly vowelled name, which is exactly what reviewers
mark. The Latin-script words of such a source still count.

Japanese is not romanised by anyascii, which reads kanji as Chinese: a Japanese source
gives the romaji of the names a dictionary of proper nouns finds in it
(japanese.py), exact spellings too. A name the dictionary holds only whole (麻布十番)
also matches as its two words (Azabu-Juban, Azabu Juban).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from importlib import resources
from itertools import product

from mtqa.checkers.bilingual import japanese, romanise
from mtqa.wordlists import zipf

_HAN = re.compile(r"[\u3400-\u9fff]")
_SKIP = re.compile(r"[\u0590-\u06ff\u0750-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u3040-\u30ff]")
# A word of one script with its apostrophes ("O'Malley", Ukrainian "м'ясо", also typed as
# a quotation mark before я, ю, є, ї: "Мар\"їнка", not "Гипермаркет\"Лента"); a hyphen parts
# words, and so does a change of script ("LINEMOはキャリア").
_L, _C = r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]", r"[\u0400-\u052f]"
_SOURCE_WORD = re.compile(rf"{_L}+(?:['’ʼ]{_L}+)*|{_C}+(?:(?:['’ʼ]|\"(?=[яюєїЯЮЄЇ])){_C}+)*|(?:(?!{_L}|{_C})[^\W\d_])+")
_PART = re.compile(r"[-‐‑\s]+")  # "Alfa-Bank", and LanguageTool's two-word matches ("Kryvyi Rih")
MAX_SYLLABLES = 4
MAX_TRANSCRIBED = 7  # characters of one transcribed name (布罗佐维奇: 5)
MIN_CONSONANTS = 3  # fewer would match some run of almost any source
KNOWN_ZIPF = 1.0  # in wordfreq's English list at all
MIN_ROMANISED = 3  # letters of a source word in another script: "Зо" (a chat typo) is no name


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if "a" <= ch <= "z")


def _script(word: str) -> str:
    name = unicodedata.name(word[0], "")
    return "latin" if name.startswith("LATIN") else "cyrillic" if name.startswith("CYRILLIC") else "other"


class SourceNames:
    """The romanised source of one segment, asked whether it contains an English name."""

    def __init__(self, source: str, lang: str | None = None) -> None:
        from anyascii import anyascii

        source = unicodedata.normalize("NFKC", source or "")  # full-width ＪＲ is JR
        is_japanese = japanese.is_japanese(source, lang)
        self.usable = bool(source) and not _SKIP.search(source) and not is_japanese  # may anyascii romanise it?
        self.single: set[str] = set()  # pinyin syllables of the Chinese characters
        self.runs: set[str] = set()  # runs of 2 to MAX_SYLLABLES of them, joined
        self.spellings: set[str] = set()  # exact English spellings of the source's words (romanise.py)
        self.quoted: set[str] = set()  # Latin-script words of a source in another script
        self.sounds: list[list[frozenset[str]]] = []  # consonant classes per character, per run of Han
        self.romaji: set[str] = set()  # spellings of the Japanese names (japanese.py), also in `spellings`
        if not source:
            return
        if is_japanese:
            self.romaji = japanese.spellings(source)
            self.spellings |= self.romaji
        cyrillic = romanise.cyrillic_language(source, lang)
        latin: list[str] = []
        foreign = False  # letters of another script than Latin
        for chunk in re.split(r"([\u3400-\u9fff]+)", source):
            if not chunk:
                continue
            if _HAN.match(chunk):
                foreign = True
                if not self.usable:
                    continue
                readings = [r for r in map(_han_readings, chunk) if r]
                self.single.update(s for r in readings for s in r)
                self.sounds.append([_consonants(r[0], "pinyin") for r in readings])
                for n in range(2, MAX_SYLLABLES + 1):
                    for i in range(len(readings) - n + 1):
                        self.runs.update("".join(p) for p in product(*readings[i:i + n]))
                continue
            for word in _SOURCE_WORD.findall(chunk):
                script = _script(word)
                if script == "latin":
                    latin.append(word)
                    self.spellings |= romanise.latin_spellings(word, lang)
                    continue
                foreign = True
                if len(word) < MIN_ROMANISED:
                    continue
                if script == "cyrillic":
                    self.spellings |= romanise.cyrillic_spellings(word, cyrillic)
                elif self.usable:
                    self.spellings.add(_letters(anyascii(word)))
        if foreign:
            self.quoted = {romanise.key(word) for word in latin}
        self.spellings.discard("")

    def contains(self, name: str, neighbours: tuple[str, ...] = ()) -> bool:
        """True when `name` (one English word, maybe hyphenated, or two) is spelt as the source spells a word.

        Every part of a hyphenated name, or word of two, must be: the same word without diacritics, a standard
        romanisation of a Cyrillic word or of its nominative, or a run of pinyin syllables.
        One pinyin syllable alone matches too easily (月 "yue" is in every date), so it
        counts only together with a capitalised neighbour ("Shang Rui": shangrui)."""
        key = _letters(name)
        if len(romanise.key(name)) < 2:
            return False
        if key in self.runs:
            return True
        if key in self.single:
            return any(_letters(n) + key in self.runs or key + _letters(n) in self.runs for n in neighbours)
        parts = [romanise.key(part) for part in _PART.split(name)]
        if all(part in self.spellings for part in parts if part):
            return True
        if self.romaji and (key in self.romaji or any(
                _letters(n) + key in self.romaji or key + _letters(n) in self.romaji for n in neighbours)):
            return True  # one name in two words: "Azabu-Juban", or "Juban" beside "Azabu"
        return self.usable and self.transcribes(key)

    def quotes(self, word: str) -> bool:
        """True when a source in another script writes `word` in Latin letters ("ahamo", "dpa").
        A lower-case word only: in a Latin-script source it could be a word left untranslated."""
        parts = [romanise.key(part) for part in _PART.split(word)]
        return any(parts) and all(part in self.quoted for part in parts if part)

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
def source_names(source: str, lang: str | None = None) -> SourceNames:
    return SourceNames(source, lang)
