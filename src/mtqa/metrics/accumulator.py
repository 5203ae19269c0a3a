"""Run-wide corpus metrics as sums of sacrebleu's sufficient statistics.

BLEU, chrF and TER are each a function of per-segment counts summed over the corpus
(sacrebleu's own ``corpus_score`` sums them the same way), so a run keeps one short
vector per metric instead of every hypothesis and reference: memory stays flat however
many documents stream through. The pipeline owns one accumulator per run; a checker only
adds a document's statistics to it.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from typing import Any

CHUNK = 50


def _sum(rows: list[list]) -> list:
    return [sum(column) for column in zip(*rows)]


def _forget_tokenised() -> None:
    """Empty sacrebleu's tokeniser caches (``lru_cache``, 65,536 inputs each): across
    documents they only miss, yet would hold ~60 MB of the run's segments per process."""
    for name, module in list(sys.modules.items()):
        if name.startswith("sacrebleu.tokenizers."):
            for value in vars(module).values():
                clear = getattr(getattr(value, "__call__", None), "cache_clear", None) if isinstance(value, type) else None
                if clear is not None:
                    clear()


class MetricsAccumulator:
    """Thread-safe: `mtqa serve` checks documents in several threads at once, and each
    thread's ``take_document`` must get the scores of the document that thread added."""

    def __init__(self) -> None:
        self._metrics: dict[str, Any] = {}
        self._run: dict[str, list] = {}
        self._lock = threading.Lock()
        self._local = threading.local()

    @property
    def _document(self) -> dict[str, dict[str, Any]]:
        """Scores of the document this thread added last."""
        if not hasattr(self._local, "document"):
            self._local.document = {}
        return self._local.document

    def add(self, names: Sequence[str], hypotheses: list[str], references: list[str]) -> None:
        """Add one document's aligned segments; its own scores wait for ``take_document``."""
        from mtqa.metrics.scores import make_metric  # sacrebleu loads only for runs with a reference

        for name in names:
            with self._lock:
                metric = self._metrics.get(name) or self._metrics.setdefault(name, make_metric(name))
            # In chunks: sacrebleu caches the n-grams of every reference it is given at once.
            stats = _sum([_sum(metric._extract_corpus_statistics(hypotheses[i:i + CHUNK], [references[i:i + CHUNK]]))
                          for i in range(0, len(hypotheses), CHUNK)])
            with self._lock:
                run = self._run.get(name)
                self._run[name] = stats if run is None else _sum([run, stats])
            self._document[name] = self._score(name, stats)
        _forget_tokenised()

    def take_document(self) -> dict[str, dict[str, Any]]:
        """Scores of the document added since the last call (empty when none was)."""
        scores, self._local.document = self._document, {}
        return scores

    def state(self) -> dict[str, list]:
        """The run's summed statistics, to be merged into another process's accumulator."""
        return {name: list(stats) for name, stats in self._run.items()}

    def merge(self, state: dict[str, list]) -> None:
        """Add statistics another process summed (a `--jobs` worker, a Dask worker)."""
        from mtqa.metrics.scores import make_metric

        for name, stats in state.items():
            metric = self._metrics.setdefault(name, make_metric(name))
            if not hasattr(metric, "num_refs"):
                metric.num_refs = 1  # what `add` gives sacrebleu: one reference a segment (its signature says so)
            run = self._run.get(name)
            self._run[name] = list(stats) if run is None else _sum([run, stats])

    def corpus(self) -> dict[str, dict[str, Any]]:
        """Scores over every segment added in this run, as if scored in one call."""
        return {name: self._score(name, stats) for name, stats in self._run.items()}

    def _score(self, name: str, stats: list) -> dict[str, Any]:
        metric = self._metrics[name]
        return {"score": round(metric._compute_score_from_stats(stats).score, 4),
                "signature": str(metric.get_signature())}
