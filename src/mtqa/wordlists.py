"""English word frequencies and first-name genders, loaded once per process and fast.

Several checkers need wordfreq's English list as Zipf values and gender-guesser's first
names. Importing wordfreq pulls in ftfy and langcodes, turning its 321,000 frequencies
into Zipf values takes most of a second, and gender-guesser parses a 60,000-line text
file on every start: together more than a second before the first sentence is checked.
The first run derives compact tables from the installed packages (nothing is
downloaded) and writes them to mtqa's cache folder, keyed by the packages' versions;
later runs read them in a few tens of milliseconds. Answers are the libraries' own:
`zipf` is `wordfreq.zipf_frequency` of a lower-case word, `first_name_gender` is
`Detector(case_sensitive=False).get_gender` without a country.
"""

from __future__ import annotations

import marshal
import math
import re
from functools import cache
from pathlib import Path
from typing import Callable


def _cache_file(name: str, package: str, module: str) -> Path:
    from mtqa.distversion import version
    from mtqa.languagetool.install import cache_root

    return cache_root() / "wordlists" / f"{name}-{version(package, module)}.marshal"


def _buckets(name: str, package: str, module: str, build: Callable[[], dict[str, object]]) -> dict[str, object]:
    """A word -> value table, stored as value -> newline-joined words (compact, fast to read)."""
    path = _cache_file(name, package, module)
    try:
        grouped = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        table = build()
        grouped: dict[object, list[str]] = {}
        for word, value in table.items():
            grouped.setdefault(value, []).append(word)
        grouped = {value: "\n".join(words) for value, words in grouped.items()}
        try:
            from mtqa.atomic import atomic_write

            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(str(path), marshal.dumps(grouped))
        except OSError:
            pass  # an unwritable cache costs speed, never a result
    table: dict[str, object] = {}
    for value, words in grouped.items():
        table.update(dict.fromkeys(words.split("\n"), value))
    return table


def _english_zipf() -> dict[str, float]:
    import math

    import wordfreq

    return {w: round(math.log10(f) + 9.0, 2) for w, f in wordfreq.get_frequency_dict("en").items()}


@cache
def english_zipf() -> dict[str, float]:
    """wordfreq's English list ("best" = large) as word -> Zipf value."""
    return _buckets("english-zipf", "wordfreq", "wordfreq", _english_zipf)


def zipf(word: str) -> float:
    """`wordfreq.zipf_frequency(word, "en")` for a lower-case word: a table look-up for
    plain ASCII letters, wordfreq's own arithmetic over the table for ASCII words joined
    by hyphens and apostrophes ("russia's", "al-assad"), and wordfreq itself for anything
    else its tokenizer would change (accents, digits). Importing wordfreq and building its
    frequency dictionary cost a third of a second, so a run of plain news never does."""
    if word.isascii() and word.isalpha():
        return english_zipf().get(word, 0.0)
    parts = _compound_parts(word)
    if parts is not None:
        return _combined_zipf(parts)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


_COMPOUND = re.compile(r"[a-z]+(?:[-'’][a-z]+)+")
# wordfreq's tokenizer splits a French-style elision ("l'arc", "o'er") before a vowel or h,
# and only after a straight apostrophe (its Case 4 rule).
_ELISION = re.compile(r"[a-z][a-z]?'(?=[aehiouy])")
# `zipf_to_freq(0)`: the floor wordfreq returns for a word any of whose tokens it lacks.
_MISSING = 10**0.0 / 1e9


def _compound_parts(word: str) -> list[str] | None:
    """wordfreq's English tokens of a lower-case ASCII word with inner hyphens and
    apostrophes, or None for any other word. Hyphens are word breaks; apostrophes are not
    (Unicode word segmentation), except after a one- or two-letter elision before a
    vowel; curly apostrophes become straight ones."""
    if _COMPOUND.fullmatch(word) is None:
        return None
    tokens = []
    for piece in word.split("-"):
        while (elision := _ELISION.match(piece)) is not None:
            tokens.append(elision.group()[:-1])
            piece = piece[elision.end():]
        tokens.append(piece.replace("’", "'"))
    return tokens


def _combined_zipf(tokens: list[str]) -> float:
    """`wordfreq.zipf_frequency` over tokens: 1/f = 1/f1 + 1/f2 + ..., rounded to three
    significant digits, on the Zipf scale rounded to hundredths (wordfreq 3's arithmetic;
    a token's frequency is its centibel bucket, recovered exactly from the table)."""
    table = english_zipf()
    one_over = 0.0
    for token in tokens:
        value = table.get(token)
        if value is None:
            return round(math.log(_MISSING, 10) + 9, 2)
        one_over += 1.0 / 10 ** (-round((9.0 - value) * 100) / 100)
    freq = max(1.0 / one_over, _MISSING)
    freq = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(freq, 10) + 9, 2)


def _first_names() -> dict[str, str]:
    import gender_guesser.detector as gender_detector

    detector = gender_detector.Detector(case_sensitive=False)
    return {name: detector.get_gender(name) for name in detector.names}


@cache
def first_names() -> dict[str, str]:
    """Lower-case first name -> gender-guesser's answer (male, mostly_female, andy, …)."""
    return _buckets("first-names", "gender-guesser", "gender_guesser", _first_names)


def first_name_gender(word: str) -> str:
    """gender-guesser's answer for ``word``, `unknown` when it is not a known first name."""
    return first_names().get(word.lower(), "unknown")
