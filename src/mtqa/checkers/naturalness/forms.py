"""What the naturalness model reads from a word alone, without numpy: the tokenizer, the
feature names and a word's shape.

The run-time scorer (``scorer.py``) and the build-time feature rows (``features.py``)
both take these from here, so the two cannot drift apart; keeping numpy out of this module
lets a run that never needs numpy never import it.
"""

from __future__ import annotations

import re

# A number with thousands separators ("9,740") is one word, as the source writes it.
WORD = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,])|[^\W_]+(?:['’.\-][^\W_]+)*")
DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]+")
SUFFIXES = ("ing", "ed", "ly", "s", "tion", "er", "al", "ive")
SENTENCE_END = frozenset('.!?"“:')

NAMES = (
    "zipf", "zipf_prev", "zipf_next", "zipf_prev2", "zipf_next2",
    "bigram_prev", "bigram_next", "pair_prev_known", "pair_next_known",
    "capitalised", "all_caps", "sentence_initial", "has_digit", "length", "position",
    "suffix", "repeated", "punct_before", "punct_after", "non_ascii",
    "sent_words", "sent_mean_zipf", "sent_unknown_pairs", "sent_rare_words",
    "number_not_in_source", "source_numbers_missing", "has_source",
    "in_source",
)
N_FEATURES = len(NAMES)
COLUMN = {name: i for i, name in enumerate(NAMES)}
NO_NEIGHBOUR = -1.0  # the value of a neighbour feature at a sentence edge


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def _numbers(text: str) -> set[str]:
    """Numbers as written, thousands separators dropped: "9,740" and "9740" are one number."""
    return {re.sub(r",(?=\d{3}\b)", "", n) for n in DIGITS.findall(text)}


_SHAPES: dict[str, tuple] = {}
# Every suffix ends in a letter no other one ends in: a word's last letter names the only
# suffix it can have.
_ENDINGS = {ending[-1]: (i, ending, len(ending) + 2) for i, ending in enumerate(SUFFIXES, 1)}
assert len(_ENDINGS) == len(SUFFIXES)


def _suffix(low: str) -> int:
    """1 + the index in SUFFIXES of the word's suffix (with at least three letters before it), else 0."""
    ending = _ENDINGS.get(low[-1:])
    return ending[0] if ending and len(low) > ending[2] and low.endswith(ending[1]) else 0


def _lower(word: str) -> str:
    return word.lower().replace("’", "'")


def _shape(word: str) -> tuple:
    """(lower-case form, capitalised, all caps, has digit, length, suffix class, non-ASCII), once per word."""
    shape = _SHAPES.get(word)
    if shape is None:
        low = _lower(word)
        shape = (low, float(word[:1].isupper()), float(word.isupper() and len(word) > 1),
                 float(not word.isalpha() and any(c.isdecimal() for c in word)), float(len(word)),
                 float(_suffix(low)), float(not word.isascii()))
        if len(_SHAPES) < 200_000:  # bounded: a stream of odd tokens cannot grow it without end
            _SHAPES[word] = shape
    return shape
