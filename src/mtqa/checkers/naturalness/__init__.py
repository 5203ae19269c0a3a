"""The naturalness checker: word runs a model trained on human-labelled MT errors finds unlikely.

Rules catch what someone wrote down; this checker learns from labelled machine translation
which words tend to sit inside an error span (rare words, word pairs English news does not
use, numbers the source lacks) and flags runs of such words. The model is an additive
model of boosted stumps (``additive.py``), scored fast by ``scorer.py`` and built by
``scripts/build_naturalness_model.py``; its measured
precision, recall and false alarms on human English are in ``docs/naturalness.md``.

Each aligned unit with a source is scored with its source; without one, each sentence is
scored alone. A finding's confidence is the calibrated share of such findings that were
right on held-back data; only findings at or above ``min_confidence`` are reported (the
model's default keeps false alarms on human news near one per 1,000 words; lower it for a
reviewer's recall mode). A capitalised word the document uses more than once is never
flagged: most false alarms on human news are rare names, and an article that repeats a
name means it. A finding spans its flagged words and the word on either side
(``spans.py``). The codes, their categories and severities are data
(``checkers/codes/naturalness.yml``): MTQA-NAT-001 is always minor, however confident,
because the few findings left on human news are rare names (measured in the docs).
"""

from __future__ import annotations

import math
import os
import sys
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache, cached_property, reduce
from importlib import resources
from itertools import accumulate
from operator import add
from pathlib import Path
from typing import TYPE_CHECKING

from mtqa.checkers.base import Checker, CheckerUnavailable
from mtqa.model import Applicability, Document, Finding

if TYPE_CHECKING:  # the model loads on first use, once per process: `mtqa check` on a bad file exits fast
    from mtqa.checkers.naturalness.compact import Compact
    from mtqa.checkers.naturalness.scorer import Scorer
    from mtqa.checkers.naturalness.spans import Run

NAME = "naturalness"
UNNATURAL = "MTQA-NAT-001"
MODEL_FILE = "naturalness.npz"
MODES = {"precise": "default_min_confidence", "recall": "recall_min_confidence"}


@cache
def _load(path: str) -> Compact:
    from mtqa.checkers.naturalness.compact import load

    return load(Path(path))


# OpenBLAS's thread-count variables, in the order it reads them.
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")


def import_numpy():
    """numpy, imported with a one-thread BLAS unless the user chose a number of threads.

    Only a model file's first use reads it with numpy (``compact.py``). This checker does no
    linear algebra, but the OpenBLAS that numpy's wheels bundle starts a pool of threads as
    numpy is imported, and they poll for work for a while: importing numpy in a run took
    0.09-0.10 s of CPU with the pool and 0.05 s without it, on two cores
    (docs/naturalness.md). OpenBLAS reads the setting once, as it loads; the environment is
    put back at once, so nothing this process starts inherits it.
    """
    if "numpy" not in sys.modules and not any(name in os.environ for name in BLAS_THREADS):
        os.environ[BLAS_THREADS[0]] = "1"
        try:
            import numpy

            return numpy
        finally:
            del os.environ[BLAS_THREADS[0]]
    import numpy

    return numpy


def default_model_path() -> Path:
    return Path(str(resources.files(__name__).joinpath(MODEL_FILE)))


class NaturalnessChecker(Checker):
    name = NAME

    def __init__(self, settings) -> None:
        super().__init__(settings)
        self.path = self.options["model"] or str(default_model_path())
        self.mode = self.options["mode"]
        if self.mode not in MODES:
            raise CheckerUnavailable(f"naturalness: unknown mode {self.mode!r}; expected one of: {', '.join(MODES)}")
        if not Path(self.path).is_file():
            raise CheckerUnavailable(f"naturalness: {self.path}: model file not found "
                                     "(build it with scripts/build_naturalness_model.py)")
        self.chosen = self.options["min_confidence"]

    @cached_property
    def model(self) -> Compact:
        """Loaded on first use, once per process (`_load`): a run that checks nothing pays nothing."""
        from mtqa.checkers.naturalness.compact import ModelError

        try:
            return _load(self.path)
        except ModelError as exc:
            raise CheckerUnavailable(f"naturalness: {exc}") from None

    @cached_property
    def zipf(self) -> dict[str, float]:
        from mtqa import wordlists

        return wordlists.english_zipf()

    @cached_property
    def scorer(self) -> Scorer:
        from mtqa.checkers.naturalness.scorer import Scorer

        return Scorer(self.model, self.zipf)

    @property
    def min_confidence(self) -> float:
        return self.chosen if self.chosen > 0 else float(self.model.header[MODES[self.mode]])

    def describe(self) -> dict:
        """Without loading the model when nothing was checked (an early exit stays fast)."""
        loaded = "model" in self.__dict__
        return {"model": self.model.header.get("version") if loaded else Path(self.path).name, "mode": self.mode,
                "min_confidence": round(self.min_confidence, 3) if loaded else self.chosen or None}

    def check(self, document: Document) -> Iterator[Finding]:
        return iter(self.check_batch([document])[0])

    def check_batch(self, documents: Sequence[Document]) -> list[list[Finding]]:
        """All pieces of all documents scored in one call, then each document's words judged on their own."""
        pieces = [_pieces(document) for document in documents]
        texts = [(text[start:end], source) for document, own in zip(documents, pieces)
                 for text in (document.analysis_text,) for start, end, source in own]
        found: list[list[Finding]] = [[] for _ in documents]
        threshold, model = self.min_confidence, self.model
        scored = self.scorer.score(texts, model.floor(threshold))
        hits: dict[int, dict[int, tuple[float, tuple[float, ...]]]] = {}  # piece -> word -> confidence, contributions
        for candidate in scored.candidates:
            confidence = model.calibrate(_logistic(candidate.log_odds))
            if confidence >= threshold:
                hits.setdefault(candidate.piece, {})[candidate.word] = (confidence, candidate.contributions)
        if not hits:
            return found
        first_piece = [0, *accumulate(map(len, pieces))]
        for d in sorted({bisect_right(first_piece, p) - 1 for p in hits}):
            p, q = first_piece[d], first_piece[d + 1]
            found[d] = list(self._judge(documents[d], pieces[d], texts[p:q], scored.words[p:q],
                                        {k - p: v for k, v in hits.items() if p <= k < q}))
        return found

    def _judge(self, document: Document, pieces: list[tuple[int, int, str | None]], texts: list[tuple[str, str | None]],
               words: list[list[str]], hits: dict[int, dict[int, tuple[float, tuple[float, ...]]]]) -> Iterator[Finding]:
        """One document's findings from its pieces' words and the flagged ones (``hits``: piece ->
        word in it -> its confidence and what each feature added to its score)."""
        from mtqa.checkers.naturalness.forms import tokens
        from mtqa.checkers.naturalness.spans import runs_of

        threshold = self.min_confidence
        first_word = [0, *accumulate(map(len, words))]
        text_of = [w for own in words for w in own]
        piece_of = [p for p, own in enumerate(words) for _ in own]
        confidence = {first_word[p] + i: c for p in sorted(hits) for i, (c, _) in sorted(hits[p].items())}
        contributions = {first_word[p] + i: push for p in hits for i, (_, push) in hits[p].items()}
        capitalised = [i for i in confidence if text_of[i][:1].isupper()]
        if capitalised:
            names = Counter(text_of)  # counted in C; a capitalised word's count is its count as a name
            # A name the article repeats is the name it means, however rare.
            for i in capitalised:
                if names[text_of[i]] > 1:
                    confidence[i] = 0.0
            for i in _in_source([i for i in capitalised if confidence[i] >= threshold], text_of, piece_of, texts,
                                document.source_lang):
                confidence[i] = 0.0
        flagged = {i: c for i, c in confidence.items() if c >= threshold}
        # Offsets only for the pieces with flagged words.
        start, end = {}, {}
        for p in sorted({piece_of[i] for i in flagged}):
            for i, (a, b, _) in enumerate(tokens(texts[p][0]), start=first_word[p]):
                start[i], end[i] = a, b
        text = document.analysis_text
        for run in runs_of(flagged, piece_of, start, end):
            own = [i for i in range(run.first, run.last + 1) if i in flagged]
            offset = pieces[run.piece][0]
            words_flagged = text[offset + start[own[0]] : offset + end[own[-1]]]
            yield self._finding(document, offset, run, words_flagged, [contributions[i] for i in own])

    def _finding(self, document: Document, offset: int, run: Run, flagged: str, push: list[tuple[float, ...]]) -> Finding:
        """``flagged`` and ``push``: the run's flagged words and their features' contributions
        (not the words it was widened by)."""
        start, end = run.start + offset, run.end + offset
        return self.finding(document, UNNATURAL, start, end, self._why(flagged, push),
                            confidence=round(float(run.confidence), 3), applicability=Applicability.DISPLAY_ONLY)

    def _why(self, span: str, contributions: list[tuple[float, ...]]) -> str:
        """The cue that pushed the run's words most towards an error, in words a reviewer can check."""
        from mtqa.checkers.naturalness.forms import NAMES

        push = [reduce(add, column) for column in zip(*contributions)]  # word after word, as numpy sums them
        # A cue about the words themselves says more than one about the whole sentence.
        word_level = [i for i, name in enumerate(NAMES) if name not in SENTENCE_CUES]
        best = max(word_level, key=push.__getitem__)
        cue = NAMES[best if push[best] > 0 else max(range(len(push)), key=push.__getitem__)]
        return f"'{span}' reads like machine translation: {CUES.get(cue, 'its words resemble spans reviewers marked as errors')}"


def _logistic(log_odds: float) -> float:
    try:
        return 1.0 / (1.0 + math.exp(-log_odds))
    except OverflowError:
        return 0.0


def _in_source(words: list[int], text_of: list[str], piece_of: list[int], texts: list[tuple[str, str | None]],
               lang: str | None = None) -> list[int]:
    """The capitalised words whose piece's source spells them (romanised, as the grammar
    checker reads names): "a name to check against the source" that the source confirms.
    On WMT 2022/2023 human references with their sources, 90 of this checker's 242 findings
    were such names; on zh-en newstest2021 reviewers had marked a third of them (docs)."""
    if not words:
        return []
    from mtqa.checkers.bilingual.transliteration import source_names

    read: dict[int, object] = {}
    confirmed = []
    for i in words:
        p = piece_of[i]
        source = texts[p][1]
        if not source:
            continue
        if p not in read:
            read[p] = source_names(source, lang)
        neighbours = tuple(text_of[j] for j in (i - 1, i + 1)
                           if 0 <= j < len(text_of) and piece_of[j] == p and text_of[j][:1].isupper())
        if read[p].contains(text_of[i], neighbours):
            confirmed.append(i)
    return confirmed


def _pieces(document: Document) -> list[tuple[int, int, str | None]]:
    """What is scored as one piece: each aligned unit with its source, else each sentence alone."""
    pieces = [(u.start, u.end, u.source) for u in document.units if u.source] if document.has_source else []
    return pieces or [(s.start, s.end, None) for s in document.sentences]


SENTENCE_CUES = frozenset({"sent_words", "sent_mean_zipf", "sent_unknown_pairs", "sent_rare_words",
                           "source_numbers_missing", "has_source", "position"})

# What each feature means when it is the strongest push towards "error".
CUES = {
    "zipf": "a word that is rare in English news",
    "zipf_prev": "the word before it is rare in English news",
    "zipf_next": "the word after it is rare in English news",
    "zipf_prev2": "it sits among rare words",
    "zipf_next2": "it sits among rare words",
    "bigram_prev": "the word pair it ends is rare or absent in English news",
    "bigram_next": "the word pair it starts is rare or absent in English news",
    "pair_prev_known": "two common words English news rarely puts together",
    "pair_next_known": "two common words English news rarely puts together",
    "capitalised": "a capitalised word (a name to check against the source)",
    "all_caps": "an all-capitals word",
    "length": "an unusually long word",
    "suffix": "a word form reviewers often marked",
    "repeated": "a word repeated in the sentence",
    "non_ascii": "letters outside English",
    "sent_words": "the sentence as a whole reads like MT errors",
    "sent_mean_zipf": "the sentence as a whole uses rare words",
    "sent_unknown_pairs": "the sentence has many word pairs English news does not use",
    "sent_rare_words": "the sentence has many rare words",
    "source_numbers_missing": "the source has numbers this sentence lacks",
    "number_not_in_source": "a number the source does not have",
}
