"""A batch's word log-odds, exactly, for only the words that can reach the reporting threshold.

The model is additive (``additive.py``): a word's log-odds is the sum of one step function
per feature, so it is at most what the features known so far add plus the largest value
each other feature can add. The scorer bounds every word from what is cheapest first and
scores exactly only the words whose bound reaches the threshold's log-odds (``floor``):

1. per sentence, from its word forms alone: what a form adds itself (its Zipf value and
   capital, computed once per process) and the sentence totals (its length, mean Zipf
   value, share of rare words). A sentence none of whose words can reach the floor is done,
   and about half are; in the rest, a word's position (which only grows along the
   sentence) is added;
2. per word that got past, what its neighbours lend it, whether it starts a sentence, and
   the rest of its shape;
3. those are scored exactly, first without the sentence's share of unknown word pairs
   (at its largest), then with it: word pairs, punctuation, repeats, the source.

On a WMT 2022 ru-en system output (2,029 sentences, 34,000 words) 125 words in 92
sentences reach step 3, and 90 are scored to the end, 40 of them at or above the threshold.

No numpy: a run over short documents spent more on importing numpy than on scoring. The
feature rows (``features.document_features``) are still the definition: the build script
trains on them, and a test holds every word's contributions and log-odds exactly equal to
theirs (the sum is taken in numpy's order, so not even the last bit differs) and the words
this scorer passes over below the floor.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import reduce
from operator import add
from typing import NamedTuple

from mtqa.checkers.naturalness.compact import Compact
from mtqa.checkers.naturalness.forms import (COLUMN, DIGITS, LATIN_WORD, N_FEATURES, NO_NEIGHBOUR, SENTENCE_END,
                                             WORD, _lower, _numbers, _shape)

# Split on: a piece's gaps and words, alternately (no word can start inside a gap): one C
# call per piece.
GAP_WORD = re.compile(f"({WORD.pattern})")
# The same on text without "_": there ``[^\W_]`` is ``\w``, which the regex engine matches
# faster (a tenth less time for a split).
GAP_WORD_NO_UNDERSCORE = re.compile(GAP_WORD.pattern.replace("[^\\W_]", "\\w"))
assert GAP_WORD_NO_UNDERSCORE.pattern != GAP_WORD.pattern
OWN = tuple(COLUMN[n] for n in ("zipf", "capitalised", "all_caps", "has_digit", "length", "suffix", "non_ascii"))
LENT = tuple(COLUMN[n] for n in ("zipf_prev", "zipf_next", "zipf_prev2", "zipf_next2"))
SENTENCE = tuple(COLUMN[n] for n in ("sent_words", "sent_mean_zipf", "sent_rare_words"))
SOURCE = tuple(COLUMN[n] for n in ("number_not_in_source", "source_numbers_missing", "has_source", "in_source"))
NO_SOURCE = (0.0, 0.0, 0.0, -1.0)  # their values for a piece without a source
# Not known before the exact step: word pairs, punctuation, repeats, the share of unknown pairs.
LATE = tuple(COLUMN[n] for n in ("bigram_prev", "bigram_next", "pair_prev_known", "pair_next_known", "repeated",
                                 "punct_before", "punct_after", "sent_unknown_pairs"))
BY_POSITION = tuple(COLUMN[n] for n in ("position", "sentence_initial"))
MARGIN = 1e-9  # bounds are summed in another order than the exact sum: far more than its rounding
MAX_FORMS = 200_000  # bounded, like the shape cache: a stream of odd tokens starts the tables afresh


class Candidate(NamedTuple):
    piece: int
    word: int  # its index among its piece's words
    log_odds: float
    contributions: tuple[float, ...]  # what each feature (``NAMES`` order) added to its log-odds


class Scored(NamedTuple):
    words: list[list[str]]  # each piece's words
    candidates: list[Candidate]  # in reading order: every word whose log-odds reaches the floor, maybe more


class _Gaps(dict):
    """Gap text -> 1 if it holds punctuation, | 2 if it ends a sentence."""

    def __missing__(self, gap: str) -> int:
        stripped = gap.strip()
        code = self[gap] = int(bool(stripped)) | (2 * (stripped[-1:] in SENTENCE_END))
        return code


def pairwise_sum(values: Sequence[float]) -> float:
    """``numpy.add.reduce`` of a contiguous row of up to 128 floats, in its order (eight running sums)."""
    n = len(values)
    if n < 8:
        return reduce(add, values, 0.0)
    r = list(values[:8])
    i = 8
    while i < n - n % 8:
        for j in range(8):
            r[j] += values[i + j]
        i += 8
    total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
    for value in values[i:]:
        total += value
    return total


class Scorer:
    """One per model and word table; what it learns about word forms it keeps."""

    def __init__(self, model: Compact, zipf) -> None:
        self.model, self.zipf = model, zipf
        top = [max(values) for values in model.values]
        step = model.step
        self.late = sum(top[f] for f in LATE)
        self.unknown_most = top[COLUMN["sent_unknown_pairs"]]
        self.by_position = sum(top[f] for f in BY_POSITION)
        self.lent_most = sum(top[f] for f in LENT)
        self.source_most = sum(top[f] for f in SOURCE)
        self.no_source_sum = sum(step(f, x) for f, x in zip(SOURCE, NO_SOURCE))
        self.edge = tuple(step(f, NO_NEIGHBOUR) for f in LENT)
        # A form's own bound: its Zipf value's and capital's values, its other shape features at their largest.
        self.capital = (step(COLUMN["capitalised"], 0.0), step(COLUMN["capitalised"], 1.0))
        self.shape_most = sum(top[f] for f in OWN[2:])
        self.initial = (step(COLUMN["sentence_initial"], 0.0), step(COLUMN["sentence_initial"], 1.0))
        self.initial_most = max(self.initial)
        self.gaps = _Gaps()
        self.positions: dict[int, list[float]] = {}  # words in a piece -> what each one's position adds
        # Zipf value (hundredths: a few hundred) -> what it adds itself, and lends the words around it (``LENT``).
        self.by_zipf: dict[float, tuple[float, tuple[float, ...]]] = {}
        self._reset()

    def _reset(self) -> None:
        self.own: dict[str, float] = {}  # form -> the most its Zipf value and shape can add
        self.z: dict[str, float] = {}  # form -> Zipf value of its lower-case form
        self.shapes: dict[str, float] = {}  # form -> ``_shape_value``

    def _add(self, forms: Sequence[str]) -> tuple[dict[str, float], dict[str, float]]:
        """Every form of one piece in the tables (started afresh first when they are full)."""
        if len(self.own) > MAX_FORMS:
            self._reset()
        own, z, by_zipf, get, step = self.own, self.z, self.by_zipf, self.zipf.get, self.model.step
        capital, shape_most = self.capital, self.shape_most
        for form in forms:
            if form not in own:
                z[form] = value = get(form.lower().replace("’", "'"), 0.0)  # forms._lower
                known = by_zipf.get(value)
                if known is None:
                    known = by_zipf[value] = (step(OWN[0], value), tuple(step(f, value) for f in LENT))
                own[form] = known[0] + capital[form[:1].isupper()] + shape_most
        return own, z

    def _shape_value(self, form: str) -> float:
        """What a form's shape adds besides its capital (all capitals, digits, length, suffix, letters)."""
        value = self.shapes.get(form)
        if value is None:
            value = self.shapes[form] = sum(self.model.step(f, x) for f, x in zip(OWN[2:], _shape(form)[2:]))
        return value

    def _positions(self, n: int) -> list[float]:
        at, values = self.model.cuts[COLUMN["position"]], self.model.values[COLUMN["position"]]
        found = self.positions[n] = [values[bisect_left(at, i / n)] for i in range(n)]
        return found

    def score(self, pieces: Sequence[tuple[str, str | None]], floor: float) -> Scored:
        """Each (text, source) piece's words, and the exact log-odds of those that may reach ``floor``."""
        split, fast, gaps = GAP_WORD.split, GAP_WORD_NO_UNDERSCORE.split, self.gaps
        own, zs_of = self.own, self.z
        (words_at, by_words), (mean_at, by_mean), (rare_at, by_rare) = (
            (self.model.cuts[f], self.model.values[f]) for f in SENTENCE)
        edge, initial, positions, by_zipf = self.edge, self.initial, self.positions, self.by_zipf
        initial_most = self.initial_most
        # Step 1 below: the words' own values and the sentence's, every other feature at its largest.
        late = floor - self.late - MARGIN
        unknown = {True: self.source_most, False: self.no_source_sum}
        words_of: list[list[str]] = []
        candidates: list[Candidate] = []
        for p, (piece, source) in enumerate(pieces):
            parts = fast(piece) if "_" not in piece else split(piece)
            words = parts[1::2]
            words_of.append(words)
            n = len(words)
            if not n:
                continue
            us = list(map(own.get, words))
            if None in us:
                own, zs_of = self._add(words)
                us = list(map(own.__getitem__, words))
            zs = list(map(zs_of.__getitem__, words))
            cut = late - (by_words[bisect_left(words_at, n)] + by_mean[bisect_left(mean_at, reduce(add, zs, 0.0) / n)]
                          + by_rare[bisect_left(rare_at, sum(map((3.0).__gt__, zs)) / n)] + unknown[bool(source)])
            early = cut - self.by_position - self.lent_most
            if max(us) < early:
                continue
            # Step 2: the position (it only grows along the sentence), then what the neighbours lend,
            # for the words that got past.
            position = positions.get(n) or self._positions(n)
            early = cut - self.initial_most - self.lent_most
            exact = []
            for i in [i for i, u, q in zip(range(n), us, position) if u + q >= early]:
                bound = (us[i] + position[i] + initial[gaps[parts[2 * i]] >> 1 if i else 1]
                         + (by_zipf[zs[i - 1]][1][0] if i else edge[0])
                         + (by_zipf[zs[i + 1]][1][1] if i + 1 < n else edge[1])
                         + (by_zipf[zs[i - 2]][1][2] if i > 1 else edge[2])
                         + (by_zipf[zs[i + 2]][1][3] if i + 2 < n else edge[3]))
                if bound >= cut and bound + self._shape_value(words[i]) - self.shape_most >= cut:  # shape last
                    exact.append(i)
            if exact:
                candidates += self._exact(p, piece, parts, zs, source, exact, floor)
        return Scored(words_of, candidates)

    def _exact(self, p: int, piece: str, parts: list[str], zs: list[float], source: str | None,
               which: list[int], floor: float) -> list[Candidate]:
        """The exact contributions of words ``which`` of one piece, as ``features.document_features``
        rows give them, for those that reach ``floor`` with the share of unknown pairs at its
        largest (that share needs every pair of the piece looked up)."""
        model, step, gaps, pair = self.model, self.model.step, self.gaps, self.model.pairs.pair
        c = COLUMN
        words = parts[1::2]
        n = len(words)
        lows = list(map(_lower, words))
        pairs: dict[int, float] = {}  # j -> the pair (j, j + 1)
        piece_x = {c["sent_words"]: float(n), c["sent_mean_zipf"]: reduce(add, zs, 0.0) / n,
                   c["sent_rare_words"]: sum(z < 3.0 for z in zs) / n}
        if source:
            src_numbers = _numbers(source) if DIGITS.search(source) else set()
            src_latin = {w.lower() for w in LATIN_WORD.findall(source)}
            piece_x[c["source_numbers_missing"]] = float(len(src_numbers - _numbers(piece))) if src_numbers else 0.0
            piece_x[c["has_source"]] = 1.0
        rows = []
        for i in which:
            s = _shape(words[i])
            x = [0.0] * N_FEATURES
            x[c["zipf"]] = zs[i]
            x[c["zipf_prev"]] = zs[i - 1] if i >= 1 else NO_NEIGHBOUR
            x[c["zipf_next"]] = zs[i + 1] if i + 1 < n else NO_NEIGHBOUR
            x[c["zipf_prev2"]] = zs[i - 2] if i >= 2 else NO_NEIGHBOUR
            x[c["zipf_next2"]] = zs[i + 2] if i + 2 < n else NO_NEIGHBOUR
            for j, name, known in ((i - 1, "bigram_prev", "pair_prev_known"), (i, "bigram_next", "pair_next_known")):
                if 0 <= j < n - 1:
                    value = pairs[j] = pairs[j] if j in pairs else pair(lows[j], lows[j + 1])
                    x[c[name]] = value
                    x[c[known]] = 1.0 if value > 0 else 0.0 if zs[j] >= 4.0 and zs[j + 1] >= 4.0 else 0.5
                else:
                    x[c[name]] = x[c[known]] = NO_NEIGHBOUR
            for name, value in zip(("capitalised", "all_caps", "has_digit", "length", "suffix", "non_ascii"), s[1:]):
                x[c[name]] = value
            before, after = gaps[parts[2 * i]], gaps[parts[2 * i + 2]]
            x[c["sentence_initial"]] = 1.0 if i == 0 else float(before >> 1)
            x[c["punct_before"]] = float(before & 1)
            x[c["punct_after"]] = float(after & 1)
            x[c["position"]] = i / n
            x[c["repeated"]] = float(lows[i] in lows[:i] and zs[i] < 5.0)
            for f, value in piece_x.items():
                x[f] = value
            if source:
                x[c["number_not_in_source"]] = float(bool(s[3]) and not (_numbers(words[i]) & src_numbers))
                x[c["in_source"]] = float(lows[i] in src_latin)
            else:
                for f, value in zip(SOURCE, NO_SOURCE):
                    x[f] = value
            contributions = [step(f, value) for f, value in enumerate(x)]
            contributions[c["sent_unknown_pairs"]] = self.unknown_most  # at its largest, for now
            if sum(contributions) + model.bias >= floor - MARGIN:
                rows.append((i, contributions))
        if not rows:
            return []
        # Word pairs English news uses often enough that a pair of common words it lacks says something.
        unknown = 0
        for j in range(n - 1):
            if zs[j] >= 4.0 and zs[j + 1] >= 4.0:
                unknown += (pairs[j] if j in pairs else pair(lows[j], lows[j + 1])) == 0.0
        share = step(c["sent_unknown_pairs"], unknown / max(1, n - 1))
        found = []
        for i, contributions in rows:
            contributions[c["sent_unknown_pairs"]] = share
            found.append(Candidate(p, i, pairwise_sum(contributions) + model.bias, tuple(contributions)))
        return found
