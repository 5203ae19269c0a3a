"""Scores a translation against a human reference and flags its worst segments.

Per-segment chrF (sacrebleu) is the signal: it is robust on single sentences where BLEU
is not. A segment is flagged as a *possible* mistranslation only when it is both among the
worst of its document and below an absolute score, so a uniformly good translation gets no
findings and a uniformly bad one does not get a finding on every line. Corpus BLEU, chrF
and TER with their sacrebleu signatures go to the document's metrics and, summed over all
documents, to the report's.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator

from mtqa.checkers.base import Checker
from mtqa.metrics.scores import METRICS, make_metric, sentence_chrf
from mtqa.model import Document, Finding, RuleInfo, Severity

RULE = "MTQA-REF-001"


def _aligned(document: Document) -> list[tuple[int, int, str]]:
    """(start, end, reference) of every segment that has a reference."""
    if document.units:
        return [(u.start, u.end, u.reference) for u in document.units if u.reference is not None]
    from mtqa.readers.lines import line_spans

    references = (document.reference_text or "").split("\n")
    spans = line_spans(document.text)
    if len(spans) != len(references):
        return []
    return [(s, e, r) for (s, e), r in zip(spans, references)]


class ReferenceChecker(Checker):
    name = "reference"
    categories = ("accuracy/mistranslation",)
    needs = frozenset({"reference"})

    def __init__(self, settings) -> None:
        super().__init__(settings)
        options = settings.checker_options("reference")
        self.worst_fraction = float(options.get("worst_fraction", 0.05))
        self.max_chrf = float(options.get("max_chrf", 40.0))
        self.min_words = int(options.get("min_words", 4))
        self.metrics = tuple(options.get("metrics", METRICS))
        self._hyps: list[str] = []
        self._refs: list[str] = []

    def rule_infos(self) -> Iterable[RuleInfo]:
        yield RuleInfo(
            code=RULE, name="low-chrf-vs-reference", checker=self.name, category="accuracy/mistranslation",
            severity=Severity.MINOR, title="Segment far from the reference (low chrF)",
            description="Among the worst segments of the document by chrF against the human reference and "
                        "below the configured score: a possible mistranslation worth a look.",
        )

    def check(self, document: Document) -> Iterator[Finding]:
        aligned = _aligned(document)
        if not aligned:
            return
        hyps = [document.text[s:e].rstrip() for s, e, _ in aligned]
        refs = [r.rstrip() for _, _, r in aligned]
        self._hyps.extend(hyps)
        self._refs.extend(refs)
        document.metadata["metrics"] = self._corpus(hyps, refs)
        scores, signature = sentence_chrf(hyps, refs)
        candidates = [i for i, h in enumerate(hyps) if len(h.split()) >= self.min_words and refs[i].strip()]
        if not candidates:
            return
        quota = max(1, math.ceil(len(candidates) * self.worst_fraction))
        worst = sorted(candidates, key=lambda i: (scores[i], i))[:quota]
        for i in sorted(worst):
            if scores[i] >= self.max_chrf:
                continue
            start, end, _ = aligned[i]
            text = document.text[start:end]
            start += len(text) - len(text.lstrip())
            end = start + len(text.strip())
            reference = refs[i] if len(refs[i]) <= 200 else refs[i][:199] + "…"
            yield document.finding(
                rule=RULE, checker=self.name, category="accuracy/mistranslation", severity=Severity.MINOR,
                message=f"segment scores chrF {scores[i]:.1f} against the reference; possible mistranslation",
                start=start, end=end, confidence=round(min(0.9, 1 - scores[i] / 100), 3),
                evidence=f"chrF {scores[i]:.1f} ({signature}); reference: {reference}",
            )

    def _corpus(self, hyps: list[str], refs: list[str]) -> dict:
        results = {}
        for name in self.metrics:
            metric = make_metric(name)
            results[name] = {"score": round(metric.corpus_score(hyps, [refs]).score, 4),
                             "signature": str(metric.get_signature())}
        return results

    def corpus_metrics(self) -> dict:
        """Metrics over every segment this checker saw, in document order."""
        if not self._hyps:
            return {}
        return self._corpus(self._hyps, self._refs)
