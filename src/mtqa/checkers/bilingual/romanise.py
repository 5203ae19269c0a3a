"""The spellings an English text may give a source word: standard romanisations, never a likeness.

A name copied or transliterated correctly from the source is no spelling error, but a
name that only nearly matches is the error reviewers mark most ("Bebek" for Бебех,
"Loubutenko" for Лабутенко, "Kutnia Hora" for Кутній Горі). So a Cyrillic word gives the
exact spellings of the standard systems (BGN/PCGN, the Ukrainian national system, ISO 9
without diacritics, the news simplification of -ий to -y) of the word and of the
nominatives its case endings point to, and a Latin-script word gives itself without
diacritics (also ä as ae) and, for languages that decline names, itself without a case
ending. The tables are data (romanisations.toml); no similarity threshold is used.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN = re.compile(r"[ыэъёЫЭЪЁ]")
_VOWELS = frozenset("аеёиоуыэюяєії")
_AFTER_VOWEL = _VOWELS | frozenset("ьъ'’ʼ")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
MIN_STEM = 3  # letters left after a case ending is taken off


class System(NamedTuple):
    languages: frozenset[str]
    letters: dict[str, str]
    initial: dict[str, str]
    after_vowel: dict[str, str]
    groups: dict[str, str]
    final: dict[str, str]


class Tables(NamedTuple):
    systems: tuple[System, ...]
    endings: tuple[tuple[str, str], ...]
    latin_endings: dict[str, dict[str, list[str]]]  # language -> ending -> nominative endings


@lru_cache(maxsize=1)
def tables() -> Tables:
    text = resources.files("mtqa.checkers.bilingual").joinpath("romanisations.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    systems = tuple(System(frozenset(s["languages"]), *(_pairs(s.get(field, "")) for field in System._fields[1:]))
                    for s in data["systems"].values())
    endings = tuple(dict.fromkeys((old, new) for paradigm in data["endings"].values() for old, new in paradigm))
    latin: dict[str, dict[str, list[str]]] = {}
    for lang, text in data["latin_endings"].items():
        for item in text.split():
            old, new = item.split("=", 1)
            latin.setdefault(lang, {}).setdefault(old, []).append(new)
    return Tables(systems, endings, latin)


def _pairs(text: str) -> dict[str, str]:
    """"а=a ь=" -> {"а": "a", "ь": ""}."""
    return dict(item.split("=", 1) for item in text.split())


def cyrillic_language(text: str, lang: str | None) -> frozenset[str]:
    """Which Cyrillic languages to read `text` as: the given one, else by its letters, else both."""
    if lang in ("ru", "uk"):
        return frozenset({lang})
    if _UKRAINIAN.search(text):
        return frozenset({"uk"})
    if _RUSSIAN.search(text):
        return frozenset({"ru"})
    return frozenset({"ru", "uk"})


@lru_cache(maxsize=65536)  # a document repeats its words; each costs some 300 romanisations
def cyrillic_spellings(word: str, languages: frozenset[str]) -> frozenset[str]:
    """Every standard romanisation (lower case, no apostrophes) of `word` and of its nominatives."""
    word = word.lower()
    forms = {word} | {stem + new for old, new in tables().endings
                      if word.endswith(old) and len(stem := word[: len(word) - len(old)]) >= MIN_STEM
                      and not (new == "й" and stem[-1] not in _VOWELS)}  # Андрея: Андрей; Мозиря: not "Мозирй"
    return frozenset(_romanise(form, system) for form in forms for system in tables().systems
                     if system.languages & languages)


def _romanise(word: str, system: System) -> str:
    from anyascii import anyascii

    tail = ""
    for ending, spelt in system.final.items():
        if word.endswith(ending) and len(word) > len(ending):
            word, tail = word[: -len(ending)], spelt
            break
    out, i = [], 0
    while i < len(word):
        pair = word[i:i + 2]
        if pair in system.groups:
            out.append(system.groups[pair])
            i += 2
            continue
        ch = word[i]
        if i == 0 and ch in system.initial:
            out.append(system.initial[ch])
        elif i > 0 and word[i - 1] in _AFTER_VOWEL and ch in system.after_vowel:
            out.append(system.after_vowel[ch])
        elif ch in system.letters:
            out.append(system.letters[ch])
        else:
            out.append(anyascii(ch).lower())
        i += 1
    return _letters("".join(out) + tail)


def latin_spellings(word: str, lang: str | None) -> set[str]:
    """`word` without diacritics (and with ä as ae), and without a case ending of `lang`."""
    from anyascii import anyascii

    plain = {_letters(anyascii(word)), _letters(anyascii(word.translate(_UMLAUTS)))}
    stems = {w[: len(w) - len(old)] + new for w in plain
             for old, news in tables().latin_endings.get(lang or "", {}).items()
             if w.endswith(old) and len(w) - len(old) >= MIN_STEM for new in news}
    return plain | stems


def key(word: str) -> str:
    """A target word as the sets above hold it: lower-case ASCII letters."""
    from anyascii import anyascii

    return _letters(anyascii(unicodedata.normalize("NFKC", word)))


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if "a" <= ch <= "z")
