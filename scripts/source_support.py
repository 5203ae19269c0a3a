"""Does the source support this English word? A translation lexicon per source language.

Most major errors in MT into English are fluent English that says something the source
does not (a wrong-sense word, an invented detail); a monolingual model cannot see them.
This module answers, per English word, whether some word of the source translates to it,
with a lexicon file built by ``build_source_lexicon.py``. It was measured as input to the
naturalness model (``explore_source_support.py``; numbers in ``docs/naturalness.md``) and
did not earn a place in it, so it lives beside the scripts, not in the package.

Both sides are reduced to keys that survive inflection: English words to a crude stem
(suffix stripped, cut to six letters), Hebrew words with their one-letter prefixes
(ו ב ל ה מ ש כ) stripped, Chinese by every substring of up to four characters (no word
segmenter: the lexicon itself decides which substrings are words). The work per sentence
is a few dictionary look-ups per source word or substring and one per English word.
"""

from __future__ import annotations

import gzip
import re
from functools import cache

from mtqa.checkers.bilingual.names import prefixed_forms

LANGUAGES = ("he", "zh")
NO_LEXICON = -1.0  # the feature value where the source language has no lexicon (or there is no source)
_HEBREW_WORD = re.compile(r"[\u05d0-\u05ea]+(?:[\"'״׳][\u05d0-\u05ea]+)*")
HEBREW_MARKS = re.compile(r"[\u0591-\u05c7]")  # points and cantillation
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s", "ly")
MAX_CJK = 4
# Function words carry no evidence of what the source says; they are never looked up.
FUNCTION_WORDS = frozenset("""
a an the and or but if of to in on at by for with from as into onto than that this these those
there here is are was were be been being am do does did done have has had having it its it's he
she they them their theirs his her hers him we us our you your i me my mine not no nor so such
also too very just only then when where which who whom whose what why how all any some each
every both either neither one ones other another more most much many few less least own same
can could may might must shall should will would about after again against before below
between during over under up down out off through until while within without per via
""".split())


def stem(word: str) -> str:
    """A crude English stem: "elected", "elects" -> "elect"; "governor", "governments" -> "govern"."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]


def hebrew_keys(word: str) -> list[str]:
    """The word and its forms without one or two attached prefixes (ו ב ל ה מ ש כ)."""
    return prefixed_forms(HEBREW_MARKS.sub("", word).replace("״", '"').replace("׳", "'"))


def source_keys(source: str, lang: str) -> list[str]:
    """Every look-up key of a source sentence (Hebrew word forms, Chinese substrings)."""
    if lang == "he":
        return [k for m in _HEBREW_WORD.finditer(source) for k in hebrew_keys(m.group())]
    keys = []
    for run in _CJK_RUN.findall(source):
        keys += [run[i : i + n] for n in range(1, MAX_CJK + 1) for i in range(len(run) - n + 1)]
    return keys


class Lexicon:
    """Source key -> the English stems it may translate to, for one source language."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table  # values are space-separated stems, split on first use
        self._split: dict[str, frozenset[str]] = {}

    def translations(self, key: str) -> frozenset[str]:
        found = self._split.get(key)
        if found is None:
            raw = self.table.get(key)
            found = frozenset(raw.split()) if raw else frozenset()
            self._split[key] = found
        return found

    def supported(self, source: str, lang: str) -> set[str]:
        """English stems that some word of ``source`` may translate to."""
        out: set[str] = set()
        table = self.table
        for key in source_keys(source, lang):
            if key in table:
                out |= self.translations(key)
        return out


def parse(text: str) -> dict[str, dict[str, str]]:
    """``lang<TAB>source key<TAB>stem stem ...`` lines -> {lang: {key: stems}}."""
    out: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        lang, key, stems = line.split("\t")
        out.setdefault(lang, {})[key] = stems
    return out


@cache
def lexicons(path: str) -> dict[str, Lexicon]:
    """The lexicons of a file written by ``build_source_lexicon.py``, loaded once per process."""
    with open(path, "rb") as handle:
        raw = handle.read()
    return {lang: Lexicon(table) for lang, table in parse(gzip.decompress(raw).decode("utf-8")).items()}


_STEMS: dict[str, str | None] = {}


def _content_stem(word: str) -> str | None:
    """The stem of a content word; None for function words, numbers and single letters (remembered)."""
    found = _STEMS.get(word, "")
    if found == "":
        low = word.lower()
        found = stem(low) if len(low) > 1 and low.isalpha() and low not in FUNCTION_WORDS else None
        if len(_STEMS) < 200_000:
            _STEMS[word] = found
    return found


NAMES = ("src_support", "src_support_prev", "src_support_next", "sent_unsupported", "src_uncovered")


def source_units(source: str, lang: str) -> list[list[str]]:
    """The look-up keys of each source word (Chinese: each substring is a unit of its own)."""
    if lang == "he":
        return [hebrew_keys(m.group()) for m in _HEBREW_WORD.finditer(source)]
    return [[k] for k in source_keys(source, lang)]


def support_columns(texts: list[str], owner: list[int], pieces: list[tuple[str | None, str | None]],
                    tables: dict[str, Lexicon]):
    """Per word: 1 when some source word may translate to it, 0 when none does, ``NO_LEXICON`` for
    function words or without a source lexicon; the same for its neighbours; per sentence, the
    share of its content words no source word supports."""
    import numpy as np

    supported: list[set[str] | None] = []
    uncovered = np.full(len(pieces), NO_LEXICON)
    stems_of: list[set[str]] = [set() for _ in pieces]
    for word, p in zip(texts, owner):
        key = _content_stem(word)
        if key is not None:
            stems_of[p].add(key)
    for p, (source, lang) in enumerate(pieces):
        lexicon = tables.get(lang) if source else None
        supported.append(lexicon.supported(source, lang) if lexicon else None)
        if lexicon:
            known = missing = 0
            for keys in source_units(source, lang):
                found = frozenset().union(*(lexicon.translations(k) for k in keys if k in lexicon.table))
                if found:
                    known += 1
                    missing += not (found & stems_of[p])
            uncovered[p] = missing / known if known else NO_LEXICON
    value = np.full(len(texts), NO_LEXICON)
    for i, (word, p) in enumerate(zip(texts, owner)):
        found = supported[p]
        if found is not None:
            key = _content_stem(word)
            if key is not None:
                value[i] = float(key in found)
    owner_arr = np.asarray(owner, dtype=np.int64)
    out = np.full((len(texts), len(NAMES)), NO_LEXICON)
    out[:, 0] = value
    if len(texts) > 1:
        same = owner_arr[1:] == owner_arr[:-1]
        out[1:, 1] = np.where(same, value[:-1], NO_LEXICON)
        out[:-1, 2] = np.where(same, value[1:], NO_LEXICON)
    content = value >= 0
    n = len(pieces)
    total = np.bincount(owner_arr[content], minlength=n)
    missing = np.bincount(owner_arr[content & (value == 0)], minlength=n)
    share = np.where(total > 0, missing / np.maximum(total, 1), NO_LEXICON)
    out[:, 3] = share[owner_arr] if len(texts) else 0
    out[:, 4] = uncovered[owner_arr] if len(texts) else 0
    return out
