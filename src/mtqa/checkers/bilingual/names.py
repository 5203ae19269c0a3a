"""English names with no counterpart in a Hebrew source.

A name the translation spells must come from somewhere in the source: Hebrew writes names
in its own letters, without most vowels. An English name is read back letter by letter
(``hebrew_letters.toml``: each Hebrew letter's possible spellings, silent letters, free
English vowels) against every source word, with its one- or two-letter prefixes (and, in,
the ...) taken off, and against each pair of adjacent words. A rare capitalised word that
matches no source word was not transliterated from it: a prefix read as part of the name
("Vichy" for ו+ישי, "and Ishai"), a name rendered by its meaning, or letters that are not
there ("Metindjo" for מתניהו). Common English words are left alone (they are translations,
not transliterations), so is anything the source writes in Latin letters.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from mtqa.checkers.bilingual.lexicon import HEBREW_PREFIXES
from mtqa.wordlists import zipf

# Only words rarer than this in English (wordfreq Zipf) are taken for names.
MAX_ZIPF = 2.5
MAX_NAME_LETTERS = 24
# Distinct names looked up per segment: each is compared with every source word, so a
# segment of thousands of different rare words must not cost thousands squared.
MAX_NAMES = 100
# A capitalised word on its own: not part of a hyphenated or apostrophed name ("Bar-Ilan");
# a possessive 's may follow.
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]{2,}(?![-\w])(?!['’](?!s\b))")
_HEBREW_WORD = re.compile(r"[\u05d0-\u05ea][\u05d0-\u05ea'׳\"״”]*")
_GERSHAYIM = re.compile(r"[\"״”]")  # marks an acronym (בית"ר = Beitar): not a letter
_HEBREW = re.compile(r"[\u05d0-\u05ea]")
_FREE = frozenset("aeiouyh")  # English vowels, and an h that spells no letter (Mendelsohn)
# English derivations and inflections: a coined or translated word, not a transliterated name.
_ENGLISH_ENDING = re.compile(r"(?:ing|ed|ly|tion|ism|ists?|ic|ical|ized?|izing)$")
_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Letter -> spellings (doubled English letters written once), plain and after a geresh."""
    text = resources.files("mtqa.checkers.bilingual").joinpath("hebrew_letters.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    letters = {k: tuple(dict.fromkeys(_DOUBLE.sub(r"\1", o) for o in v)) for k, v in data["letters"].items()}
    geresh = {k: tuple(dict.fromkeys(_DOUBLE.sub(r"\1", o) for o in data["geresh"].get(k, []) + list(v)))
              for k, v in letters.items()}
    return letters, geresh


def letter_readings(word: str) -> tuple[tuple[str, ...], ...]:
    """Per Hebrew letter of ``word``, the Latin spellings it may have; a letter repeated may
    be written once (English doubles are written once before matching: דד in עודד, Oded)."""
    letters, geresh = _table()
    out = []
    for i, ch in enumerate(word):
        if ch not in letters:
            continue
        options = geresh[ch] if word[i + 1:i + 2] in ("'", "׳") else letters[ch]
        if i and word[i - 1] == ch:
            options = options + ("",)
        out.append(options)
    return tuple(out)


def spells(latin: str, readings: tuple[tuple[str, ...], ...]) -> bool:
    """Can ``latin`` (lower case, doubled letters once) be read as these Hebrew letters?

    Walks both strings at once; the states are (position in latin, position in hebrew),
    so the work is bounded by their product however many spellings a letter has."""
    seen: set[tuple[int, int]] = set()
    stack = [(0, 0)]
    while stack:
        i, j = stack.pop()
        if (i, j) in seen:
            continue
        seen.add((i, j))
        if j == len(readings):
            if all(c in _FREE for c in latin[i:]):
                return True
            continue
        if i < len(latin) and latin[i] in _FREE:
            stack.append((i + 1, j))
        for option in readings[j]:
            if latin.startswith(option, i):
                stack.append((i + len(option), j + 1))
    return False


def _first_letters(readings: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """Latin letters the first spelled letter may begin with (leading letters may be silent)."""
    first: set[str] = set()
    for options in readings:
        first.update(o[0] for o in options if o)
        if "" not in options:
            break
    return frozenset(first)


@lru_cache(maxsize=16384)
def letter_form(word: str) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    readings = letter_readings(word)
    return _first_letters(readings), readings


def prefixed_forms(word: str) -> list[str]:
    """``word``, and without the one or two prefix letters (and, in, the ...) it may carry."""
    forms = [word]
    if len(word) > 2 and word[0] in HEBREW_PREFIXES:
        forms.append(word[1:])
        if len(word) > 3 and word[1] in HEBREW_PREFIXES:
            forms.append(word[2:])
    return forms


class HebrewSource:
    """The words of one Hebrew source segment, as letter readings, asked about English names."""

    def __init__(self, source: str) -> None:
        self.latin = source.lower()
        words = [_GERSHAYIM.sub("", w) for w in _HEBREW_WORD.findall(source)]
        forms = {form for word in words for form in prefixed_forms(word)}
        forms |= {a + b for a, b in zip(words, words[1:])}
        self.readings = [form for form in map(letter_form, forms) if form[1]]

    def has(self, name: str) -> bool:
        if name.lower() in self.latin:
            return True
        return any(could_spell(name, form) for form in self.readings)


def could_spell(name: str, form: tuple[frozenset[str], tuple[tuple[str, ...], ...]]) -> bool:
    """Does ``name`` spell the Hebrew word whose ``letter_form`` is ``form``?"""
    latin, could_start = _latin(name)
    first, readings = form
    return bool(first & could_start) and spells(latin, readings)


@lru_cache(maxsize=4096)
def _latin(name: str) -> tuple[str, frozenset[str]]:
    """The name as ``spells`` reads it, and the letters its first spelled letter may start
    with: its first consonant or a free letter before it (a cheap test that skips most
    source words)."""
    latin = _DOUBLE.sub(r"\1", name.lower())
    lead = next((i for i, c in enumerate(latin) if c not in _FREE), len(latin))
    return latin, frozenset(latin[:lead + 1])


def foreign_names(source: str, target: str, english: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """(start, end, name) of rare capitalised English words no Hebrew source word spells.

    ``english``: words of the English names of places and peoples the source names
    (hebrew_names.toml): an exonym (Nablus for שכם, Tiberias for טבריה) spells no
    source word letter by letter, yet it is the source's name."""
    if not _HEBREW.search(source):
        return []
    hebrew = None
    known: dict[str, bool] = {}  # name -> spelt by the source
    found = []
    for match in _CAPITALISED.finditer(target):
        name = match.group()
        if name not in known:
            if len(known) >= MAX_NAMES:
                break
            if (len(name) > MAX_NAME_LETTERS or name in english or _ENGLISH_ENDING.search(name)
                    or zipf(name.lower()) >= MAX_ZIPF):
                known[name] = True
                continue
            hebrew = hebrew or HebrewSource(source)
            known[name] = hebrew.has(name)
        if not known[name]:
            found.append((match.start(), match.end(), name))
    return found
