"""Readings of source numbers that are neither digits nor plain number words.

Hebrew letter numerals (כיתה ט' = 9th grade), Roman numerals and codes typed with Cyrillic
look-alikes (І місце, ХХ век, ЧМЭЗ for ChME3) and set renderings of a number (1位 "comes top", 単3 "AA", 0円 "free").
Like the number words, the first two only explain numbers of the translation; a rendering
frees a source number from having to appear as a number when the translation says it the
set way instead.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mtqa.checkers.bilingual.lexicon import lexicon, renderings

# A letter with a geresh (ט', ג׳) standing alone, and 11-19 with gershayim (י"ב, ט"ו).
_GERESH = re.compile(r"(?<![\u05d0-\u05ea'\"׳״])([\u05d0-\u05d9])['׳’](?![\u05d0-\u05ea'\"׳״])")
_TEENS = re.compile(r"(?<![\u05d0-\u05ea'\"׳״])(י[\"״][א-ד]|ט[\"״][וז]|י[\"״][ז-ט])(?![\u05d0-\u05ea])")
# Roman numerals of Latin and Cyrillic look-alikes: "І місце" (Cyrillic І), "ХХ век" (Cyrillic Х).
_MIXED_ROMAN = re.compile(r"(?<![^\W\d_])[IVXІХ]*[ІХ][IVXІХ]*(?![^\W\d_])")
_TO_LATIN = str.maketrans({"І": "I", "Х": "X"})
# A short capitalised Cyrillic code with З for the digit 3 inside: ЧМЭЗ (ChME3), ЕРВЕЗС (ERVE3S).
_CYRILLIC_THREE = re.compile(r"(?<![^\W\d_])[А-ЯЁ]{1,4}З[А-ЯЁ]{0,4}(?![^\W\d_])")


@lru_cache(maxsize=1)
def _letters() -> dict[str, float]:
    return {k: float(v) for k, v in lexicon()["source"]["letters"].get("he", {}).items()}


def hebrew_letter_values(scan: str) -> set[float]:
    """Values of Hebrew letter numerals: ט' = 9, י"ב = 12."""
    letters = _letters()
    found = {letters[m.group(1)] for m in _GERESH.finditer(scan)}
    found |= {letters[m.group(1)[0]] + letters[m.group(1)[2]] for m in _TEENS.finditer(scan)}
    return found


def cyrillic_values(scan: str, roman) -> set[float]:
    """Values of Roman numerals written with Cyrillic І or Х (``roman`` reads a Latin one), and
    the 3 of a code typed with Cyrillic З."""
    found = set()
    for match in _MIXED_ROMAN.finditer(scan):
        latin = match.group().translate(_TO_LATIN)
        if re.fullmatch(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})", latin):
            found.add(float(roman(latin)))
    if _CYRILLIC_THREE.search(scan):
        found.add(3.0)
    return found


def rendered_spans(source: str, target: str) -> list[tuple[int, int]]:
    """Spans of ``source`` that the translation renders the set way (so without digits)."""
    return [(m.start(), m.end()) for source_pattern, target_pattern in renderings()
            if target_pattern.search(target) for m in source_pattern.finditer(source)]
