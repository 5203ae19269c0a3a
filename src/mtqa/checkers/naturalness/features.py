"""Per-word features of English sentences, the same at build time and at run time.

Every feature is a cheap lookup: the word's and its neighbours' frequency in English
(wordfreq), whether the two word pairs it belongs to are common English bigrams (the
model's bigram table), its shape, and a few sentence-level cues (how rare the sentence
is as a whole, numbers the source does not have, Latin words the source already has).
No tagger, no network.

A document's sentences are featurised together: the per-word work in Python is a few
dictionary look-ups (a word's shape is computed once per process and remembered), and
neighbours, word pairs and sentence totals are whole-array numpy operations. These rows
are the definition the model is trained on; the checker scores with ``scorer.py``, which
gives exactly the same log-odds, in plain Python, for the few words that can reach its
threshold, without building every row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from mtqa.checkers.naturalness.forms import (COLUMN, DIGITS, LATIN_WORD, N_FEATURES, NAMES,  # noqa: F401
                                             NO_NEIGHBOUR, SENTENCE_END, SUFFIXES, WORD, _ENDINGS, _SHAPES,
                                             _lower, _numbers, _shape, _suffix, tokens)


class Words(NamedTuple):
    """The words of a batch of pieces: text, offsets in their own piece, piece index, feature rows."""

    text: list[str]
    start: list[int]
    end: list[int]
    piece: np.ndarray
    x: np.ndarray


class Bigrams:
    """Common English word pairs as sorted integer keys over a small vocabulary.

    243k pairs of 20k words: a dictionary of the pairs as strings took most of a second to
    build at start-up; a vocabulary dictionary and two arrays take milliseconds, and a
    whole document's pairs are looked up with one ``searchsorted``.
    """

    def __init__(self, vocabulary: Sequence[str], keys: np.ndarray, values: np.ndarray) -> None:
        self.vocabulary = list(vocabulary)
        self.index = dict(zip(self.vocabulary, range(len(self.vocabulary))))
        self.keys = np.asarray(keys, dtype=np.int64)
        self.values = np.asarray(values, dtype=np.float64)

    @classmethod
    def from_table(cls, table: dict[str, float]) -> Bigrams:
        """From "w1 w2" -> log10 count."""
        pairs = [(key.split(" ", 1), value) for key, value in table.items()]
        vocabulary = sorted({w for (a, b), _ in pairs for w in (a, b)})
        index = {w: i for i, w in enumerate(vocabulary)}
        keys = np.array([index[a] * len(vocabulary) + index[b] for (a, b), _ in pairs], dtype=np.int64)
        order = np.argsort(keys)
        return cls(vocabulary, keys[order], np.array([v for _, v in pairs], dtype=np.float64)[order])

    def table(self) -> dict[str, float]:
        size = len(self.vocabulary)
        return {f"{self.vocabulary[k // size]} {self.vocabulary[k % size]}": round(float(v), 2)
                for k, v in zip(self.keys.tolist(), self.values)}

    def pairs(self, words: Sequence[str]) -> np.ndarray:
        """log10 count of each pair (words[i], words[i + 1]); 0 when the table lacks it."""
        if len(words) < 2:
            return np.zeros(max(0, len(words) - 1))
        ids = np.fromiter((self.index.get(w, -1) for w in words), dtype=np.int64, count=len(words))
        return self.find(ids[:-1], ids[1:])

    def find(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """log10 count of each pair of vocabulary ids (-1: a word outside the vocabulary); 0 when
        the table lacks it. The pairs are looked up in sorted order: each binary search then
        starts where the last one ended, in memory just read (twice as fast on a batch)."""
        out = np.zeros(len(first))
        both = np.flatnonzero((first >= 0) & (second >= 0))
        if not len(both) or not len(self.keys):
            return out
        keys = first[both].astype(np.int64) * len(self.vocabulary) + second[both].astype(np.int64)
        order = keys.argsort()
        keys = keys[order]
        at = np.minimum(self.keys.searchsorted(keys), len(self.keys) - 1)
        out[both[order]] = np.where(self.keys[at] == keys, self.values[at], 0.0)
        return out


def english_zipf() -> dict[str, float]:
    """wordfreq's English list as word -> Zipf value (mtqa.wordlists, shared with the other checkers)."""
    from mtqa import wordlists

    return wordlists.english_zipf()


def shapes(words: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """``_shape`` of many words at once: their lower-case forms and the six shape columns
    (a column at a time: twice as fast as a tuple per word)."""
    lows = list(map(_lower, words))
    columns = np.empty((len(words), 6))
    columns[:, 0] = [word[:1].isupper() for word in words]
    columns[:, 1] = [word.isupper() and len(word) > 1 for word in words]
    columns[:, 2] = [not word.isalpha() and any(c.isdecimal() for c in word) for word in words]
    columns[:, 3] = np.fromiter(map(len, words), dtype=np.float64, count=len(words))
    columns[:, 4] = list(map(_suffix, lows))
    columns[:, 5] = [not word.isascii() for word in words]
    return lows, columns


def document_features(pieces: Sequence[tuple[str, str | None]], zipf: dict[str, float],
                      bigrams: Bigrams) -> Words:
    """The words of each (text, source) piece with one feature row each (``NAMES`` order)."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    owner: list[int] = []
    shapes: list[tuple] = []
    # Per-word columns filled a piece at a time with list comprehensions (no per-word tuples).
    initial: list[float] = []
    repeated: list[float] = []
    before: list[float] = []
    after: list[float] = []
    number: list[float] = []
    in_source: list[float] = []
    per_piece: list[tuple[float, float]] = []  # source numbers missing, has source
    known_shape = _SHAPES.get
    for p, (text, source) in enumerate(pieces):
        spans = [m.span() for m in WORD.finditer(text)]
        if not spans:
            per_piece.append((0.0, 0.0))
            continue
        n = len(spans)
        texts = [text[a:b] for a, b in spans]
        begin = [a for a, _ in spans]
        finish = [b for _, b in spans]
        gaps = [text[: begin[0]].strip()] + [text[e:b].strip() for e, b in zip(finish, begin[1:])]
        gaps.append(text[finish[-1] :].strip())
        piece_shapes = [known_shape(t) or _shape(t) for t in texts]
        lows = [shape[0] for shape in piece_shapes]
        first: dict[str, int] = {}
        repeated += [float(first.setdefault(w, i) < i) for i, w in enumerate(lows)]
        initial += [1.0] + [float(g[-1:] in SENTENCE_END) for g in gaps[1:n]]
        before += [float(bool(g)) for g in gaps[:n]]
        after += [float(bool(g)) for g in gaps[1:]]
        if source:
            src_numbers = _numbers(source) if DIGITS.search(source) else set()
            src_latin = {w.lower() for w in LATIN_WORD.findall(source)}
            number += [float(bool(shape[3]) and not (_numbers(t) & src_numbers)) for t, shape in zip(texts, piece_shapes)]
            in_source += [float(w in src_latin) for w in lows]
            per_piece.append((float(len(src_numbers - _numbers(text))) if src_numbers else 0.0, 1.0))
        else:
            number += [0.0] * n
            in_source += [-1.0] * n
            per_piece.append((0.0, 0.0))
        words += texts
        starts += begin
        ends += finish
        owner += [p] * n
        shapes += piece_shapes
    x = np.empty((len(words), N_FEATURES), dtype=np.float64)
    pieces_of = np.array(owner, dtype=np.int64)
    if not words:
        return Words(words, starts, ends, pieces_of, x)
    lows = [s[0] for s in shapes]
    z = np.fromiter((zipf.get(w, 0.0) for w in lows), dtype=np.float64, count=len(lows))
    shape_columns = np.array([s[1:] for s in shapes], dtype=np.float64)
    piece_columns = np.array(per_piece, dtype=np.float64)[pieces_of]
    same_next = pieces_of[1:] == pieces_of[:-1]  # word i and i+1 are in one piece
    pair = np.where(same_next, bigrams.pairs(lows), 0.0)
    expected = same_next & (z[:-1] >= 4.0) & (z[1:] >= 4.0)
    known = np.where(pair > 0, 1.0, np.where(expected, 0.0, 0.5))

    def shifted(values: np.ndarray, by: int) -> np.ndarray:
        """values[i - by] where that word is in the same piece, else NO_NEIGHBOUR."""
        out = np.full(len(values), NO_NEIGHBOUR)
        if by > 0:
            ok = pieces_of[by:] == pieces_of[:-by]
            out[by:][ok] = values[:-by][ok]
        else:
            ok = pieces_of[:by] == pieces_of[-by:]
            out[:by][ok] = values[-by:][ok]
        return out

    edge = np.append(pair, 0.0)  # pair starting at word i (the last word's is masked below)
    next_pair = np.where(np.append(same_next, False), edge, NO_NEIGHBOUR)
    prev_pair = shifted(edge, 1)
    next_known = np.where(np.append(same_next, False), np.append(known, 0.0), NO_NEIGHBOUR)
    prev_known = shifted(np.append(known, 0.0), 1)
    counts = np.bincount(pieces_of, minlength=len(pieces)).astype(np.float64)
    first_word = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
    position = (np.arange(len(words)) - first_word[pieces_of]) / counts[pieces_of]
    unknown = np.bincount(pieces_of[:-1], weights=(expected & (pair == 0.0)).astype(np.float64), minlength=len(pieces))
    rare = np.bincount(pieces_of, weights=(z < 3.0).astype(np.float64), minlength=len(pieces))
    mean_z = np.bincount(pieces_of, weights=z, minlength=len(pieces)) / np.maximum(counts, 1)
    c = COLUMN
    x[:, c["zipf"]] = z
    x[:, c["zipf_prev"]] = shifted(z, 1)
    x[:, c["zipf_next"]] = shifted(z, -1)
    x[:, c["zipf_prev2"]] = shifted(z, 2)
    x[:, c["zipf_next2"]] = shifted(z, -2)
    x[:, c["bigram_prev"]] = prev_pair
    x[:, c["bigram_next"]] = next_pair
    x[:, c["pair_prev_known"]] = prev_known
    x[:, c["pair_next_known"]] = next_known
    for k, name in enumerate(("capitalised", "all_caps", "has_digit", "length", "suffix", "non_ascii")):
        x[:, c[name]] = shape_columns[:, k]
    x[:, c["repeated"]] = np.array(repeated) * (z < 5.0)
    for name, column in (("sentence_initial", initial), ("punct_before", before), ("punct_after", after),
                         ("number_not_in_source", number)):
        x[:, c[name]] = column
    x[:, c["position"]] = position
    x[:, c["sent_words"]] = counts[pieces_of]
    x[:, c["sent_mean_zipf"]] = mean_z[pieces_of]
    x[:, c["sent_unknown_pairs"]] = (unknown / np.maximum(1, counts - 1))[pieces_of]
    x[:, c["sent_rare_words"]] = (rare / np.maximum(counts, 1))[pieces_of]
    x[:, c["source_numbers_missing"]] = piece_columns[:, 0]
    x[:, c["has_source"]] = piece_columns[:, 1]
    x[:, c["in_source"]] = in_source
    return Words(words, starts, ends, pieces_of, x)
