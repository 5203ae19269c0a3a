"""Hebrew names rendered by their meaning or letter by letter (MTQA-BI-072).

Many Israeli names are ordinary Hebrew words: רחובות is Rehovot and "streets", ישראל היום
the newspaper Israel Hayom and "Israel today", אביב a first name and "spring". A machine
translation that does not know the name translates the words ("in Streets", "Israel
Today", "Spring Geffen"), or spells an acronym out letter by letter (מג"ב as "MGB" for
Border Police). Such words are common English, so MTQA-BI-070 (rare words no source word
spells) cannot see them.

The gazetteer ``hebrew_names.toml`` lists, per name, its Hebrew forms, the English forms
in use and the literal renderings machine translation produces. A finding needs all
three: a Hebrew form in the segment's source (with the prefixes ו ב ל ה מ ש כ taken off
its first word), a literal rendering in the translation, and none of the English forms.
Capitalisation is the evidence that a common word stands for a name, so a capitalised
literal counts only where its capital means something: not at the start of a sentence,
and a single word not right after another capitalised word ("Herzl and Jabotinsky
Streets" is a street name, not Rehovot). A person's name by meaning ("Spring") counts
only beside the other half of the name, a capitalised word the source spells ("Geffen").
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from mtqa.checkers.bilingual.lexicon import HEBREW_PREFIXES
from mtqa.checkers.bilingual.names import HebrewSource, letter_readings, spells
from mtqa.wordlists import zipf

_NIQQUD = re.compile(r"[\u0591-\u05bd\u05bf-\u05c7]")  # points and accents, not the maqaf
_QUOTES = str.maketrans({"״": '"', "”": '"', "“": '"', "„": '"', "׳": "'", "’": "'", "‘": "'", "`": "'",
                         "\u05be": " ", "-": " ", "–": " ", "—": " "})
# A Hebrew word with its acronym marks (מג"ב, ב'), or a number (כאן 11).
_TOKEN = re.compile(r"[\u05d0-\u05ea]+(?:[\"'][\u05d0-\u05ea]+)*'?|\d+")
_HEBREW = re.compile(r"[\u05d0-\u05ea]")
# Letter renderings of an acronym: capitals (MGB), dotted letters (S.A.L), or a capitalised
# word with an apostrophe where the gershayim was (Sal'sh).
_LETTERS = re.compile(r"(?<![\w.'’-])(?:[A-Z]\.){1,5}[A-Z]\.?(?![\w'’])|(?<![\w'’-])[A-Z]{2,6}(?![\w'’-])"
                      r"|(?<![\w'’-])[A-Z][a-z]{0,4}['’][a-z]{1,4}(?![\w'’-])")
_CAPITALISED = re.compile(r"[A-Z][a-z]+(?:['’-][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n])[\s\"'“‘«(\[\-–—]*$")
# Capitalised words that say nothing about the next word being a name.
_FUNCTION = frozenset("The A An In At On Of From To For And Or By With As Its His Her Their".split())
# A word next to a person's name by meaning is the other half of the name only if it is no
# common English word (Cohen 4.0 is a name; Festival 4.7, Street 5.3 are not).
MAX_NEIGHBOUR_ZIPF = 4.5


@dataclass(frozen=True)
class Name:
    forms: tuple[tuple[str, ...], ...]  # Hebrew forms, each a tuple of normalised words
    english: tuple[str, ...]
    literals: tuple[str, ...]
    role: str | None  # None for places and institutions; "first", "last" or "both" for people


def normalise_hebrew(text: str) -> str:
    """One spelling of the marks: gershayim as ", geresh as ', maqaf and dashes as spaces."""
    return _NIQQUD.sub("", text).replace("''", '"').translate(_QUOTES)


def _tokens(text: str) -> list[str]:
    return [t.rstrip("'") for t in _TOKEN.findall(normalise_hebrew(text))]


def _variants(token: str) -> set[str]:
    """The token, without one or two prefix letters, and without a prefix before a quote (ב"הארץ")."""
    out = {token}
    for cut in (1, 2):
        if len(token) > cut + 1 and all(c in HEBREW_PREFIXES for c in token[:cut]):
            rest = token[cut:]
            if rest[0] == '"' and len(rest) > 2:
                out.add(rest[1:])
            elif _HEBREW.match(rest):
                out.add(rest)
    return out


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, list[Name]]:
    """Names by the first word of each Hebrew form."""
    text = resources.files("mtqa.checkers.bilingual").joinpath("hebrew_names.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    index: dict[str, list[Name]] = {}
    for section, entries in data.items():
        for entry in entries:
            forms = tuple(tuple(_tokens(form)) for form in entry["he"])
            name = Name(forms, tuple(entry["en"]), tuple(entry.get("literal", ())),
                        entry.get("role", "first") if section == "people" else None)
            for form in forms:
                index.setdefault(form[0], []).append(name)
    return index


def _written(tokens: list[str], variants: list[set[str]], name: Name) -> set[tuple[str, ...]]:
    """The forms of ``name`` the source writes."""
    return {form for i, first in enumerate(variants) for form in name.forms
            if form[0] in first and tuple(tokens[i + 1:i + len(form)]) == form[1:]}


@lru_cache(maxsize=256)
def source_names(source: str) -> tuple[tuple[Name, frozenset[tuple[str, ...]]], ...]:
    """The gazetteer's names the source writes, each with the forms it writes them in.
    Cached: MTQA-BI-070 (exonyms) and MTQA-BI-072 both ask for one segment's names."""
    tokens = _tokens(source)
    if not tokens:
        return ()
    index = gazetteer()
    variants = [_variants(t) for t in tokens]
    candidates = {id(n): n for v in variants for key in v for n in index.get(key, ())}
    found = [(n, frozenset(_written(tokens, variants, n))) for n in candidates.values()]
    return tuple((n, forms) for n, forms in found if forms)


def english_words(source: str) -> frozenset[str]:
    """The capitalised words of the English forms of the names the source writes: the
    translation may call a place by them though none spells a source word (Nablus, שכם)."""
    words = set()
    for name, _ in source_names(source):
        for form in name.english:
            words.update(w for w in re.split(r"[\s-]+", re.sub(r"['’]s?$", "", form)) if w[:1].isupper())
    return frozenset(words)


def _latin_key(text: str) -> str:
    return " ".join(re.sub(r"['’‘`ʼ\"“”]", "", text).replace("-", " ").replace(".", " ").split())


@lru_cache(maxsize=4096)
def _pattern(literal: str) -> re.Pattern:
    words = [re.escape(w).replace("'", "['’]").replace(r"\-", r"[-\s]?") for w in literal.split()]
    flags = 0 if any(c.isupper() for c in literal) else re.IGNORECASE
    return re.compile(r"(?<![\w'’-])" + r"\s+".join(words) + r"(?![\w]|-\w)", flags)


@lru_cache(maxsize=2048)
def _english(name: Name) -> re.Pattern:
    """Any English form of the name, in a target written as ``_latin_key`` writes it; a
    person's name is compared case and all ("Or", not "or")."""
    keys = sorted({_latin_key(form) for form in name.english}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)",
                      0 if name.role else re.IGNORECASE)


def _has_english(target_key: str, name: Name) -> bool:
    return _english(name).search(target_key) is not None


def _previous_word(target: str, start: int) -> str:
    match = re.search(r"([\w'’-]+)[\s\"“”'‘’]*$", target[:start])
    return match.group(1) if match else ""


def _capital_is_evidence(target: str, start: int, literal: str) -> bool:
    """A literal whose only capital is its first letter proves nothing at a sentence start,
    nor (one word) right after a capitalised word, whose name it may belong to."""
    if sum(c.isupper() for c in literal) != 1 or not literal[0].isupper():
        return True
    if _SENTENCE_END.search(target[:start]):
        return False
    if " " not in literal:
        previous = _previous_word(target, start)
        if previous[:1].isupper() and previous not in _FUNCTION:
            return False
    return True


def _beside_a_name(target: str, start: int, end: int, role: str, hebrew: HebrewSource) -> bool:
    """Is a person's name by meaning next to the other half of the name, spelled by the source?"""
    neighbours = []
    if role in ("first", "both"):
        after = re.match(r"\s+(" + _CAPITALISED.pattern + ")", target[end:])
        neighbours.append(after.group(1) if after else "")
    if role in ("last", "both"):
        before = re.search(r"(" + _CAPITALISED.pattern + r")\s+$", target[:start])
        neighbours.append(before.group(1) if before else "")
    for word in neighbours:
        plain = re.sub(r"['’]s$", "", word)
        if plain and zipf(plain.lower()) < MAX_NEIGHBOUR_ZIPF and hebrew.has(plain):
            return True
    return False


def _spells_letter_by_letter(letters: str, readings: tuple[tuple[str, ...], ...]) -> bool:
    """Letters that spell the acronym, the first and the last of them its first and last
    letters': a free vowel may stand for nothing inside, but neither opens a rendering of
    ת"א ("U.S." is no reading of it) nor closes one of ז"ל ("SLA" is not ז"ל)."""
    first, last = readings[0], readings[-1]
    if not ("" in first or any(o and letters.startswith(o) for o in first)):
        return False
    if letters[-1] in "aeiouy" and not any(o.endswith(letters[-1]) for o in last):
        return False
    return spells(letters, readings)


def _literal_spans(target: str, name: Name, hebrew: Callable[[], HebrewSource]) -> list[tuple[int, int, str]]:
    """The name's literal renderings where they stand for the name (capitals as evidence, a
    person's name beside its other half)."""
    spans = []
    for literal in name.literals:
        for match in _pattern(literal).finditer(target):
            if name.role:
                if not _beside_a_name(target, match.start(), match.end(), name.role, hebrew()):
                    continue
            elif not _capital_is_evidence(target, match.start(), literal):
                continue
            spans.append((match.start(), match.end(), match.group()))
    return spans


def _letter_spans(target: str, forms: set[tuple[str, ...]]) -> list[tuple[int, int, str]]:
    """Capital or dotted letters that spell an acronym the source writes (MGB for מג"ב)."""
    spans = []
    for acronym in sorted(form[0] for form in forms if len(form) == 1 and '"' in form[0]):
        readings = letter_readings(acronym.replace('"', ""))
        for match in _LETTERS.finditer(target):
            letters = re.sub(r"(.)\1+", r"\1", re.sub(r"[.'’]", "", match.group()).lower())
            if len(letters) >= 2 and _spells_letter_by_letter(letters, readings):
                spans.append((match.start(), match.end(), match.group()))
    return spans


def by_meaning(source: str, target: str) -> list[tuple[int, int, str, Name]]:
    """(start, end, rendering, name) of Hebrew names the translation renders by meaning or by letters."""
    if not _HEBREW.search(source):
        return []
    names = source_names(source)
    if not names:
        return []
    target_key = _latin_key(target)
    hebrew = lru_cache(maxsize=1)(lambda: HebrewSource(source))  # built when a person's name needs it
    found: dict[tuple[int, int], tuple[int, int, str, Name]] = {}
    for name, forms in names:
        if _has_english(target_key, name):
            continue
        for start, end, text in _literal_spans(target, name, hebrew) + _letter_spans(target, forms):
            found.setdefault((start, end), (start, end, text, name))
    out, last_end = [], -1
    for item in sorted(found.values(), key=lambda f: (f[0], -f[1])):  # a longer rendering wins over one inside it
        if item[0] >= last_end:
            out.append(item)
            last_end = item[1]
    return out
