"""A document's word probabilities, fast: what a word form decides is looked up once per process.

Eleven of the model's features depend on a word form alone (its Zipf value and shape) or on
a neighbour's form (the Zipf value it lends the words around it). Their step-function values
(``additive.py``) are computed the first time a form is seen and kept in a table, so a
document's words cost one dictionary look-up each and a handful of whole-array operations;
only the features of word pairs, gaps and sentences go through the step functions per
call. Feature rows (``features.document_features``) are still the definition: the build
script trains on them, and a test holds the two paths' contributions and probabilities
exactly equal (the checker explains a finding by its words' contributions). The sum over
features is ``Additive.logistic``'s, so not even the last bit differs from
``Additive.probability``; a model with other features is scored through the rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import count, filterfalse, repeat
from typing import NamedTuple

import numpy as np

from mtqa.checkers.naturalness.features import (COLUMN, DIGITS, LATIN_WORD, NAMES, NO_NEIGHBOUR, SENTENCE_END,
                                                WORD, _numbers, _shape, document_features, shapes)

# Split on: a piece's gaps and words, alternately (no word can start inside a gap): one C
# call per piece.
GAP_WORD = re.compile(f"({WORD.pattern})")
# Word-form features in the order of ``_shape``'s fields after the lower-case form.
SHAPE = ("capitalised", "all_caps", "has_digit", "length", "suffix", "non_ascii")
LENT = (("zipf_prev", 1), ("zipf_next", -1), ("zipf_prev2", 2), ("zipf_next2", -2))  # feature, shift
OWN = ("zipf", *SHAPE)
# Columns of the form table: OWN and LENT contributions, then the Zipf value, the bigram
# vocabulary id (-1: none) and the lower-case form's id.
Z, VOCAB, LOW = len(OWN) + len(LENT), len(OWN) + len(LENT) + 1, len(OWN) + len(LENT) + 2
WIDTH = LOW + 1
MAX_FORMS = 200_000  # bounded, like the shape cache: a stream of odd tokens starts the table afresh


class Scored(NamedTuple):
    text: list[str]  # the words in reading order
    piece: np.ndarray  # each word's piece
    probability: np.ndarray
    contributions: np.ndarray  # (words, features): what each feature added to each word's log-odds


class _Gaps(dict):
    """Stripped-gap code: 1 = punctuation, 2 = ends a sentence."""

    def __missing__(self, gap: str) -> int:
        stripped = gap.strip()
        code = self[gap] = int(bool(stripped)) | (2 * (stripped[-1:] in SENTENCE_END))
        return code


class Scorer:
    """One per model and word table; its form table grows as documents are scored."""

    def __init__(self, model, zipf: dict[str, float]) -> None:
        self.zipf, self.additive, self.bigrams = zipf, model.additive, model.bigrams
        self.exact = len(self.additive.cuts) == len(NAMES) and list(model.header.get("features", NAMES)) == list(NAMES)
        if not self.exact:
            return
        self.flags = {name: self._contribution(name, np.array([0.0, 1.0]))
                      for name in ("punct_before", "punct_after", "sentence_initial", "repeated")}
        self.no_source = {name: float(self._contribution(name, np.array([none]))[0])
                          for name, none in (("number_not_in_source", 0.0), ("in_source", -1.0),
                                             ("source_numbers_missing", 0.0), ("has_source", 0.0))}
        self.gaps = _Gaps()
        self._reset()

    def _reset(self) -> None:
        self.forms: dict[str, int] = {"": 0}
        self.lows: dict[str, int] = {}
        # One row per column, one entry per form (forms 0 to len(forms) - 1 are filled;
        # doubled when full): a column of a batch's words is then one gather into a
        # contiguous array.
        self.table = np.empty((WIDTH, 1024))
        # Form 0 is the edge mark: it lends its neighbours the value of having none.
        self.table[: len(OWN), 0] = 0.0
        for k, (name, _) in enumerate(LENT, start=len(OWN)):
            self.table[k, 0] = self._contribution(name, np.array([NO_NEIGHBOUR]))[0]
        self.table[Z:, 0] = (0.0, -1.0, 0.0)

    def _add(self, forms: list[str]) -> None:
        """New forms' columns, a batch at a time (per form it was most of a first run's time)."""
        lows, values = shapes(forms)
        z = np.fromiter(map(self.zipf.get, lows, repeat(0.0)), dtype=np.float64, count=len(lows))
        have = len(self.forms)
        if have + len(forms) > self.table.shape[1]:
            grown = np.empty((WIDTH, max(have + len(forms), 2 * self.table.shape[1])))
            grown[:, :have] = self.table[:, :have]
            self.table = grown
        rows = self.table[:, have : have + len(forms)]
        rows[0] = self._contribution("zipf", z)
        for k, name in enumerate(SHAPE, start=1):
            rows[k] = self._contribution(name, values[:, k - 1])
        for k, (name, _) in enumerate(LENT, start=len(OWN)):
            rows[k] = self._contribution(name, z)
        rows[Z] = z
        rows[VOCAB] = np.fromiter(map(self.bigrams.index.get, lows, repeat(-1)), dtype=np.float64, count=len(lows))
        self.lows.update(zip(filterfalse(self.lows.__contains__, dict.fromkeys(lows)), count(len(self.lows))))
        rows[LOW] = np.fromiter(map(self.lows.__getitem__, lows), dtype=np.float64, count=len(lows))
        self.forms.update(zip(forms, range(have, have + len(forms))))

    def _ids(self, words: list[str]) -> np.ndarray:
        if len(self.forms) > MAX_FORMS:
            self._reset()
        ids = np.fromiter(map(self.forms.get, words, repeat(-1)), dtype=np.intp, count=len(words))
        new = np.flatnonzero(ids < 0).tolist()
        if new:
            unseen = list(map(words.__getitem__, new))
            self._add(list(dict.fromkeys(unseen)))
            ids[new] = list(map(self.forms.__getitem__, unseen))
        return ids

    def score(self, pieces: Sequence[tuple[str, str | None]]) -> Scored:
        """Each word's probability of sitting in an error span, pieces as ``document_features`` takes them."""
        if not self.exact:
            words = document_features(pieces, self.zipf, self.bigrams)
            contributions = self.additive.contributions(words.x)
            return Scored(words.text, words.piece, self.additive.logistic(contributions), contributions)
        # The words of all pieces in one row, each piece's between two edge marks (form ""),
        # with the gap before each (the edge mark after a piece carries the gap after its last
        # word): a word's neighbours are then plain offsets, and at least two edge marks
        # separate pieces, as far as the features look. ``re.split`` gives a piece's gaps and
        # words, alternately, as plain strings: no tuple per word.
        forms: list[str] = [""]
        gaps: list[str] = [""]
        starts: list[int] = []
        sourced: list[tuple[int, list[str], str, str]] = []
        split = GAP_WORD.split
        for p, (piece, source) in enumerate(pieces):
            parts = split(piece)
            words = parts[1::2]
            starts.append(len(forms))
            forms.append("")
            forms += words
            forms.append("")
            gaps.append("")
            gaps += parts[::2]
            if source:
                sourced.append((p, words, piece, source))
        forms.append("")
        gaps.append("")
        text = list(filter(None, forms))
        if not text:
            return Scored(text, np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros((0, len(NAMES))))
        piece_of, contributions = self._contributions(forms, gaps, starts, sourced)
        return Scored(text, piece_of, self.additive.logistic(contributions), contributions)

    def _contributions(self, padded, gap_list, starts, sourced) -> tuple[np.ndarray, np.ndarray]:
        c, step = COLUMN, self._contribution
        ids = self._ids(padded)
        table = self.table  # as ``_ids`` left it
        edge = ids == 0
        real = np.flatnonzero(~edge)
        n = len(real)
        size = np.add.reduceat(~edge, starts).astype(np.int64)  # words of each piece
        piece_of = np.repeat(np.arange(len(starts)), size)
        own = ids[real]
        # Filled a feature at a time into contiguous rows, turned into (words, features) once
        # at the end: a column at a time into a large (words, features) array crossed the
        # whole array for each feature (most of the time on a long document).
        out = np.empty((len(NAMES), n), dtype=np.float64)
        for k, name in enumerate(OWN):
            out[c[name]] = table[k][own]
        for k, (name, by) in enumerate(LENT, start=len(OWN)):
            out[c[name]] = table[k][ids[real - by]]

        # Word pairs t = (t, t + 1) along the row; a pair with an edge mark is no pair.
        z, vocab = table[Z][ids], table[VOCAB][ids]
        no_pair = edge[:-1] | edge[1:]
        left, right = vocab[:-1], vocab[1:]
        pair = self.bigrams.find(left, right)
        expected = (z[:-1] >= 4.0) & (z[1:] >= 4.0)
        known = np.where(no_pair, NO_NEIGHBOUR, np.where(pair > 0, 1.0, np.where(expected, 0.0, 0.5)))
        pair_x = np.where(no_pair, NO_NEIGHBOUR, pair)
        out[c["bigram_prev"]] = step("bigram_prev", pair_x)[real - 1]
        out[c["bigram_next"]] = step("bigram_next", pair_x)[real]
        out[c["pair_prev_known"]] = step("pair_prev_known", known)[real - 1]
        out[c["pair_next_known"]] = step("pair_next_known", known)[real]
        # A pair of two real words is in one piece: it counts for its first word's (the row
        # ends with an edge mark, so every real word starts a pair).
        unknown = np.bincount(piece_of, weights=(~no_pair & expected & (pair == 0.0))[real], minlength=len(starts))

        # Gaps: punctuation before and after a word, a sentence starting at it.
        gap = np.fromiter(map(self.gaps.__getitem__, gap_list), dtype=np.int64, count=len(gap_list))
        gap[real[np.append(True, piece_of[1:] != piece_of[:-1])]] |= 2
        out[c["punct_before"]] = self._flag("punct_before", gap[real] & 1)
        out[c["punct_after"]] = self._flag("punct_after", gap[real + 1] & 1)
        out[c["sentence_initial"]] = self._flag("sentence_initial", gap[real] >> 1)

        # A word its piece already had (as a lower-case form), unless common.
        z = z[real]
        key = piece_of * (len(self.lows) + 1) + table[LOW][own].astype(np.int64)
        order = key.argsort(kind="stable")
        repeated = np.zeros(n, dtype=np.int64)
        repeated[order[1:]] = key[order[1:]] == key[order[:-1]]
        out[c["repeated"]] = self._flag("repeated", repeated & (z < 5.0))

        # Sentences as a whole.
        counts = size.astype(np.float64)
        first_word = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
        out[c["position"]] = step("position", (np.arange(n) - first_word[piece_of]) / counts[piece_of])
        rare = np.bincount(piece_of, weights=(z < 3.0).astype(np.float64), minlength=len(counts))
        mean_z = np.bincount(piece_of, weights=z, minlength=len(counts)) / np.maximum(counts, 1)
        per_piece = {"sent_words": counts, "sent_mean_zipf": mean_z,
                     "sent_unknown_pairs": unknown / np.maximum(1, counts - 1),
                     "sent_rare_words": rare / np.maximum(counts, 1)}
        per_word = self._source_features(sourced, counts, n, per_piece)
        for name, column in per_word.items():
            out[c[name]] = column if isinstance(column, float) else step(name, column)
        for name, column in per_piece.items():
            out[c[name]] = step(name, column)[piece_of]
        return piece_of, out.T.copy()

    def _source_features(self, sourced, counts, n, per_piece) -> dict[str, np.ndarray | float]:
        """Numbers the source lacks or has, Latin words it has (as ``document_features``)."""
        if not sourced:  # the same values for every word: one look-up each
            return self.no_source
        missing = np.zeros(len(counts))
        has = np.zeros(len(counts))
        number = np.zeros(n)
        in_source = np.full(n, -1.0)
        first_word = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
        for p, forms, piece, source in sourced:
            src_numbers = _numbers(source) if DIGITS.search(source) else set()
            src_latin = {w.lower() for w in LATIN_WORD.findall(source)}
            at = int(first_word[p])
            shapes = [_shape(t) for t in forms]
            number[at : at + len(forms)] = [float(bool(s[3]) and not (_numbers(t) & src_numbers))
                                            for t, s in zip(forms, shapes)]
            in_source[at : at + len(forms)] = [float(s[0] in src_latin) for s in shapes]
            missing[p] = float(len(src_numbers - _numbers(piece))) if src_numbers else 0.0
            has[p] = 1.0
        per_piece["source_numbers_missing"] = missing
        per_piece["has_source"] = has
        return {"number_not_in_source": number, "in_source": in_source}

    def _contribution(self, name: str, x: np.ndarray) -> np.ndarray:
        f = COLUMN[name]
        return self.additive.values[f][self.additive.cuts[f].searchsorted(x)]

    def _flag(self, name: str, on: np.ndarray) -> np.ndarray:
        """The contribution of a 0/1 feature, from its two values."""
        return self.flags[name][on.astype(np.intp)]
