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

import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from mtqa.checkers.base import Checker, CheckerUnavailable
from mtqa.model import Applicability, Document, Finding

if TYPE_CHECKING:  # numpy and the model load on first use, once per process: `mtqa check` on a bad file exits fast
    import numpy as np

    from mtqa.checkers.naturalness.additive import Model
    from mtqa.checkers.naturalness.scorer import Scorer
    from mtqa.checkers.naturalness.spans import Run

NAME = "naturalness"
UNNATURAL = "MTQA-NAT-001"
MODEL_FILE = "naturalness.npz"
MODES = {"precise": "default_min_confidence", "recall": "recall_min_confidence"}


@cache
def _load(path: str) -> Model:
    import_numpy()
    from mtqa.checkers.naturalness.additive import load

    return load(Path(path))


# OpenBLAS's thread-count variables, in the order it reads them.
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")


def import_numpy():
    """numpy, imported with a one-thread BLAS unless the user chose a number of threads.

    This checker does no linear algebra, but the OpenBLAS that numpy's wheels bundle starts
    a pool of threads as numpy is imported, and they poll for work for a while: importing
    numpy in a run took 0.09-0.10 s of CPU with the pool and 0.05 s without it, on two
    cores (docs/naturalness.md). OpenBLAS reads the setting once, as it loads; the
    environment is put back at once, so nothing this process starts inherits it.
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
    def model(self) -> Model:
        """Loaded on first use, once per process (`_load`): a run that checks nothing pays nothing."""
        from mtqa.checkers.naturalness.additive import ModelError

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
        """All pieces of all documents scored in one call (most of a call's cost is the same
        however few words it scores), then each document's words judged on their own."""
        np = import_numpy()

        pieces = [_pieces(document) for document in documents]
        texts = [(text[start:end], source) for document, own in zip(documents, pieces)
                 for text in (document.analysis_text,) for start, end, source in own]
        found: list[list[Finding]] = [[] for _ in documents]
        words = self.scorer.score(texts)
        if not words.text:
            return found
        confidence = self.model.calibrate(words.probability)
        hit = confidence >= self.min_confidence
        if not hit.any():
            return found
        first_piece = np.cumsum([0] + [len(own) for own in pieces])
        first_word = np.concatenate([[0], np.cumsum(np.bincount(words.piece, minlength=len(texts)))])
        for d in sorted(set((first_piece.searchsorted(words.piece[hit], side="right") - 1).tolist())):
            (p, q), (v, w) = first_piece[d : d + 2], first_word[first_piece[d : d + 2]]
            found[d] = list(self._judge(documents[d], pieces[d], texts[p:q], words.text[v:w], words.piece[v:w] - p,
                                        confidence[v:w].copy(), words.contributions[v:w]))
        return found

    def _judge(self, document: Document, pieces: list[tuple[int, int, str | None]], texts: list[tuple[str, str | None]],
               text_of: list[str], piece_of: np.ndarray, confidence: np.ndarray, contributions: np.ndarray
               ) -> Iterator[Finding]:
        """One document's findings from its words' confidences (``piece_of``: each word's piece in
        ``pieces``; ``contributions``: what each feature added to each word's score)."""
        import numpy as np

        from mtqa.checkers.naturalness.features import tokens
        from mtqa.checkers.naturalness.spans import runs

        threshold = self.min_confidence
        hits = np.flatnonzero(confidence >= threshold)
        capitalised = [i for i in hits.tolist() if text_of[i][:1].isupper()]
        if capitalised:
            names = Counter(text_of)  # counted in C; a capitalised word's count is its count as a name
            # A name the article repeats is the name it means, however rare.
            confidence[[i for i in capitalised if names[text_of[i]] > 1]] = 0.0
            confidence[_in_source([i for i in capitalised if confidence[i] >= threshold], text_of, piece_of, texts)] = 0.0
        # Offsets only for the pieces with flagged words.
        first_word = np.concatenate([[0], np.cumsum(np.bincount(piece_of, minlength=len(pieces)))])
        start, end = [0] * len(text_of), [0] * len(text_of)
        for p in sorted(set(piece_of[confidence >= threshold].tolist())):
            at = int(first_word[p])
            for i, (a, b, _) in enumerate(tokens(texts[p][0]), start=at):
                start[i], end[i] = a, b
        text = document.analysis_text
        for run in runs(piece_of, start, end, confidence, threshold):
            flagged = [i for i in range(run.first, run.last + 1) if confidence[i] >= threshold]
            offset = pieces[run.piece][0]
            words_flagged = text[offset + start[flagged[0]] : offset + end[flagged[-1]]]
            yield self._finding(document, offset, run, words_flagged, contributions[flagged])

    def _finding(self, document: Document, offset: int, run: Run, flagged: str, push: np.ndarray) -> Finding:
        """``flagged`` and ``push``: the run's flagged words and their features' contributions
        (not the words it was widened by)."""
        start, end = run.start + offset, run.end + offset
        return self.finding(document, UNNATURAL, start, end, self._why(flagged, push),
                            confidence=round(float(run.confidence), 3), applicability=Applicability.DISPLAY_ONLY)

    def _why(self, span: str, contributions: np.ndarray) -> str:
        """The cue that pushed the run's words most towards an error, in words a reviewer can check."""
        from mtqa.checkers.naturalness.features import NAMES

        push = contributions.sum(axis=0)
        # A cue about the words themselves says more than one about the whole sentence.
        word_level = [i for i, name in enumerate(NAMES) if name not in SENTENCE_CUES]
        best = max(word_level, key=lambda i: push[i])
        cue = NAMES[best if push[best] > 0 else int(push.argmax())]
        return f"'{span}' reads like machine translation: {CUES.get(cue, 'its words resemble spans reviewers marked as errors')}"


def _in_source(words: list[int], text_of: list[str], piece_of: np.ndarray, texts: list[tuple[str, str | None]]
               ) -> list[int]:
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
        p = int(piece_of[i])
        source = texts[p][1]
        if not source:
            continue
        if p not in read:
            read[p] = source_names(source)
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
