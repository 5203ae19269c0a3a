"""English word frequencies and first-name genders, loaded once per process and fast.

Several checkers need wordfreq's English list as Zipf values and gender-guesser's first
names. Importing wordfreq pulls in ftfy and langcodes, turning its 321,000 frequencies
into Zipf values takes most of a second, and gender-guesser parses a 60,000-line text
file on every start: together more than a second before the first sentence is checked.
The first run derives compact tables from the installed packages (nothing is
downloaded) and writes them to mtqa's cache folder, keyed by the packages' versions;
later runs read them in a few milliseconds and look a word up when it is first asked
for (``WordTable``). Answers are the libraries' own:
`zipf` is `wordfreq.zipf_frequency` of a lower-case word, `first_name_gender` is
`Detector(case_sensitive=False).get_gender` without a country.
"""

from __future__ import annotations

import marshal
import math
import re
from functools import cache
from typing import Callable


FORMAT = "sorted3"  # of the cache files: a new layout gets new files, old ones are never misread
_UNSET = object()
_MAX_REMEMBERED = 400_000  # answers kept per table; a stream of odd tokens starts afresh
# English words read as a dictionary with the table, most frequent first: a ru-en system
# output (2,000 lines) asks for 6,400 different words, 4,000 of them among these; reading
# them costs 2 ms, searching for them 19 ms.
COMMON_ENGLISH = 10_000


class WordTable:
    """A word -> value table kept as its sorted words in one string, searched on demand.

    Building a dictionary of all 321,000 words took a tenth of a second in every run, most
    of a one-line check's start-up; a run asks for a few thousand words at most. A word is
    found by binary search the first time it is asked for (a few microseconds) and the
    answer remembered; the most common words (``common``) come remembered, read with the
    table. Answers are the table's own: ``get`` is ``dict.get``.
    """

    __slots__ = ("_words", "_starts", "_codes", "_values", "_ranges", "_known", "longest")

    def __init__(self, words: str, starts: bytes, codes: bytes, values: list, ranges: dict, longest: int,
                 common: dict | None = None) -> None:
        from array import array

        self._words = words  # sorted, newline-separated
        self._starts = array("I", starts)  # where each word starts, then len(words) + 1
        self._codes = array("H", codes)  # index into values, per word
        self._values = values
        self._ranges = ranges  # first two letters -> (first, last + 1) word numbers
        self._known: dict[str, object] = common if common is not None else {}
        self.longest = longest

    @classmethod
    def build(cls, table: dict[str, object], common: int = 0) -> WordTable:
        """``common``: how many words of the highest values come remembered (numeric values)."""
        from array import array

        words = sorted(table)
        values = sorted(set(table.values()), key=repr)
        code = {v: i for i, v in enumerate(values)}
        starts = array("I", [0])
        ranges: dict[str, tuple[int, int]] = {}
        for i, word in enumerate(words):
            starts.append(starts[-1] + len(word) + 1)
            first = ranges.get(word[:2], (i, i))[0]
            ranges[word[:2]] = (first, i + 1)
        top = dict(sorted(table.items(), key=lambda item: item[1], reverse=True)[:common]) if common else {}
        return cls("\n".join(words), starts.tobytes(), array("H", [code[table[w]] for w in words]).tobytes(), values,
                   ranges, max(map(len, words), default=0), top)

    def dumps(self) -> bytes:
        common = {w: v for w, v in self._known.items() if v is not None}  # as built: the common words
        return marshal.dumps((self._words, self._starts.tobytes(), self._codes.tobytes(), self._values, self._ranges,
                              self.longest, common))

    @classmethod
    def loads(cls, data: bytes) -> WordTable:
        return cls(*marshal.loads(data))

    def get(self, word: str, default=None):
        value = self._known.get(word, _UNSET)
        if value is _UNSET:
            if len(self._known) >= _MAX_REMEMBERED:
                self._known.clear()
            value = self._known[word] = self._find(word)
        return default if value is None else value

    def _find(self, word: str):
        """Binary search among the words with the same first two letters."""
        words, starts = self._words, self._starts
        lo, hi = self._ranges.get(word[:2], (0, 0))
        while lo < hi:
            mid = (lo + hi) // 2
            if words[starts[mid] : starts[mid + 1] - 1] < word:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self._codes) and words[starts[lo] : starts[lo + 1] - 1] == word:
            return self._values[self._codes[lo]]
        return None

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None

    def __iter__(self):
        return iter(self._words.split("\n") if self._words else ())

    def __len__(self) -> int:
        return len(self._codes)


def _table(name: str, package: str, module: str, build: Callable[[], dict[str, object]], common: int = 0) -> WordTable:
    """The table from mtqa's cache, built from the installed package on the first run."""
    from mtqa.distversion import version
    from mtqa.languagetool.install import cache_root

    path = cache_root() / "wordlists" / f"{name}-{version(package, module)}.{FORMAT}.marshal"
    try:
        return WordTable.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        table = WordTable.build(build(), common)
        try:
            from mtqa.atomic import atomic_write

            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(str(path), table.dumps())
        except OSError:
            pass  # an unwritable cache costs speed, never a result
        return table


def _english_zipf() -> dict[str, float]:
    import math

    import wordfreq

    return {w: round(math.log10(f) + 9.0, 2) for w, f in wordfreq.get_frequency_dict("en").items()}


@cache
def english_zipf() -> WordTable:
    """wordfreq's English list ("best" = large) as word -> Zipf value."""
    return _table("english-zipf", "wordfreq", "wordfreq", _english_zipf, COMMON_ENGLISH)


def zipf(word: str) -> float:
    """`wordfreq.zipf_frequency(word, "en")` for a lower-case word: a table look-up for
    plain Latin letters (accented ones too: "düsseldorf", "erdoğan", which wordfreq's
    English tokenizer leaves whole), wordfreq's own arithmetic over the table for ASCII
    words joined by hyphens and apostrophes ("russia's", "al-assad"), and wordfreq itself
    for anything else its tokenizer would change (digits, other scripts). Importing
    wordfreq and building its frequency dictionary cost a third of a second, so a run of
    news, even news naming Czech towns, never does."""
    if word.isalpha() and (word.isascii() or _plain_latin(word)):
        return english_zipf().get(word, 0.0)
    parts = _compound_parts(word)
    if parts is not None:
        return _combined_zipf(parts)
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _plain_latin(word: str) -> bool:
    """Latin letters (up to Latin Extended-B) already case-folded and composed: one token
    to wordfreq, looked up as it is."""
    import unicodedata

    return (all(c.isascii() or "\u00c0" <= c < "\u0250" for c in word) and word.casefold() == word
            and unicodedata.is_normalized("NFC", word))


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
def first_names() -> WordTable:
    """Lower-case first name -> gender-guesser's answer (male, mostly_female, andy, …)."""
    return _table("first-names", "gender-guesser", "gender_guesser", _first_names)


def first_name_gender(word: str) -> str:
    """gender-guesser's answer for ``word``, `unknown` when it is not a known first name."""
    return first_names().get(word.lower(), "unknown")
